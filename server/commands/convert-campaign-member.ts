import { convertedMemberStatus, memberConvertSchema, type CampaignMember, type MemberConvert } from '@contract/campaigns';
import { opportunityCreateSchema } from '@contract/opportunities';
import type { Db } from '@server/db/database';
import { fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { addDays, nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { requireCampaign } from '@server/modules/campaigns/campaigns.service';
import { linkOpportunity, visibleOrganizationsOf } from '@server/modules/campaigns/members.repo';
import { getMember, requireVisibleMember } from '@server/modules/campaigns/members.service';
import { openOpportunity } from '@server/modules/opportunities/opportunities.service';

/**
 * Turns a converted campaign member into an opportunity in one step (seed 001: a campaign's
 * interested people become deals): on the member when it is an organization, else on the
 * person's organization with the person taking part. The opportunity keeps the campaign, its
 * amount is the campaign's price, and the member links to it. Converting again answers the same one.
 */
export async function convertMember(db: Db, actor: Actor, campaignId: string, memberId: string, input: MemberConvert): Promise<{ opportunityId: string; member: CampaignMember }> {
  authorize(actor, { domain: 'campaign', action: 'workMembers' });
  authorize(actor, { domain: 'opportunity', action: 'create' });
  const data = memberConvertSchema.parse(input);
  const opportunityId = await db.transaction().execute(async (trx) => {
    const member = await requireVisibleMember(trx, actor, campaignId, memberId);
    if (member.opportunity_id) return member.opportunity_id;
    if (member.status !== convertedMemberStatus) throw fieldError('status', 'not_converted');
    const campaign = await requireCampaign(trx, campaignId);
    const account = await requireVisibleAccount(trx, actor, member.account_id);
    let organizationId = account.id;
    if (account.kind === 'person') {
      const organizations = await visibleOrganizationsOf(trx, actor, account.id);
      const chosen = data.organizationId ? organizations.find((organization) => organization.id === data.organizationId) : organizations[0];
      if (!chosen) throw fieldError('organizationId', data.organizationId ? 'not_a_contact' : 'no_organization');
      organizationId = chosen.id;
    }
    const currency = data.currency ?? campaign.currency;
    if (!currency) throw fieldError('currency', 'required');
    const today = nowIso().slice(0, 10);
    const id = newId();
    await openOpportunity(trx, actor, id, opportunityCreateSchema.parse({
      organizationId,
      name: data.name ?? `${campaign.name} · ${account.name}`.slice(0, 200),
      amount: campaign.price !== null && campaign.currency === currency ? Number(campaign.price) : null,
      currency,
      expectedCloseOn: data.expectedCloseOn ?? (campaign.ends_on > today ? campaign.ends_on : addDays(nowIso(), 30).slice(0, 10)),
      people: account.kind === 'person' ? [{ personId: account.id }] : [],
    }));
    await linkOpportunity(trx, member.id, campaign.id, id);
    await writeAudit(trx, {
      actorId: actor.id, entity: 'campaign_member', entityId: member.id, accountId: member.account_id, action: 'campaign_member_converted',
      changes: [{ field: 'campaign', before: null, after: campaign.name }, { field: 'opportunityId', before: null, after: id }],
    });
    return id;
  });
  return { opportunityId, member: await getMember(db, actor, campaignId, memberId) };
}
