import { importSchema } from '@contract/imports';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { importKeys } from './import-keys';
import { isImportBusy } from './use-imports';

/** One import, polled while it runs: progress lives on the server, so a reload picks it up again. */
export function useImport(id: string) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => apiJson(importSchema, `/imports/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (query.state.data && isImportBusy(query.state.data.status) ? 1000 : false),
  });
}
