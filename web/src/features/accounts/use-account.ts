import { accountSchema } from '@contract/accounts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';

/** One account as its page shows it (for a page that reads several, useQueries with these). */
export const accountQuery = (id: string) =>
  queryOptions({
    queryKey: accountKeys.detail(id),
    queryFn: ({ signal }) => apiJson(accountSchema, `/accounts/${encodeURIComponent(id)}`, { signal }),
  });

export function useAccount(id: string) {
  return useQuery(accountQuery(id));
}
