import {
  memberCreateSchema, memberUpdateSchema,
  type CampaignMember, type MemberCreate, type MemberGroupQuery, type MemberListQuery, type MemberUpdate,
} from '@contract/campaigns';
import type { ListResponse } from '@contract/common';
import type { GroupCount } from '@contract/list-query';
import type { CampaignMemberRow, CampaignRow } from '@server/db/campaign-tables';
import type { AccountRow, Db } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError, fieldError } from '@server/lib/errors';
import { groupCount, valueBuckets } from '@server/lib/group-count';
import { newId } from '@server/lib/ids';
import { firstOfJsonArray } from '@server/lib/json';
import { keysetPage, sortTable } from '@server/lib/list';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { ensureAssigneeSeesAccount } from '@server/commands/assign-work';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { checkListValue } from '@server/modules/lists/lists.service';
import { listItems } from '@server/modules/lists/lists.repo';
import { suppressionsOf } from '@server/modules/mail/suppressions.repo';
import { activeUserIds } from '@server/modules/users/users.repo';
import { authorizeCampaign, requireCampaign } from './campaigns.service';
import { presentMember } from './members.presenter';
import {
  deleteMemberRow, filteredMembers, findMemberViews, findMembership, findVisibleMember, insertMember, memberActivities, memberDrive,
  memberMailCounts, updateMemberRow,
} from './members.repo';

export const memberStatusList = 'campaign_member_status';

/** Members as the campaign page shows them, in the order of `ids`: contact data, last and next activity, mail. */
export async function presentMembers(db: Db, actor: Actor, campaignId: string, ids: string[]): Promise<CampaignMember[]> {
  const rows = await findMemberViews(db, ids);
  const accountIds = rows.map((row) => row.account_id);
  const { last, next } = await memberActivities(db, actor, campaignId, accountIds);
  const mail = await memberMailCounts(db, campaignId, accountIds);
  const addresses = new Map(rows.flatMap((row) => {
    const address = firstOfJsonArray(row.account_emails);
    return address ? [[row.account_id, address.toLowerCase()] as const] : [];
  }));
  const suppressed = await suppressionsOf(db, [...addresses.values()]);
  return rows.map((row) => {
    const address = addresses.get(row.account_id);
    return presentMember(row, {
      last: last.get(row.account_id), next: next.get(row.account_id), mail: mail.get(row.account_id),
      unsubscribed: address !== undefined && suppressed.get(address)?.reason === 'unsubscribed',
    });
  });
}

export async function requireVisibleMember(db: Db, actor: Actor, campaignId: string, memberId: string): Promise<CampaignMemberRow> {
  const row = await findVisibleMember(db, actor, campaignId, memberId);
  if (!row) throw new AppError('not_found');
  return row;
}

async function presentOne(db: Db, actor: Actor, row: CampaignMemberRow): Promise<CampaignMember> {
  const [member] = await presentMembers(db, actor, row.campaign_id, [row.id]);
  if (!member) throw new AppError('not_found');
  return member;
}

export async function getMember(db: Db, actor: Actor, campaignId: string, memberId: string): Promise<CampaignMember> {
  authorize(actor, { domain: 'campaign', action: 'read' });
  return presentOne(db, actor, await requireVisibleMember(db, actor, campaignId, memberId));
}

const memberSorts = sortTable('campaign_members', { name: ['account_name_norm'], addedAt: ['added_at'] });

