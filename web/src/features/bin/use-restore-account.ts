import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiVoid } from '@web/app/api-client';
import { binKeys } from './use-bin';

/** Brings a discarded account back, with its owners, contacts and history. */
export function useRestoreAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiVoid(`/bin/accounts/${encodeURIComponent(id)}/restore`, { method: 'POST' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: binKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
}
