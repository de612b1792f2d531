import { campaignListSchema, campaignSchema, type CampaignCreate, type CampaignListParams, type CampaignUpdate } from '@contract/campaigns';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { campaignKeys } from './campaign-keys';

/** The campaigns list, most recent first, a page at a time. */
export function useCampaigns(params: CampaignListParams) {
  return useInfiniteQuery({
    queryKey: campaignKeys.list(params),
    queryFn: ({ pageParam, signal }) => apiJson(campaignListSchema, '/campaigns', { query: { ...params, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: campaignKeys.one(id),
    queryFn: ({ signal }) => apiJson(campaignSchema, `/campaigns/${encodeURIComponent(id)}`, { signal }),
    retry: false,
  });
}

export function useSaveCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; body: CampaignCreate | CampaignUpdate }) =>
      input.id
        ? apiJson(campaignSchema, `/campaigns/${encodeURIComponent(input.id)}`, { method: 'PATCH', body: input.body })
        : apiJson(campaignSchema, '/campaigns', { method: 'POST', body: input.body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}
