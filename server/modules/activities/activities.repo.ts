import { sql, type SqlBool } from 'kysely';
import type { ActivityGroupQuery, ActivityListQuery } from '@contract/activities';
import type { Group } from '@contract/list-query';
import type { ActivityRow, Db } from '@server/db/database';
import { portfolioReach } from '@server/db/portfolio';
import type { PortfolioDrive as Drive } from '@server/lib/portfolio-drive';
import { groupCount, type Bucket } from '@server/lib/group-count';
import { exactTotalLimit } from '@contract/common';
import { countUpTo, keysetPage, sortTable, type SortPlan } from '@server/lib/list';
import { accountScopeOf, activityPrivacy, activityScope, type Actor } from '@server/policies';
import { recordPageDrive } from '@server/modules/accounts/record-drive.repo';
import { teamMembers } from '@server/modules/teams/teams.repo';

/** The list's sorts (the contract's activitySorts), and the bell's and reminders' own orders. */
const sorts = sortTable('activities', { startAt: ['start_at'], pending: ['due_at'], reminders: ['remind_at'] });

/** An activity with what lists show of its account and responsible user. */
export type ActivityView = ActivityRow & { account_kind: 'organization' | 'person'; account_name: string; account_stage: string; responsible_name: string };

/** Activities the actor may see: every read starts here, so lists, counts, bell and feed agree. */
const scoped = (db: Db, actor: Actor) =>
  db.selectFrom('activities').innerJoin('accounts', 'accounts.id', 'activities.account_id').where(activityScope(actor));

