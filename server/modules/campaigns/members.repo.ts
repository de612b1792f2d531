import { sql, type SqlBool } from 'kysely';
import type { MemberListQuery } from '@contract/campaigns';
import type { CampaignMemberRow, NewCampaignMember } from '@server/db/campaign-tables';
import type { Db } from '@server/db/database';
import { countUpTo } from '@server/lib/list';
import { accountScope, accountScopeOf, activityPrivacy, memberScope, type Actor, type MemberDrive } from '@server/policies';
import { portfolioSize } from '@server/modules/accounts/account-list';
import { containing } from './campaigns.repo';

/**
 * How an agent's member list reads their portfolio: walking the campaign's index and checking
 * each member costs a lookup per member passed; reading the portfolio first costs one per
 * portfolio account. The smaller side leads (a campaign counted only up to the portfolio's size).
 */
export async function memberDrive(db: Db, actor: Actor, campaignId: string): Promise<MemberDrive> {
  const scope = accountScopeOf(actor);
  if (scope.sees === 'all') return 'probe';
  const size = await portfolioSize(db, scope);
  if (size === null) return 'probe';
  const campaign = db.selectFrom('campaign_members').where('campaign_members.campaign_id', '=', campaignId).where('campaign_members.account_discarded_at', 'is', null);
  return (await countUpTo(db, campaign, size)) > size ? 'portfolio' : 'probe';
}

/** A campaign's members the actor may see, under the list's filters: every list, count and export starts here. */
export function filteredMembers(db: Db, actor: Actor, campaignId: string, filters: Partial<MemberListQuery>, drive: MemberDrive = 'probe') {
  let base = db.selectFrom('campaign_members').where('campaign_members.campaign_id', '=', campaignId).where(memberScope(actor, 'campaign_members', drive));
  if (filters.status) base = base.where('campaign_members.status', '=', filters.status);
  if (filters.responsibleId) base = base.where('campaign_members.responsible_id', '=', filters.responsibleId);
  if (filters.q) base = base.where(sql<SqlBool>`campaign_members.account_name_norm like ${containing(filters.q)} escape '\\'`);
  return base;
}

export type MemberView = CampaignMemberRow & {
  account_kind: 'organization' | 'person'; account_name: string; account_emails: string; account_phones: string; responsible_name: string | null;
};

