import type { CampaignListParams, MemberListParams } from '@contract/campaigns';

/** Query keys of campaigns: invalidating a campaign's `members` refreshes its list, totals and rows. */
export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (params: CampaignListParams) => ['campaigns', 'list', params] as const,
  one: (id: string) => ['campaigns', 'one', id] as const,
  members: (id: string) => ['campaigns', 'members', id] as const,
  memberList: (id: string, params: MemberListParams) => ['campaigns', 'members', id, 'list', params] as const,
  groups: (id: string, params: MemberListParams) => ['campaigns', 'members', id, 'groups', params] as const,
};
