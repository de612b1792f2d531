import type { DragEndEvent, DragOverEvent, DragStartEvent, UniqueIdentifier } from '@dnd-kit/core';
import { arrayMove } from '@dnd-kit/sortable';
import { useRef } from 'react';
import type { BoardCards } from './use-board';

/** Where a card landed: its stage and the cards now either side of it. */
export type Drop = { id: string; stage: string; fromStage: string; afterId: string | null; beforeId: string | null };

const stageOfColumn = (id: UniqueIdentifier): string | null => (typeof id === 'string' && id.startsWith('column:') ? id.slice('column:'.length) : null);

function stageOf(cards: BoardCards, id: UniqueIdentifier): string | null {
  const column = stageOfColumn(id);
  if (column !== null) return column;
  return Object.entries(cards).find(([, value]) => value.cards.some((card) => card.id === id))?.[0] ?? null;
}

/**
 * Drag and drop across columns (dnd-kit's multiple containers): while dragging, the card moves
 * between columns on screen; on drop, its new neighbours are what the server needs (one write).
 * A cancelled drag puts everything back.
 */
export function useBoardDrag(cards: BoardCards, setCards: (update: (current: BoardCards) => BoardCards) => void, onDrop: (drop: Drop) => void) {
  const snapshot = useRef<{ cards: BoardCards; stage: string; index: number } | null>(null);

  const onDragStart = ({ active }: DragStartEvent) => {
    const stage = stageOf(cards, active.id);
    const index = stage ? (cards[stage]?.cards.findIndex((card) => card.id === active.id) ?? -1) : -1;
    snapshot.current = stage ? { cards, stage, index } : null;
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    setCards((current) => {
      const from = stageOf(current, active.id);
      const to = stageOf(current, over.id);
      if (!from || !to || from === to) return current;
      const source = current[from];
      const target = current[to];
      const card = source?.cards.find((candidate) => candidate.id === active.id);
      if (!source || !target || !card) return current;
      const overIndex = target.cards.findIndex((candidate) => candidate.id === over.id);
      const index = overIndex >= 0 ? overIndex : target.cards.length;
      const moved = { ...card, stage: to };
      return {
        ...current,
        [from]: { ...source, cards: source.cards.filter((candidate) => candidate.id !== active.id) },
        [to]: { ...target, cards: [...target.cards.slice(0, index), moved, ...target.cards.slice(index)] },
      };
    });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const start = snapshot.current;
    snapshot.current = null;
    if (!over || !start) {
      if (start) setCards(() => start.cards);
      return;
    }
    const stage = stageOf(cards, active.id);
    const column = stage ? cards[stage] : undefined;
    if (!stage || !column) return;
    let list = column.cards;
    const from = list.findIndex((card) => card.id === active.id);
    const overIndex = list.findIndex((card) => card.id === over.id);
    if (overIndex >= 0 && overIndex !== from) list = arrayMove(list, from, overIndex);
    const index = list.findIndex((card) => card.id === active.id);
    if (stage === start.stage && index === start.index) return;
    setCards((current) => (current[stage] ? { ...current, [stage]: { ...current[stage], cards: list } } : current));
    onDrop({ id: String(active.id), stage, fromStage: start.stage, afterId: list[index - 1]?.id ?? null, beforeId: list[index + 1]?.id ?? null });
  };

  const onDragCancel = () => {
    const start = snapshot.current;
    snapshot.current = null;
    if (start) setCards(() => start.cards);
  };

  return { onDragStart, onDragOver, onDragEnd, onDragCancel, restore: () => snapshot.current };
}
