import { boardSchema, opportunityListSchema, type BoardQuery, type OpportunityCard } from '@contract/opportunities';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { apiJson } from '@web/app/api-client';
import { opportunityKeys } from './opportunity-keys';

/** The board's first screen: every column's count, totals per currency and first cards, in one answer. */
export function useBoard(query: Omit<BoardQuery, 'cards'>) {
  return useQuery({
    queryKey: opportunityKeys.board(query),
    queryFn: ({ signal }) => apiJson(boardSchema, '/opportunities/board', { query: { ...query, cards: 20 }, signal }),
  });
}

export type ColumnCards = { cards: OpportunityCard[]; nextCursor: string | null; loading: boolean };
export type BoardCards = Record<string, ColumnCards>;

/**
 * The cards on screen per column: the board's first cards, then each column's next pages as it
 * is scrolled, and a drag's moves applied locally until the server's answer reloads the board.
 */
export function useBoardCards(query: Omit<BoardQuery, 'cards'>, board: ReturnType<typeof useBoard>['data']) {
  const [cards, setCards] = useState<BoardCards>({});
  useEffect(() => {
    if (!board) return;
    setCards(Object.fromEntries(board.columns.map((column) => [column.stage, { cards: column.cards, nextCursor: column.nextCursor, loading: false }])));
  }, [board]);

  const loadMore = useCallback(async (stage: string) => {
    let cursor: string | null = null;
    setCards((current) => {
      const column = current[stage];
      if (!column || column.loading || !column.nextCursor) return current;
      cursor = column.nextCursor;
      return { ...current, [stage]: { ...column, loading: true } };
    });
    if (!cursor) return;
    try {
      const page = await apiJson(opportunityListSchema, '/opportunities/board/column', { query: { ...query, stage, cursor, limit: 20 } });
      setCards((current) => {
        const column = current[stage];
        if (!column) return current;
        const known = new Set(column.cards.map((card) => card.id));
        return { ...current, [stage]: { cards: [...column.cards, ...page.items.filter((card) => !known.has(card.id))], nextCursor: page.nextCursor, loading: false } };
      });
    } catch {
      setCards((current) => (current[stage] ? { ...current, [stage]: { ...current[stage], loading: false } } : current));
    }
  }, [query]);

  return { cards, setCards, loadMore };
}
