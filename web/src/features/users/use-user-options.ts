import { userOptionListSchema } from '@contract/users';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';

/** Every user's id and name, for owner pickers and filters. */
export function useUserOptions() {
  return useQuery({
    queryKey: ['users', 'options'],
    queryFn: ({ signal }) => apiJson(userOptionListSchema, '/users/options', { signal }),
    staleTime: 60_000,
  });
}
