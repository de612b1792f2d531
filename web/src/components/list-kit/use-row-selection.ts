import { useCallback, useEffect, useMemo, useState } from 'react';

export type RowSelection = {
  isSelected: (id: string) => boolean;
  toggle: (id: string) => void;
  /** Header checkbox over the loaded rows: all, some or none of them ticked. */
  loaded: 'all' | 'some' | 'none';
  toggleLoaded: () => void;
};

/** What a bulk action applies to: the ticked rows, or every row matching the list's filter. */
export type Selection<F> = { ids: string[] } | { filter: F };

/**
 * Ticked rows of a list, or "everything matching the filter" (`filter`: the list's query as a
 * bulk action takes it). Changing the filter clears the selection, so an action never applies to
 * rows the user no longer sees.
 */
export function useRowSelection<F>(filter: F, loadedIds: string[], total: number) {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    setIds(new Set());
    setAllMatching(false);
  }, [filterKey]);

  const clear = useCallback(() => {
    setIds(new Set());
    setAllMatching(false);
  }, []);

  const rows = useMemo<RowSelection>(() => {
    const isSelected = (id: string) => allMatching || ids.has(id);
    const tickedLoaded = loadedIds.filter(isSelected).length;
    return {
      isSelected,
      toggle: (id) => {
        // Unticking one row while "everything matching" is on falls back to the loaded rows.
        const next = new Set(allMatching ? loadedIds : ids);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        setAllMatching(false);
        setIds(next);
      },
      loaded: tickedLoaded === 0 ? 'none' : tickedLoaded === loadedIds.length ? 'all' : 'some',
      toggleLoaded: () => {
        const everyLoaded = loadedIds.length > 0 && loadedIds.every(isSelected);
        setAllMatching(false);
        setIds(everyLoaded ? new Set() : new Set([...ids, ...loadedIds]));
      },
    };
  }, [allMatching, ids, loadedIds]);

  const count = allMatching ? total : ids.size;
  const selection = useMemo<Selection<F> | null>(() => {
    if (allMatching) return { filter };
    return ids.size > 0 ? { ids: [...ids] } : null;
  }, [allMatching, filter, ids]);

  return { rows, count, allMatching, ids, selection, selectAllMatching: () => setAllMatching(true), clear };
}
