import type { ListItem, ListKey } from '@contract/lists';
import { listKeySchema } from '@contract/lists';
import type { ListItemRow } from '@server/db/database';

export const presentListItem = (row: ListItemRow): ListItem => ({
  id: row.id,
  listKey: listKeySchema.catch('account_stage').parse(row.list_key),
  key: row.key,
  labels: { es: row.label_es, en: row.label_en },
  color: row.color,
  position: row.position,
  active: row.active,
  system: row.system,
  version: row.version,
  probability: row.probability,
  outcome: row.outcome,
});

export const isListKey = (value: string): value is ListKey => listKeySchema.safeParse(value).success;
