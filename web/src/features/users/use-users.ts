import { userListSchema } from '@contract/users';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { userKeys } from './user-keys';

export type ActiveFilter = 'all' | 'true' | 'false';

export function useUsers(q: string, active: ActiveFilter) {
  return useInfiniteQuery({
    queryKey: userKeys.list(q, active),
    queryFn: ({ pageParam, signal }) =>
      apiJson(userListSchema, '/users', { query: { q: q || undefined, active, limit: 100, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
