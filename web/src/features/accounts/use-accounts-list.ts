import { accountListSchema } from '@contract/accounts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';
import type { AccountListText } from './account-list-url';

const pageSize = 100;

/** Pages of the accounts list over keyset cursors, for the virtualised table. */
export const accountsListQuery = (filters: AccountListText) =>
  infiniteQueryOptions({
    queryKey: accountKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      apiJson(accountListSchema, '/accounts', { query: { ...filters, limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useAccountsList(filters: AccountListText) {
  return useInfiniteQuery(accountsListQuery(filters));
}
