import { opportunityListSchema, opportunitySchema, type OpportunityListParams } from '@contract/opportunities';
import { opportunityHistorySchema } from '@contract/opportunity-actions';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { opportunityKeys } from './opportunity-keys';

/** The opportunities list under its filters, a keyset page at a time. */
export function useOpportunities(params: OpportunityListParams, enabled = true) {
  return useInfiniteQuery({
    queryKey: opportunityKeys.list(params),
    queryFn: ({ pageParam, signal }) => apiJson(opportunityListSchema, '/opportunities', { query: { ...params, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled,
  });
}

export function useOpportunity(id: string) {
  return useQuery({ queryKey: opportunityKeys.one(id), queryFn: ({ signal }) => apiJson(opportunitySchema, `/opportunities/${encodeURIComponent(id)}`, { signal }) });
}

/** The opportunity's own history, newest first. */
export function useOpportunityHistory(id: string) {
  return useInfiniteQuery({
    queryKey: opportunityKeys.history(id),
    queryFn: ({ pageParam, signal }) => apiJson(opportunityHistorySchema, `/opportunities/${encodeURIComponent(id)}/history`, { query: { limit: 30, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
