import { requestListSchema, type RequestListParams } from '@contract/requests';
import { useInfiniteQuery } from '@tanstack/react-query';
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
