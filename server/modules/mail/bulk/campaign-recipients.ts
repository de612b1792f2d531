import type { MergeValues } from '@contract/email-merge';
import type { Db } from '@server/db/database';
import type { Actor } from '@server/policies';
import { countUpTo } from '@server/lib/list';
import { campaignMergeValues } from '../merge-values';
import { filteredMembers, memberDrive } from '@server/modules/campaigns/members.repo';
import { requireCampaign } from '@server/modules/campaigns/campaigns.service';
import { accountsPage, type RecipientSource } from './recipient-source';

type Members = Awaited<ReturnType<typeof members>>;
type MemberKey = { account_id: string; account_name_norm: string; id: string };

/** One page of member keys after `after` (by name, then id). */
function keysAfter(base: Members, after: MemberKey | null, pageSize: number): Promise<MemberKey[]> {
  let query = base.select(['campaign_members.account_id', 'campaign_members.account_name_norm', 'campaign_members.id']);
  if (after) query = query.where((eb) => eb(eb.refTuple('campaign_members.account_name_norm', 'campaign_members.id'), '>', eb.tuple(after.account_name_norm, after.id)));
  return query.orderBy('campaign_members.account_name_norm').orderBy('campaign_members.id').limit(pageSize).execute();
}

/** The campaign's members the author sees (their portfolio's), with one of `statuses` when given. */
async function members(db: Db, author: Actor, campaignId: string, statuses: string[] | null) {
  const base = filteredMembers(db, author, campaignId, {}, await memberDrive(db, author, campaignId));
  return statuses ? base.where('campaign_members.status', 'in', statuses) : base;
}

/**
 * A campaign's members as a bulk send's recipients, page by page along the campaign's name index;
 * each message merges `campaign.*` and counts in the member's mail on the campaign page.
 */
export function campaignRecipients(db: Db, author: Actor, campaignId: string, statuses: string[] | null, includeContacts: boolean, pageSize: number): RecipientSource {
  return {
    count: async () => countUpTo(db, await members(db, author, campaignId, statuses), Number.MAX_SAFE_INTEGER - 1),
    async *pages() {
      const extra: MergeValues = campaignMergeValues(await requireCampaign(db, campaignId));
      const base = await members(db, author, campaignId, statuses);
      let after: MemberKey | null = null;
      for (;;) {
        const keys = await keysAfter(base, after, pageSize);
        const last = keys[keys.length - 1];
        if (!last) return;
        const accounts = await db.selectFrom('accounts').selectAll().where('id', 'in', keys.map((key) => key.account_id)).execute();
        const byId = new Map(accounts.map((account) => [account.id, account]));
        yield accountsPage(db, author, keys.flatMap((key) => byId.get(key.account_id) ?? []), includeContacts, extra);
        if (keys.length < pageSize) return;
        after = last;
      }
    },
  };
}