/** A campaign's members the actor sees (their portfolio's), one keyset page in the sort asked for. */
export async function listMembers(db: Db, actor: Actor, campaignId: string, query: MemberListQuery): Promise<ListResponse<CampaignMember>> {
  authorize(actor, { domain: 'campaign', action: 'read' });
  await requireCampaign(db, campaignId);
  const base = filteredMembers(db, actor, campaignId, query, await memberDrive(db, actor, campaignId));
  const plan = memberSorts.plan(query.sort);
  const columns = memberSorts.columns().map((column) => `campaign_members.${column}` as const);
  const page = await keysetPage(db, base, base.select(['campaign_members.id', ...columns]), plan, query, (row) => memberSorts.values(query.sort, row));
  return { items: await presentMembers(db, actor, campaignId, page.rows.map((row) => row.id)), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}

/** The campaign's totals: its members the actor sees counted per status, under the list's filters. */
export async function countMemberGroups(db: Db, actor: Actor, campaignId: string, query: MemberGroupQuery): Promise<GroupCount> {
  authorize(actor, { domain: 'campaign', action: 'read' });
  await requireCampaign(db, campaignId);
  const base = filteredMembers(db, actor, campaignId, query, await memberDrive(db, actor, campaignId));
  const statuses = (await listItems(db, memberStatusList, true)).map((item) => item.key);
  return { groups: await groupCount(db, base, valueBuckets('campaign_members.status', statuses)) };
}

/** The list's first active status: where a member starts unless told. */
async function firstStatus(db: Db): Promise<string> {
  const [first] = await listItems(db, memberStatusList, false);
  if (!first) throw fieldError('status', 'unknown_list_item');
  return first.key;
}

export type MemberDefaults = { status?: string | undefined; responsibleId?: string | null | undefined; note?: string | null | undefined; addAssigneeAsOwner?: boolean | undefined };

/** Status and responsible of members about to be added: an active status item, an active user. */
export async function checkMemberDefaults(db: Db, defaults: MemberDefaults, prefix = ''): Promise<{ status: string; responsibleId: string | null }> {
  if (defaults.status) await checkListValue(db, 'campaign_member_status', `${prefix}status`, defaults.status);
  const responsibleId = defaults.responsibleId ?? null;
  if (responsibleId && !(await activeUserIds(db, [responsibleId])).has(responsibleId)) throw fieldError(`${prefix}responsibleId`, 'unknown_user');
  return { status: defaults.status ?? (await firstStatus(db)), responsibleId };
}

/**
 * Adds an account the actor sees to the campaign, inside the caller's transaction; its responsible
 * user must see the account (see assign-work). False when it already was a member (nothing changes).
 * The account's history shows it joined.
 */
export async function addMemberRow(
  trx: Db, actor: Actor, campaign: CampaignRow, account: AccountRow, fields: { status: string; responsibleId: string | null; note: string | null }, addAsOwner = false,
): Promise<string | null> {
  await ensureAssigneeSeesAccount(trx, actor, account, fields.responsibleId, { field: 'responsibleId', addAsOwner });
  const now = nowIso();
  const id = newId();
  const inserted = await insertMember(trx, {
    id, campaign_id: campaign.id, account_id: account.id, account_discarded_at: account.discarded_at, account_name_norm: account.name_norm,
    status: fields.status, responsible_id: fields.responsibleId, note: fields.note, opportunity_id: null,
    added_at: now, added_by: actor.id, updated_at: now, updated_by: actor.id, version: 1,
  });
  if (!inserted) return null;
  await writeAudit(trx, {
    actorId: actor.id, entity: 'campaign_member', entityId: id, accountId: account.id, action: 'campaign_member_added',
    changes: [{ field: 'campaign', before: null, after: campaign.name }, { field: 'status', before: null, after: fields.status }],
  });
  return id;
}

/** Adds one account to the campaign (those who run it); an account already in it is refused. */
export async function addMember(db: Db, actor: Actor, campaignId: string, input: MemberCreate): Promise<CampaignMember> {
  authorize(actor, { domain: 'campaign', action: 'read' });
  const data = memberCreateSchema.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    const campaign = await requireCampaign(trx, campaignId);
    await authorizeCampaign(trx, actor, campaignId, 'manageMembers');
    const account = await requireVisibleAccount(trx, actor, data.accountId);
    const defaults = await checkMemberDefaults(trx, data);
    if (await findMembership(trx, campaignId, account.id)) throw fieldError('accountId', 'already_member');
    const added = await addMemberRow(trx, actor, campaign, account, { ...defaults, note: data.note ?? null }, data.addAssigneeAsOwner ?? false);
    if (!added) throw fieldError('accountId', 'already_member');
    return added;
  });
  return getMember(db, actor, campaignId, id);
}

