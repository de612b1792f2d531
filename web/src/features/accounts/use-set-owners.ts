import { accountSchema } from '@contract/accounts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';

export function useSetOwners(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; ownerIds: string[] }) =>
      apiJson(accountSchema, `/accounts/${encodeURIComponent(id)}/owners`, { method: 'PUT', body: input }),
    onSuccess: async (account) => {
      queryClient.setQueryData(accountKeys.detail(id), account);
      await queryClient.invalidateQueries({ queryKey: accountKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}