async function findViews(db: Db, ids: string[]): Promise<ActivityView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('activities')
    .innerJoin('accounts', 'accounts.id', 'activities.account_id')
    .innerJoin('users', 'users.id', 'activities.responsible_id')
    .selectAll('activities')
    .select(['accounts.kind as account_kind', 'accounts.name as account_name', 'accounts.stage as account_stage', 'users.name as responsible_name'])
    .where('activities.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Scheduled and due before now, or (`false`) anything else: the dashboard's overdue slice and its list. */
function overdue(wanted: boolean) {
  const late = sql<SqlBool>`(activities.status = 'scheduled' and activities.due_at < ${new Date().toISOString()})`;
  return wanted ? late : sql<SqlBool>`not ${late}`;
}

/**
 * The activities a list may show, on the activities table alone: joined to accounts, SQLite
 * first builds a Bloom filter over every account (0.7 s at 246,000) before a page of 50. The
 * account is checked per activity instead (a portfolio holds live accounts only).
 */
function scopedBy(db: Db, actor: Actor, drive: Drive) {
  const scope = accountScopeOf(actor);
  const visible = scope.sees === 'all'
    ? sql<SqlBool>`exists (select 1 from accounts la where la.id = activities.account_id and la.discarded_at is null limit 1 offset 0)`
    : portfolioReach(scope.holder, drive, sql.ref('activities.account_id'));
  return db.selectFrom('activities').where(visible).where(activityPrivacy(actor));
}

function filtered(db: Db, actor: Actor, query: Omit<ActivityListQuery, 'limit' | 'cursor' | 'sort'>, drive: Drive = 'probe') {
  let base = scopedBy(db, actor, drive);
  if (query.status) base = base.where('activities.status', '=', query.status);
  if (query.type) base = base.where('activities.type', '=', query.type);
  if (query.mine) base = base.where('activities.responsible_id', '=', actor.id);
  else if (query.responsibleId) base = base.where('activities.responsible_id', '=', query.responsibleId);
  if (query.teamId) base = base.where('activities.responsible_id', 'in', teamMembers(db, query.teamId));
  if (query.accountId) base = base.where('activities.account_id', '=', query.accountId);
  if (query.requestId) base = base.where('activities.request_id', '=', query.requestId);
  if (query.opportunityId) base = base.where('activities.opportunity_id', '=', query.opportunityId);
  if (query.projectId) base = base.where('activities.project_id', '=', query.projectId);
  if (query.campaignId) base = base.where('activities.campaign_id', '=', query.campaignId);
  if (query.from) base = base.where('activities.start_at', '>=', new Date(query.from).toISOString());
  if (query.to) base = base.where('activities.start_at', '<', new Date(query.to).toISOString());
  if (query.overdue !== undefined) base = base.where(overdue(query.overdue));
  return base;
}

type Page = { rows: ActivityView[]; nextCursor: string | null; total: number; totalIsEstimate: boolean };

type Scoped = ReturnType<typeof scopedBy>;

/** A page of `base` in the plan's order; its total counted from `counted` (the same activities, read as counting reads them best). */
async function page(db: Db, base: Scoped, plan: SortPlan, limit: number, cursor: string | undefined, counted: Scoped = base): Promise<Page> {
  const [sortColumn = 'activities.start_at'] = plan.columns;
  const keys = await keysetPage(db, base, base.select(['activities.id', sql<string | null>`${sql.ref(sortColumn)}`.as('sort_value')]), plan, { limit, cursor }, (row) => [row.sort_value ?? '', row.id], () => countUpTo(db, counted, exactTotalLimit));
  return { ...keys, rows: await findViews(db, keys.rows.map((row) => row.id)) };
}

export async function listActivities(db: Db, actor: Actor, query: ActivityListQuery): Promise<Page> {
  return page(db, filtered(db, actor, query, await recordPageDrive(db, accountScopeOf(actor))), sorts.plan(query.sort), query.limit, query.cursor, filtered(db, actor, query, 'portfolio'));
}

/** The activities of the list's filters counted per bucket (see groupCount), from the portfolio's accounts when the actor has one. */
export const groupActivities = (db: Db, actor: Actor, query: Omit<ActivityGroupQuery, 'by'>, buckets: Bucket[]): Promise<Group[]> =>
  groupCount(db, filtered(db, actor, query, 'portfolio'), buckets);

/** The bell: the actor's own scheduled activities due by `until`, soonest first. */
export const listPending = (db: Db, actor: Actor, until: string, limit: number, cursor: string | undefined): Promise<Page> =>
  page(
    db,
    scopedBy(db, actor, 'probe').where('activities.responsible_id', '=', actor.id).where('activities.status', '=', 'scheduled').where('activities.due_at', '<=', until),
    sorts.plan('pending'), limit, cursor,
  );

/** Reminders (seed 001): the actor's scheduled activities with a reminder time, earliest first. */
export const listReminders = (db: Db, actor: Actor, limit: number, cursor: string | undefined): Promise<Page> =>
  page(
    db,
    scopedBy(db, actor, 'probe').where('activities.responsible_id', '=', actor.id).where('activities.status', '=', 'scheduled').where('activities.remind_at', 'is not', null),
    sorts.plan('reminders'), limit, cursor,
  );

/**
 * Hands out the actor's reminders that fell due and were never shown, marking them shown in
 * the same statement: two tabs polling at once cannot both get the same one.
 */
export async function claimDueReminders(db: Db, actor: Actor, now: string): Promise<ActivityView[]> {
  const candidates = scoped(db, actor)
    .select('activities.id')
    .where('activities.responsible_id', '=', actor.id)
    .where('activities.status', '=', 'scheduled')
    .where('activities.remind_at', '<=', now)
    .where('activities.reminded_at', 'is', null)
    .limit(50);
  const claimed = await db
    .updateTable('activities')
    .set({ reminded_at: now })
    .where('id', 'in', candidates)
    .where('reminded_at', 'is', null)
    .returning('id')
    .execute();
  const views = await findViews(db, claimed.map((row) => row.id));
  return views.sort((a, b) => (a.remind_at ?? '').localeCompare(b.remind_at ?? ''));
}

/** One user's activities in a window, for their calendar feed (their own view: scope applied). */
export async function feedActivities(db: Db, actor: Actor, from: string, to: string): Promise<ActivityView[]> {
  const ids = await scoped(db, actor)
    .select('activities.id')
    .where('activities.responsible_id', '=', actor.id)
    .where('activities.start_at', '>=', from)
    .where('activities.start_at', '<', to)
    .orderBy('activities.start_at')
    .orderBy('activities.id')
    .limit(2000)
    .execute();
  return findViews(db, ids.map((row) => row.id));
}

/** An activity by id past every policy: only for answering the write that just made it. */
export const findActivityView = async (db: Db, id: string): Promise<ActivityView | undefined> => (await findViews(db, [id]))[0];

/** An activity the actor may see, or undefined. */
export async function findVisibleActivity(db: Db, actor: Actor, id: string): Promise<ActivityView | undefined> {
  const visible = await scoped(db, actor).select('activities.id').where('activities.id', '=', id).executeTakeFirst();
  return visible ? (await findViews(db, [visible.id]))[0] : undefined;
}

export async function insertActivity(db: Db, row: ActivityRow): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

export async function updateActivityRow(db: Db, id: string, version: number, patch: Partial<ActivityRow>): Promise<boolean> {
  const result = await db.updateTable('activities').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
