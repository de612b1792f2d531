import { binListSchema } from '@contract/accounts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';

export const binKeys = { all: ['bin'] as const };

export function useBin() {
  return useInfiniteQuery({
    queryKey: binKeys.all,
    queryFn: ({ pageParam, signal }) => apiJson(binListSchema, '/bin', { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
