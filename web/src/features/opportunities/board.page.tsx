import type { OpportunityCard } from '@contract/opportunities';
import { closestCorners, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconList, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@web/components/error-alert.component';
import { notifications } from '@web/components/notifications';
import { isApiError } from '@web/app/api-client';
import { useLists } from '@web/features/lists/use-lists';
import { useListLookup } from '@web/features/lists/use-lists';
import { BoardColumn } from './board-column.component';
import { LostReasonModal } from './lost-reason-modal.component';
import { OpportunityFilters } from './opportunity-filters.component';
import { OpportunityFormModal } from './opportunity-form-modal.component';
import { useBoard, useBoardCards } from './use-board';
import { useBoardDrag, type Drop } from './use-board-drag';
import { useBoardParams } from './use-opportunity-params';
import { useMoveOpportunity } from './use-opportunity-mutations';

/** The pipeline as a kanban: a column per stage, cards dragged by pointer or keyboard; won and lost folded at first. */
export function BoardPage() {
  const { t } = useTranslation();
  const { query, get, set, params } = useBoardParams();
  const { cards: _cards, ...filters } = query;
  const board = useBoard(filters);
  const lists = useLists();
  const lookup = useListLookup();
  const { cards, setCards, loadMore } = useBoardCards(filters, board.data);
  const move = useMoveOpportunity();
  const [unfolded, setUnfolded] = useState<Record<string, boolean>>({});
  const [creating, setCreating] = useState(false);
  const [losing, setLosing] = useState<{ drop: Drop; card: OpportunityCard } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const outcome = (stage: string) => lists.data?.lists.opportunity_stage?.find((item) => item.key === stage)?.outcome ?? 'open';

  const send = (drop: Drop, card: OpportunityCard, lost?: { lostReason: string | null; lostNote: string | null }) =>
    move.mutate({ id: drop.id, version: card.version, stage: drop.stage, afterId: drop.afterId, beforeId: drop.beforeId, ...lost }, {
      onSuccess: () => notifications.show({ message: t('opportunities:board.moved', { name: card.name, stage: lookup.label('opportunity_stage', drop.stage) }) }),
      onError: (error) => notifications.show({ color: 'red', message: t('opportunities:board.moveFailed', { message: isApiError(error) ? error.message : '' }) }),
    });
  const drag = useBoardDrag(cards, setCards, (drop) => {
    const card = Object.values(cards).flatMap((column) => column.cards).find((candidate) => candidate.id === drop.id);
    if (!card) return;
    if (drop.stage !== drop.fromStage && outcome(drop.stage) === 'lost') setLosing({ drop, card });
    else send(drop, card);
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs">
        <Title order={2}>{t('opportunities:board.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to={`/opportunities?${params.toString()}`} variant="default" leftSection={<IconList size={16} />}>{t('opportunities:list.list')}</Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('opportunities:action.new')}</Button>
        </Group>
      </Group>
      <OpportunityFilters get={get} set={set} />
      <ErrorAlert error={board.error} />
      <Text size="xs" c="dimmed">{t('opportunities:board.dragHint')}</Text>
      {board.isPending ? (
        <Center py="xl"><Loader /></Center>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCorners}
          onDragStart={drag.onDragStart}
          onDragOver={drag.onDragOver}
          onDragEnd={drag.onDragEnd}
          onDragCancel={drag.onDragCancel}
          accessibility={{ screenReaderInstructions: { draggable: t('opportunities:board.dragHint') } }}
        >
          <Group gap="sm" align="flex-start" wrap="nowrap" style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="board">
            {(board.data?.columns ?? []).map((column) => (
              <BoardColumn
                key={column.stage}
                column={column}
                cards={cards[column.stage]}
                staleDays={board.data?.staleDays ?? 14}
                folded={!(unfolded[column.stage] ?? outcome(column.stage) === 'open')}
                onFold={(folded) => setUnfolded((current) => ({ ...current, [column.stage]: !folded }))}
                onNearEnd={() => void loadMore(column.stage)}
              />
            ))}
          </Group>
        </DndContext>
      )}
      {losing && (
        <LostReasonModal
          onCancel={() => {
            setLosing(null);
            void board.refetch();
          }}
          onConfirm={(lost) => {
            send(losing.drop, losing.card, lost);
            setLosing(null);
          }}
        />
      )}
      {creating && <OpportunityFormModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}
