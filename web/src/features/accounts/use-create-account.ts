import { accountSchema } from '@contract/accounts';
import type { AccountCreateWithProject } from '@contract/projects';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountCreateWithProject) => apiJson(accountSchema, '/accounts', { method: 'POST', body: input }),
    onSuccess: async (account) => {
      await queryClient.invalidateQueries({ queryKey: accountKeys.all });
      queryClient.setQueryData(accountKeys.detail(account.id), account);
    },
  });
}
