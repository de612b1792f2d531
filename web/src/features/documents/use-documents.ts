import { documentListSchema } from '@contract/documents';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { documentKeys } from './document-keys';

/** The account's documents, newest first, page by page. */
export function useDocuments(accountId: string, opportunityId?: string) {
  return useInfiniteQuery({
    queryKey: [...documentKeys.list(accountId), opportunityId ?? null],
    queryFn: ({ pageParam, signal }) =>
      apiJson(documentListSchema, `/accounts/${accountId}/documents`, { query: { limit: 50, cursor: pageParam, opportunityId }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
