import { searchDefaultLimit, searchResponseSchema } from '@contract/search';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';

// Under the accounts key: every account write invalidates ['accounts'], so results never go stale.
export const quickSearchKey = (q: string) => ['accounts', 'quick-search', q] as const;

/** The header's search: the best accounts for what was typed (after the caller's debounce). */
export function useQuickSearch(q: string) {
  return useQuery({
    queryKey: quickSearchKey(q),
    queryFn: ({ signal }) => apiJson(searchResponseSchema, '/search', { query: { q, limit: searchDefaultLimit }, signal }),
    enabled: q.length > 0,
    // While the next answer loads, the previous one stays on screen instead of flashing empty.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
