import {
  activityCompleteSchema, activityCreateSchema, activityUpdateSchema,
  type Activity, type ActivityComplete, type ActivityCreate, type ActivityListQuery, type ActivityUpdate,
} from '@contract/activities';
import type { ListResponse } from '@contract/common';
import type { ActivityRow, Db } from '@server/db/database';
import { diffFields, type FieldChange } from '@server/lib/diff';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { ensureAssigneeSeesAccount } from '@server/commands/assign-work';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { checkListValue } from '@server/modules/lists/lists.service';
import { findVisibleOpportunity } from '@server/modules/opportunities/opportunities.repo';
import { findVisibleProject } from '@server/modules/projects/projects.repo';
import { findMembership } from '@server/modules/campaigns/members.repo';
import { findVisibleRequest } from '@server/modules/requests/requests.repo';
import { activeUserIds } from '@server/modules/users/users.repo';
import { activityColumnsOf, activityFieldsOf, auditedActivityFields, utc, utcOrNull, type ActivityFields } from './activity-fields';
import { presentActivity } from './activities.presenter';
import {
  claimDueReminders, findActivityView, findVisibleActivity, insertActivity, listActivities, listPending, listReminders, updateActivityRow, type ActivityView,
} from './activities.repo';

const field = (name: string, code: string) => new AppError('validation_failed', { fields: [{ field: name, code }] });

/** Type must be an active item (or the one stored), the responsible an active user, the request one of the same account. */
async function checkActivityFields(db: Db, actor: Actor, accountId: string, next: ActivityFields, current: ActivityFields | null): Promise<void> {
  await checkListValue(db, 'activity_type', 'type', next.type, current?.type ?? null);
  if (next.responsibleId !== current?.responsibleId && !(await activeUserIds(db, [next.responsibleId])).has(next.responsibleId)) {
    throw field('responsibleId', 'unknown_user');
  }
  if (next.requestId && next.requestId !== current?.requestId) {
    const request = await findVisibleRequest(db, actor, next.requestId);
    if (!request || request.account_id !== accountId) throw field('requestId', 'invalid_value');
  }
  if (next.opportunityId && next.opportunityId !== current?.opportunityId) {
    const opportunity = await findVisibleOpportunity(db, actor, next.opportunityId);
    if (!opportunity || opportunity.organization_id !== accountId) throw field('opportunityId', 'invalid_value');
  }
  if (next.projectId && next.projectId !== current?.projectId) {
    const project = await findVisibleProject(db, actor, next.projectId);
    if (!project || project.organization_id !== accountId) throw field('projectId', 'invalid_value');
  }
  // Work for a campaign is work with one of its members: the account must be in it.
  if (next.campaignId && next.campaignId !== current?.campaignId && !(await findMembership(db, next.campaignId, accountId))) {
    throw field('campaignId', 'not_a_member');
  }
  if (next.endAt && next.endAt < next.startAt) throw field('endAt', 'end_before_start');
}

/**
 * The answer to a create or edit: the activity as written, even when it is private and was just
 * given to someone else (the actor wrote it, so it tells them nothing new; reading it later is 404).
 */
async function written(db: Db, id: string): Promise<Activity> {
  const row = await findActivityView(db, id);
  if (!row) throw new AppError('not_found');
  return presentActivity(row);
}

