import { mergeResultSchema, type MergeRequest } from '@contract/merges';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from './account-keys';

/** Merges duplicates into the survivor; every list, record and history may have changed. */
export function useMergeAccounts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeRequest) => apiJson(mergeResultSchema, '/accounts/merge', { method: 'POST', body: input }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: accountKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['bin'] });
    },
  });
}
