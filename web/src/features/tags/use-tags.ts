import { accountTagsSchema, tagListSchema, tagSchema } from '@contract/tags';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { tagKeys } from './tag-keys';

/** Tags by name, page by page; `q` matches the start of the name; `counts`: each with its accounts counted (the tags page). */
export function useTags(q = '', counts = false) {
  return useInfiniteQuery({
    queryKey: counts ? tagKeys.counted(q) : tagKeys.list(q),
    queryFn: ({ pageParam, signal }) =>
      apiJson(tagListSchema, '/tags', { query: { q, limit: counts ? 50 : 200, cursor: pageParam, ...(counts ? { counts: true } : {}) }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useTag(id: string) {
  return useQuery({
    queryKey: tagKeys.detail(id),
    queryFn: ({ signal }) => apiJson(tagSchema, `/tags/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useAccountTags(accountId: string) {
  return useQuery({
    queryKey: tagKeys.ofAccount(accountId),
    queryFn: ({ signal }) => apiJson(accountTagsSchema, `/accounts/${encodeURIComponent(accountId)}/tags`, { signal }),
  });
}
