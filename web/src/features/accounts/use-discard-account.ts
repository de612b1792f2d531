import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiVoid } from '@web/app/api-client';
import { accountKeys } from './account-keys';

/** Sends the account to the bin (admins can restore it from there). */
export function useDiscardAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiVoid(`/accounts/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: async (_result, id) => {
      queryClient.removeQueries({ queryKey: accountKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: accountKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['bin'] });
    },
  });
}
