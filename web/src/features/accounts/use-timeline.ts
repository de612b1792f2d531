import { timelineListSchema } from '@contract/accounts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';

/** The account's history, newest first, a page at a time. */
export function useTimeline(accountId: string) {
  return useInfiniteQuery({
    queryKey: accountKeys.timeline(accountId),
    queryFn: ({ pageParam, signal }) =>
      apiJson(timelineListSchema, `/accounts/${encodeURIComponent(accountId)}/timeline`, {
        query: { limit: 20, cursor: pageParam },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
