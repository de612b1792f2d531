import type { OpportunityCard } from '@contract/opportunities';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Anchor, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay, formatMoney } from '@web/components/format';

type Props = { card: OpportunityCard; staleDays: number };

/** A deal on the board: a drag handle as a whole (pointer, or space and arrows), its name a link to its page. */
export function BoardCard({ card, staleDays }: Props) {
  const { t } = useTranslation();
  const sortable = useSortable({ id: card.id, data: { stage: card.stage } });
  const style = {
    transform: CSS.Transform.toString(sortable.transform),
    transition: sortable.transition,
    opacity: sortable.isDragging ? 0.4 : 1,
    borderLeft: card.stale ? '4px solid var(--mantine-color-orange-6)' : undefined,
    cursor: 'grab',
    touchAction: 'manipulation',
  };
  return (
    <Paper ref={sortable.setNodeRef} style={style} withBorder p="xs" shadow="xs" data-testid="board-card" data-id={card.id} data-stale={card.stale || undefined}
      {...sortable.attributes} {...sortable.listeners} aria-label={card.name}>
      <Stack gap={2}>
        <Anchor component={Link} to={`/opportunities/${card.id}`} fw={600} size="sm" onPointerDown={(event) => event.stopPropagation()} style={{ overflowWrap: 'anywhere' }}>
          {card.name}
        </Anchor>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{card.organization.name}</Text>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="sm" fw={500}>{card.amount === null ? t('opportunities:board.noAmount') : formatMoney(card.amount, card.currency)}</Text>
          <Text size="xs" c="dimmed">{card.probability}%</Text>
        </Group>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed">{formatDay(card.expectedCloseOn)} · {card.owner.name}</Text>
          {card.stale && (
            <Tooltip label={t('opportunities:board.staleHint', { days: staleDays })} withinPortal>
              <Badge size="xs" color="orange" variant="light" leftSection={<IconClockExclamation size={10} />}>{t('opportunities:board.stale')}</Badge>
            </Tooltip>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
