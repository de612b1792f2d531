import { Badge } from '@mantine/core';
import { useListItems } from '@web/features/lists/use-lists';

const fallbackColors: Record<string, string> = { lead: 'gray', prospect: 'blue', customer: 'teal' };

/** A stage in its list colour and label (admins rename and colour stages), never cut short. */
export function StageBadge({ stage }: { stage: string }) {
  const stages = useListItems('account_stage');
  const color = stages.find(stage)?.color ?? fallbackColors[stage] ?? 'gray';
  return (
    <Badge color={color} variant="light" tt="none" style={{ minWidth: 'max-content', flexShrink: 0 }}>
      {stages.label(stage)}
    </Badge>
  );
}
