import { accountListSchema, type AccountKind } from '@contract/accounts';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';

/** Accounts of one kind matching what the user typed, for pickers. */
export function useAccountSearch(kind: AccountKind, q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: accountKeys.search(kind, term),
    queryFn: ({ signal }) => apiJson(accountListSchema, '/accounts', { query: { kind, q: term || undefined, limit: 20 }, signal }),
    placeholderData: (previous) => previous,
  });
}
