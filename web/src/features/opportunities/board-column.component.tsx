import type { BoardColumn as Column } from '@contract/opportunities';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { ActionIcon, Badge, Box, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconChevronsLeft, IconChevronsRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '@web/components/format';
import { useListLookup } from '@web/features/lists/use-lists';
import { BoardCard } from './board-card.component';
import type { ColumnCards } from './use-board';

type Props = {
  column: Pick<Column, 'stage' | 'count' | 'sums'>;
  cards: ColumnCards | undefined;
  staleDays: number;
  folded: boolean;
  onFold: (folded: boolean) => void;
  onNearEnd: () => void;
};

/**
 * One stage: its count and totals per currency (the server's, over every matching card), its cards
 * in board order, loading the next page as it is scrolled. Folded, it is a narrow drop target.
 */
export function BoardColumn({ column, cards, staleDays, folded, onFold, onNearEnd }: Props) {
  const { t } = useTranslation();
  const lists = useListLookup();
  const label = lists.label('opportunity_stage', column.stage);
  const color = lists.color('opportunity_stage', column.stage) ?? 'var(--mantine-color-gray-5)';
  const droppable = useDroppable({ id: `column:${column.stage}`, data: { stage: column.stage } });
  const items = cards?.cards ?? [];
  return (
    <Paper
      ref={droppable.setNodeRef}
      withBorder
      p="xs"
      bg={droppable.isOver ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)'}
      style={{ flex: folded ? '0 0 56px' : '0 0 280px', borderTop: `4px solid ${color}`, display: 'flex', flexDirection: 'column', maxHeight: 'calc(100dvh - 230px)', minHeight: 200 }}
      data-testid="board-column"
      data-stage={column.stage}
      role="region"
      aria-label={label}
    >
      {folded ? (
        <Stack align="center" gap="xs">
          <ActionIcon variant="subtle" onClick={() => onFold(false)} aria-label={t('opportunities:board.unfold', { stage: label })}>
            <IconChevronsRight size={16} />
          </ActionIcon>
          <Badge variant="light" color="gray">{formatNumber(column.count)}</Badge>
          <Text size="sm" fw={600} style={{ writingMode: 'vertical-rl' }}>{label}</Text>
        </Stack>
      ) : (
        <>
          <Group justify="space-between" gap={4} wrap="nowrap" mb={4}>
            <Text fw={600} size="sm" style={{ overflowWrap: 'break-word', minWidth: 0 }}>{label}</Text>
            <Group gap={4} wrap="nowrap">
              <Text size="xs" c="dimmed" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="column-count">{t('opportunities:board.count', { count: column.count, formatted: formatNumber(column.count) })}</Text>
              <ActionIcon variant="subtle" size="sm" onClick={() => onFold(true)} aria-label={t('opportunities:board.fold', { stage: label })}>
                <IconChevronsLeft size={14} />
              </ActionIcon>
            </Group>
          </Group>
          <Stack gap={0} mb="xs" data-testid="column-sums">
            {column.sums.map((sum) => <Text key={sum.currency} size="xs" c="dimmed">{formatMoney(sum.amount, sum.currency)}</Text>)}
          </Stack>
          <Box
            style={{ overflowY: 'auto', flex: 1, minHeight: 60 }}
            onScroll={(event) => {
              const box = event.currentTarget;
              if (box.scrollTop + box.clientHeight > box.scrollHeight - 120) onNearEnd();
            }}
          >
            <SortableContext items={items.map((card) => card.id)} strategy={verticalListSortingStrategy}>
              <Stack gap={6} p={2}>
                {items.map((card) => <BoardCard key={card.id} card={card} staleDays={staleDays} />)}
                {items.length === 0 && <Text size="xs" c="dimmed" ta="center" py="md">{t('opportunities:board.empty')}</Text>}
              </Stack>
            </SortableContext>
            {cards?.loading && <Center py="xs"><Loader size="xs" aria-label={t('opportunities:board.loading')} /></Center>}
          </Box>
        </>
      )}
    </Paper>
  );
}
