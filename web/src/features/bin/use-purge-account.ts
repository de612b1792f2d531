import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiVoid } from '@web/app/api-client';
import { binKeys } from './use-bin';

/** Deletes a discarded account for good; there is no undo. */
export function usePurgeAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiVoid(`/bin/accounts/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: binKeys.all }),
  });
}