type MemberFields = { status: string; responsibleId: string | null; note: string | null };
const auditedMemberFields = ['status', 'responsibleId', 'note'] as const;

/** Works a member the actor sees: status, responsible (who must see the account) and note, if the version is current. */
export async function updateMember(db: Db, actor: Actor, campaignId: string, memberId: string, input: MemberUpdate): Promise<CampaignMember> {
  authorize(actor, { domain: 'campaign', action: 'workMembers' });
  const { version, addAssigneeAsOwner, ...data } = memberUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await requireVisibleMember(trx, actor, campaignId, memberId);
    if (before.version !== version) throw new AppError('stale_version');
    const old: MemberFields = { status: before.status, responsibleId: before.responsible_id, note: before.note };
    const next: MemberFields = { ...old };
    if (data.status !== undefined) next.status = data.status;
    if (data.responsibleId !== undefined) next.responsibleId = data.responsibleId;
    if (data.note !== undefined) next.note = data.note;
    await checkListValue(trx, 'campaign_member_status', 'status', next.status, old.status);
    if (next.responsibleId !== old.responsibleId && next.responsibleId !== null) {
      if (!(await activeUserIds(trx, [next.responsibleId])).has(next.responsibleId)) throw fieldError('responsibleId', 'unknown_user');
      const account = await requireVisibleAccount(trx, actor, before.account_id);
      await ensureAssigneeSeesAccount(trx, actor, account, next.responsibleId, { field: 'responsibleId', addAsOwner: addAssigneeAsOwner ?? false });
    }
    const changes = diffFields(old, next, auditedMemberFields);
    if (changes.length === 0) return;
    const patch = { status: next.status, responsible_id: next.responsibleId, note: next.note, updated_at: nowIso(), updated_by: actor.id };
    if (!(await updateMemberRow(trx, memberId, version, patch))) throw new AppError('stale_version');
    const campaign = await requireCampaign(trx, campaignId);
    await writeAudit(trx, {
      actorId: actor.id, entity: 'campaign_member', entityId: memberId, accountId: before.account_id, action: 'campaign_member_updated',
      changes: [{ field: 'campaign', before: null, after: campaign.name }, ...changes],
    });
  });
  return getMember(db, actor, campaignId, memberId);
}

/** Takes a member the actor sees out of the campaign (those who run it); its activities stay on the account. */
export async function removeMember(db: Db, actor: Actor, campaignId: string, memberId: string): Promise<void> {
  authorize(actor, { domain: 'campaign', action: 'read' });
  await db.transaction().execute(async (trx) => {
    const member = await requireVisibleMember(trx, actor, campaignId, memberId);
    await authorizeCampaign(trx, actor, campaignId, 'manageMembers');
    const campaign = await requireCampaign(trx, campaignId);
    await deleteMemberRow(trx, memberId);
    await writeAudit(trx, {
      actorId: actor.id, entity: 'campaign_member', entityId: memberId, accountId: member.account_id, action: 'campaign_member_removed',
      changes: [{ field: 'campaign', before: campaign.name, after: null }],
    });
  });
}

type CampaignBulkAdd = { campaignId: string; status?: string | undefined; responsibleId?: string | null | undefined };

/** Before a bulk add starts: the campaign exists, the actor runs it, the status and responsible are valid. */
export async function checkCampaignBulkAdd(db: Db, actor: Actor, action: CampaignBulkAdd): Promise<void> {
  await requireCampaign(db, action.campaignId);
  await authorizeCampaign(db, actor, action.campaignId, 'manageMembers');
  await checkMemberDefaults(db, action, 'action.');
}

/** One account of a bulk add (a job, page by page): idempotent, so a resumed job may add a page again. */
export async function addAccountToCampaign(db: Db, actor: Actor, action: CampaignBulkAdd, account: AccountRow): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const campaign = await requireCampaign(trx, action.campaignId);
    await authorizeCampaign(trx, actor, campaign.id, 'manageMembers');
    const defaults = await checkMemberDefaults(trx, action, 'action.');
    return (await addMemberRow(trx, actor, campaign, account, { ...defaults, note: null })) !== null;
  });
}
