import { requestListSchema, type RequestListParams } from '@contract/requests';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { requestKeys } from './request-keys';

export function useRequests(params: RequestListParams) {
  return useInfiniteQuery({
    queryKey: requestKeys.list(params),
    queryFn: ({ pageParam, signal }) => apiJson(requestListSchema, '/requests', { query: { ...params, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** The requests list page's pages, its query as the URL spells it (useListUrl's `text`). */
export const requestListQuery = (text: Readonly<Partial<Record<string, string>>>) =>
  infiniteQueryOptions({
    queryKey: requestKeys.list(text),
    queryFn: ({ pageParam, signal }) => apiJson(requestListSchema, '/requests', { query: { ...text, limit: 100, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
