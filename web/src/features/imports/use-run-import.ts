import { importSchema, type ImportMapping, type ImportRulesInput } from '@contract/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { importKeys } from './import-keys';

/** Starts the import with this mapping (and an accounts import's rules); it runs in the background. */
export function useRunImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { mapping: ImportMapping; rules?: ImportRulesInput }) =>
      apiJson(importSchema, `/imports/${encodeURIComponent(id)}/run`, { method: 'POST', body: input }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(importKeys.detail(id), updated);
      await queryClient.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}
