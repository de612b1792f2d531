import { accountSchema, type AccountUpdate } from '@contract/accounts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';

/** Saves the edit form; the body carries the version, so a stale edit is refused with 412. */
export function useUpdateAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountUpdate) =>
      apiJson(accountSchema, `/accounts/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: async (account) => {
      queryClient.setQueryData(accountKeys.detail(id), account);
      await queryClient.invalidateQueries({ queryKey: accountKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}
