import { bulkStartedSchema } from '@contract/bulk';
import {
  campaignMemberSchema, memberConvertedSchema, memberListSchema,
  type MemberBulkAdd, type MemberConvert, type MemberCreate, type MemberListParams, type MemberUpdate,
} from '@contract/campaigns';
import { groupCountSchema } from '@contract/list-query';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, apiVoid } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';
import { campaignKeys } from './campaign-keys';

const base = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/members`;

/** A campaign's members the user sees, a page at a time. */
export function useMembers(campaignId: string, params: MemberListParams) {
  return useInfiniteQuery({
    queryKey: campaignKeys.memberList(campaignId, params),
    queryFn: ({ pageParam, signal }) => apiJson(memberListSchema, base(campaignId), { query: { ...params, cursor: pageParam }, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** The campaign's totals per member status, under the same filters (the user's portfolio only). */
export function useMemberGroups(campaignId: string, params: MemberListParams) {
  const { status: _status, sort: _sort, cursor: _cursor, limit: _limit, ...filters } = params;
  return useQuery({
    queryKey: campaignKeys.groups(campaignId, filters),
    queryFn: ({ signal }) => apiJson(groupCountSchema, `${base(campaignId)}/groups`, { query: { ...filters, by: 'status' }, signal }),
  });
}

/** Every change to members refreshes the campaign's list and totals and the accounts' histories. */
function useRefresh(campaignId: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: campaignKeys.members(campaignId) }),
    queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  ]);
}

export function useAddMember(campaignId: string) {
  const refresh = useRefresh(campaignId);
  return useMutation({ mutationFn: (input: MemberCreate) => apiJson(campaignMemberSchema, base(campaignId), { method: 'POST', body: input }), onSuccess: refresh });
}

export function useAddMembers(campaignId: string) {
  return useMutation({ mutationFn: (input: MemberBulkAdd) => apiJson(bulkStartedSchema, `${base(campaignId)}/bulk`, { method: 'POST', body: input }) });
}

export function useUpdateMember(campaignId: string) {
  const refresh = useRefresh(campaignId);
  return useMutation({
    mutationFn: ({ id, ...input }: MemberUpdate & { id: string }) => apiJson(campaignMemberSchema, `${base(campaignId)}/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: refresh,
  });
}

export function useRemoveMember(campaignId: string) {
  const refresh = useRefresh(campaignId);
  return useMutation({ mutationFn: (id: string) => apiVoid(`${base(campaignId)}/${encodeURIComponent(id)}`, { method: 'DELETE' }), onSuccess: refresh });
}

export function useConvertMember(campaignId: string) {
  const refresh = useRefresh(campaignId);
  return useMutation({
    mutationFn: ({ id, ...input }: MemberConvert & { id: string }) => apiJson(memberConvertedSchema, `${base(campaignId)}/${encodeURIComponent(id)}/convert`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}
