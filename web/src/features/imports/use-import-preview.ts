import { importPreviewSchema, type ImportMapping, type ImportRulesInput } from '@contract/imports';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';

/** The first rows as the current mapping and rules (an accounts import's) would import them, with their errors. */
export function useImportPreview(id: string, mapping: ImportMapping, rules: ImportRulesInput | undefined) {
  return useQuery({
    queryKey: ['imports', 'preview', id, mapping, rules],
    queryFn: ({ signal }) => apiJson(importPreviewSchema, `/imports/${encodeURIComponent(id)}/preview`, { method: 'POST', body: { mapping, rules }, signal }),
    placeholderData: keepPreviousData,
  });
}