export async function requireVisibleActivity(db: Db, actor: Actor, id: string): Promise<ActivityView> {
  const row = await findVisibleActivity(db, actor, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** The history names the activity (its subject and type) even when only other fields changed. */
const brief = (fields: ActivityFields): FieldChange[] => [{ field: 'subject', before: null, after: fields.subject }, { field: 'type', before: null, after: fields.type }];
const withSubject = (fields: ActivityFields, changes: FieldChange[]): FieldChange[] =>
  changes.some((change) => change.field === 'subject') ? changes : [...brief(fields).slice(0, 1), ...changes];

/**
 * Schedules an activity on an account in the actor's portfolio, or logs one that already happened
 * (status done, with its result). The actor is responsible unless another user, who must see the
 * account, is named (see assign-work).
 */
export async function createActivity(db: Db, actor: Actor, input: ActivityCreate): Promise<Activity> {
  authorize(actor, { domain: 'activity', action: 'create' });
  const data = activityCreateSchema.parse(input);
  const status = data.status ?? 'scheduled';
  const startAt = utc(data.startAt);
  const fields: ActivityFields = {
    type: data.type,
    subject: data.subject,
    startAt,
    endAt: utcOrNull(data.endAt),
    dueAt: data.dueAt ? utc(data.dueAt) : startAt,
    responsibleId: data.responsibleId ?? actor.id,
    requestId: data.requestId ?? null,
    opportunityId: data.opportunityId ?? null,
    projectId: data.projectId ?? null,
    campaignId: data.campaignId ?? null,
    notes: data.notes ?? null,
    private: data.private ?? false,
    remindAt: utcOrNull(data.remindAt),
    result: data.result ?? null,
  };
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const account = await requireVisibleAccount(trx, actor, data.accountId);
    await checkActivityFields(trx, actor, data.accountId, fields, null);
    await ensureAssigneeSeesAccount(trx, actor, account, fields.responsibleId, { field: 'responsibleId', addAsOwner: data.addAssigneeAsOwner ?? false });
    const now = nowIso();
    const row: ActivityRow = {
      id, account_id: data.accountId, status, ...activityColumnsOf(fields), reminded_at: null, done_at: status === 'done' ? now : null,
      created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id, version: 1,
    };
    await insertActivity(trx, row);
    const changes = diffFields(null, fields, auditedActivityFields);
    await writeAudit(trx, status === 'done'
      ? { actorId: actor.id, entity: 'activity', entityId: id, accountId: data.accountId, action: 'activity_logged', changes: [...changes, { field: 'status', before: null, after: status }] }
      : { actorId: actor.id, entity: 'activity', entityId: id, accountId: data.accountId, action: 'activity_created', changes });
  });
  return written(db, id);
}

/**
 * Edits the fields sent (drag in the calendar sends startAt/endAt) if the version is current.
 * A new responsible user must see the account (see assign-work).
 */
export async function updateActivity(db: Db, actor: Actor, id: string, input: ActivityUpdate): Promise<Activity> {
  authorize(actor, { domain: 'activity', action: 'update' });
  const { version, addAssigneeAsOwner, ...data } = activityUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await requireVisibleActivity(trx, actor, id);
    if (before.version !== version) throw new AppError('stale_version');
    const old = activityFieldsOf(before);
    const next: ActivityFields = { ...old };
    if (data.type !== undefined) next.type = data.type;
    if (data.subject !== undefined) next.subject = data.subject;
    if (data.startAt !== undefined) {
      next.startAt = utc(data.startAt);
      // A due date that followed the start keeps following it when the activity moves.
      if (data.dueAt === undefined && old.dueAt === old.startAt) next.dueAt = next.startAt;
    }
    if (data.endAt !== undefined) next.endAt = utcOrNull(data.endAt);
    if (data.dueAt !== undefined) next.dueAt = data.dueAt ? utc(data.dueAt) : next.startAt;
    if (data.responsibleId !== undefined) next.responsibleId = data.responsibleId;
    if (data.requestId !== undefined) next.requestId = data.requestId;
    if (data.opportunityId !== undefined) next.opportunityId = data.opportunityId;
    if (data.projectId !== undefined) next.projectId = data.projectId;
    if (data.campaignId !== undefined) next.campaignId = data.campaignId;
    if (data.notes !== undefined) next.notes = data.notes;
    if (data.private !== undefined) next.private = data.private;
    if (data.remindAt !== undefined) next.remindAt = utcOrNull(data.remindAt);
    if (data.result !== undefined) next.result = data.result;
    await checkActivityFields(trx, actor, before.account_id, next, old);
    const changes = diffFields(old, next, auditedActivityFields);
    if (changes.length === 0) return;
    if (next.responsibleId !== old.responsibleId) {
      const account = await requireVisibleAccount(trx, actor, before.account_id);
      await ensureAssigneeSeesAccount(trx, actor, account, next.responsibleId, { field: 'responsibleId', addAsOwner: addAssigneeAsOwner ?? false });
    }
    const patch: Partial<ActivityRow> = { ...activityColumnsOf(next), updated_at: nowIso(), updated_by: actor.id };
    // A new reminder time is a new reminder: it shows again when it falls due.
    if (next.remindAt !== old.remindAt) patch.reminded_at = null;
    if (!(await updateActivityRow(trx, id, version, patch))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'activity', entityId: id, accountId: before.account_id, action: 'activity_updated', changes: withSubject(next, changes) });
  });
  return written(db, id);
}

