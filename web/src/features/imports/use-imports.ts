import { importListSchema, type Import } from '@contract/imports';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { importKeys } from './import-keys';

export const isImportBusy = (status: Import['status']): boolean => status === 'queued' || status === 'running' || status === 'undoing';

/** The imports the user may see; refreshed every few seconds while one of them is working. */
export function useImports() {
  return useQuery({
    queryKey: importKeys.list(),
    queryFn: ({ signal }) => apiJson(importListSchema, '/imports', { signal, query: { limit: 100 } }),
    refetchInterval: (query) => (query.state.data?.items.some((item) => isImportBusy(item.status)) ? 2000 : false),
  });
}
