import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiVoid } from '@web/app/api-client';
import { binKeys } from './use-bin';

/** Undoes a merge: the merged account comes back from the bin with what was moved from it. */
export function useUndoMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => apiVoid(`/accounts/merges/${encodeURIComponent(mergeId)}/undo`, { method: 'POST' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: binKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
}
