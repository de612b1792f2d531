import { importSchema } from '@contract/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { importKeys } from './import-keys';

/** Undo (remove what it created, restore what it updated) or resume a failed import. */
export function useImportAction(id: string, action: 'undo' | 'resume') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiJson(importSchema, `/imports/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: {} }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(importKeys.detail(id), updated);
      await queryClient.invalidateQueries({ queryKey: importKeys.list() });
      await queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
}
