import { accountSchema } from '@contract/accounts';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';

export function useAccount(id: string) {
  return useQuery({
    queryKey: accountKeys.detail(id),
    queryFn: ({ signal }) => apiJson(accountSchema, `/accounts/${encodeURIComponent(id)}`, { signal }),
  });
}
