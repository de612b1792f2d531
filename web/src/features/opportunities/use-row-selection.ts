import type { OpportunitySelection } from '@contract/opportunity-actions';
import type { OpportunityFilters } from '@contract/opportunities';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TableSelection } from './opportunities-table.component';

/**
 * Ticked opportunities, or "everything matching the filters". Changing the filters clears it, so
 * an action never applies to rows the user no longer sees.
 */
export function useRowSelection(filters: OpportunityFilters, loadedIds: string[]) {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    setIds(new Set());
    setAllMatching(false);
  }, [filterKey]);
  const clear = useCallback(() => {
    setIds(new Set());
    setAllMatching(false);
  }, []);
  const table = useMemo<TableSelection>(() => {
    const isSelected = (id: string) => allMatching || ids.has(id);
    const ticked = loadedIds.filter(isSelected).length;
    return {
      isSelected,
      toggle: (id) => {
        setAllMatching(false);
        setIds((current) => {
          const next = new Set(allMatching ? loadedIds : current);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        });
      },
      loaded: ticked === 0 ? 'none' : ticked === loadedIds.length ? 'all' : 'some',
      toggleLoaded: () => {
        setAllMatching(false);
        setIds(ticked === loadedIds.length ? new Set() : new Set(loadedIds));
      },
    };
  }, [allMatching, ids, loadedIds]);
  const selection: OpportunitySelection = allMatching ? { filter: filters } : { ids: [...ids] };
  return { table, ids, allMatching, count: allMatching ? null : ids.size, selection, clear, selectAllMatching: () => setAllMatching(true) };
}
