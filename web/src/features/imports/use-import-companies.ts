import { importCompanyListSchema } from '@contract/imports';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { importKeys } from './import-keys';

/** The organizations an import created for its people's company column, page by page. */
export function useImportCompanies(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: importKeys.companies(id),
    queryFn: ({ pageParam, signal }) => apiJson(importCompanyListSchema, `/imports/${encodeURIComponent(id)}/companies`, { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled,
  });
}
