import type { ListKey } from '@contract/lists';
import { Badge } from '@mantine/core';
import { useListLookup } from './use-lists';

/** A list value as a badge in its item's colour (request statuses, activity types). */
export function ListBadge({ listKey, value }: { listKey: ListKey; value: string | null }) {
  const lists = useListLookup();
  if (!value) return null;
  return (
    <Badge variant="light" color={lists.color(listKey, value) ?? 'gray'} style={{ textTransform: 'none', minWidth: 'max-content' }}>
      {lists.label(listKey, value)}
    </Badge>
  );
}
