import { Badge } from '@mantine/core';
import { useListItems } from '@web/features/lists/use-lists';

const fallbackColors: Record<string, string> = { lead: 'gray', prospect: 'blue', customer: 'teal' };

/** A stage in its list colour and label (admins rename and colour stages). */
export function StageBadge({ stage }: { stage: string }) {
  const stages = useListItems('account_stage');
  const color = stages.find(stage)?.color ?? fallbackColors[stage] ?? 'gray';
  return (
    <Badge color={color} variant="light" tt="none" style={{ maxWidth: '100%' }}>
      {stages.label(stage)}
    </Badge>
  );
}
