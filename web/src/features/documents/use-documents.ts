import { documentListSchema } from '@contract/documents';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { documentKeys } from './document-keys';

/** What the documents belong to besides the account: one opportunity's or one project's. */
export type DocumentLinks = { opportunityId?: string | undefined; projectId?: string | undefined };

/** The account's documents (or those of one of its opportunities or projects), newest first, page by page. */
export function useDocuments(accountId: string, links: DocumentLinks = {}) {
  return useInfiniteQuery({
    queryKey: [...documentKeys.list(accountId), links.opportunityId ?? null, links.projectId ?? null],
    queryFn: ({ pageParam, signal }) =>
      apiJson(documentListSchema, `/accounts/${accountId}/documents`, { query: { limit: 50, cursor: pageParam, ...links }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