/** Marks a scheduled activity done with its result, or cancels it. */
export async function finishActivity(db: Db, actor: Actor, id: string, status: 'done' | 'cancelled', input: ActivityComplete): Promise<Activity> {
  authorize(actor, { domain: 'activity', action: 'update' });
  const data = activityCompleteSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await requireVisibleActivity(trx, actor, id);
    if (before.version !== data.version) throw new AppError('stale_version');
    if (before.status !== 'scheduled') throw field('status', 'not_scheduled');
    const now = nowIso();
    const result = data.result === undefined ? before.result : data.result;
    if (!(await updateActivityRow(trx, id, data.version, { status, result, done_at: status === 'done' ? now : null, updated_at: now, updated_by: actor.id }))) {
      throw new AppError('stale_version');
    }
    await writeAudit(trx, {
      actorId: actor.id, entity: 'activity', entityId: id, accountId: before.account_id, action: status === 'done' ? 'activity_done' : 'activity_cancelled',
      changes: [...brief(activityFieldsOf(before)), { field: 'status', before: before.status, after: status }, ...(result !== before.result ? [{ field: 'result', before: before.result, after: result }] : [])],
    });
  });
  return presentActivity(await requireVisibleActivity(db, actor, id));
}

export async function getActivity(db: Db, actor: Actor, id: string): Promise<Activity> {
  authorize(actor, { domain: 'activity', action: 'read' });
  return presentActivity(await requireVisibleActivity(db, actor, id));
}

const asList = (page: { rows: ActivityView[]; nextCursor: string | null; total: number; totalIsEstimate: boolean }): ListResponse<Activity> => ({
  items: page.rows.map(presentActivity), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate,
});

export async function findActivities(db: Db, actor: Actor, query: ActivityListQuery): Promise<ListResponse<Activity>> {
  authorize(actor, { domain: 'activity', action: 'read' });
  return asList(await listActivities(db, actor, query));
}

/** The bell: my scheduled activities due by `until` (the client's end of today; the server's when absent). */
export async function findPending(db: Db, actor: Actor, query: { until?: string | undefined; limit: number; cursor?: string | undefined }): Promise<ListResponse<Activity>> {
  authorize(actor, { domain: 'activity', action: 'read' });
  const endOfToday = new Date();
  endOfToday.setUTCHours(23, 59, 59, 999);
  return asList(await listPending(db, actor, query.until ? utc(query.until) : endOfToday.toISOString(), query.limit, query.cursor));
}

export async function findReminders(db: Db, actor: Actor, query: { limit: number; cursor?: string | undefined }): Promise<ListResponse<Activity>> {
  authorize(actor, { domain: 'activity', action: 'read' });
  return asList(await listReminders(db, actor, query.limit, query.cursor));
}

/** Reminders that fell due and were not shown yet; each is handed out once, across tabs and reloads. */
export async function claimReminders(db: Db, actor: Actor): Promise<{ items: Activity[] }> {
  authorize(actor, { domain: 'activity', action: 'read' });
  return { items: (await claimDueReminders(db, actor, nowIso())).map(presentActivity) };
}
