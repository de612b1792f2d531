import { timelineListSchema, type HistoryKind } from '@contract/accounts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';

/**
 * The account's history, newest first, a page at a time: only the kinds given (all when none), and
 * with `batch` the entries of one import, bulk action or merge instead (an expanded group).
 */
export function useTimeline(accountId: string, kinds: HistoryKind[], batch?: string) {
  return useInfiniteQuery({
    queryKey: [...accountKeys.timeline(accountId), kinds.join(','), batch ?? ''],
    queryFn: ({ pageParam, signal }) =>
      apiJson(timelineListSchema, `/accounts/${encodeURIComponent(accountId)}/timeline`, {
        query: { limit: 20, cursor: pageParam, kinds: kinds.length > 0 ? kinds.join(',') : undefined, batch },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