/** Members by id with their account's contact data and responsible's name, in the order given. */
export async function findMemberViews(db: Db, ids: string[]): Promise<MemberView[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('campaign_members')
    .innerJoin('accounts', 'accounts.id', 'campaign_members.account_id')
    .selectAll('campaign_members')
    .select(['accounts.kind as account_kind', 'accounts.name as account_name', 'accounts.emails as account_emails', 'accounts.phones as account_phones'])
    .select(sql<string | null>`(select u.name from users u where u.id = campaign_members.responsible_id)`.as('responsible_name'))
    .where('campaign_members.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A member of the campaign the actor may see, or undefined. */
export const findVisibleMember = (db: Db, actor: Actor, campaignId: string, memberId: string): Promise<CampaignMemberRow | undefined> =>
  db.selectFrom('campaign_members').selectAll().where('campaign_members.id', '=', memberId).where('campaign_members.campaign_id', '=', campaignId)
    .where(memberScope(actor)).executeTakeFirst();

/** The account's membership of the campaign when the actor sees it (a message written for a member). */
export const findVisibleMembership = (db: Db, actor: Actor, campaignId: string, accountId: string): Promise<CampaignMemberRow | undefined> =>
  db.selectFrom('campaign_members').selectAll().where('campaign_members.campaign_id', '=', campaignId).where('campaign_members.account_id', '=', accountId)
    .where(memberScope(actor)).executeTakeFirst();

/** The account's membership of the campaign, whoever may see it (to keep adds idempotent). */
export const findMembership = (db: Db, campaignId: string, accountId: string): Promise<CampaignMemberRow | undefined> =>
  db.selectFrom('campaign_members').selectAll().where('campaign_id', '=', campaignId).where('account_id', '=', accountId).executeTakeFirst();

/** Adds the membership; false when the account was already a member (nothing changes then). */
export async function insertMember(db: Db, row: NewCampaignMember): Promise<boolean> {
  const inserted = await db.insertInto('campaign_members').values(row).onConflict((conflict) => conflict.columns(['account_id', 'campaign_id']).doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export async function updateMemberRow(db: Db, id: string, version: number, patch: Partial<Pick<CampaignMemberRow, 'status' | 'responsible_id' | 'note' | 'opportunity_id' | 'updated_at' | 'updated_by'>>): Promise<boolean> {
  const result = await db.updateTable('campaign_members').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteMemberRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('campaign_members').where('id', '=', id).execute();
}

export type ActivityBrief = { account_id: string; id: string; type: string; subject: string; at: string };

/**
 * Each member's last campaign activity held and next one due, among those the actor may see (a
 * private one of someone else's is not theirs to know), read along the campaign's activity index.
 */
export async function memberActivities(db: Db, actor: Actor, campaignId: string, accountIds: string[]): Promise<{ last: Map<string, ActivityBrief>; next: Map<string, ActivityBrief> }> {
  const last = new Map<string, ActivityBrief>();
  const next = new Map<string, ActivityBrief>();
  if (accountIds.length === 0) return { last, next };
  const base = db.selectFrom('activities as act').where('act.campaign_id', '=', campaignId).where('act.account_id', 'in', accountIds).where(activityPrivacy(actor, 'act'));
  const scheduled = await base.select(['act.account_id', 'act.id', 'act.type', 'act.subject', 'act.due_at as at']).where('act.status', '=', 'scheduled').orderBy('act.due_at').orderBy('act.id').execute();
  for (const row of scheduled) if (!next.has(row.account_id)) next.set(row.account_id, row);
  const done = await base.select(['act.account_id', 'act.id', 'act.type', 'act.subject', 'act.start_at as at']).where('act.status', '=', 'done').orderBy('act.start_at', 'desc').orderBy('act.id', 'desc').execute();
  for (const row of done) if (!last.has(row.account_id)) last.set(row.account_id, row);
  return { last, next };
}

export type MailCounts = { sent: number; failed: number; opened: number };

/** Each member's campaign messages: sent, failed and opened. */
export async function memberMailCounts(db: Db, campaignId: string, accountIds: string[]): Promise<Map<string, MailCounts>> {
  const counts = new Map<string, MailCounts>();
  if (accountIds.length === 0) return counts;
  const rows = await db.selectFrom('email_messages')
    .select(['account_id', 'status', sql<number | string>`count(*)`.as('n'), sql<number | string>`count(opened_at)`.as('opened')])
    .where('campaign_id', '=', campaignId).where('account_id', 'in', accountIds)
    .groupBy(['account_id', 'status']).execute();
  for (const row of rows) {
    if (!row.account_id) continue;
    const entry = counts.get(row.account_id) ?? { sent: 0, failed: 0, opened: 0 };
    if (row.status === 'sent') entry.sent += Number(row.n);
    if (row.status === 'failed') entry.failed += Number(row.n);
    entry.opened += Number(row.opened);
    counts.set(row.account_id, entry);
  }
  return counts;
}

/** The organizations a person is a contact of that the actor sees, by name: where a converted person's opportunity goes. */
export const visibleOrganizationsOf = (db: Db, actor: Actor, personId: string) =>
  db.selectFrom('contacts').innerJoin('accounts', 'accounts.id', 'contacts.organization_id')
    .select(['accounts.id', 'accounts.name']).where('contacts.person_id', '=', personId).where(accountScope(actor, 'accounts'))
    .orderBy('accounts.name_norm').orderBy('accounts.id').execute();

/** The opportunity a converted member became, and the campaign it keeps. */
export async function linkOpportunity(db: Db, memberId: string, campaignId: string, opportunityId: string): Promise<void> {
  await db.updateTable('opportunities').set({ campaign_id: campaignId }).where('id', '=', opportunityId).execute();
  await db.updateTable('campaign_members').set({ opportunity_id: opportunityId }).where('id', '=', memberId).execute();
}
