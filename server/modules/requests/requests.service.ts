import { requestCreateSchema, requestUpdateSchema, type Request, type RequestCreate, type RequestListQuery, type RequestUpdate } from '@contract/requests';
import type { ListResponse } from '@contract/common';
import type { Db, RequestRow } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { ensureAssigneeSeesAccount } from '@server/commands/assign-work';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { checkListValue } from '@server/modules/lists/lists.service';
import { activeUserIds } from '@server/modules/users/users.repo';
import { auditedRequestFields, requestColumnsOf, requestFieldsOf, type RequestFields } from './request-fields';
import { presentRequest } from './requests.presenter';
import { findVisibleRequest, insertRequest, listRequests, updateRequestRow } from './requests.repo';

type RequestInput = Partial<Omit<RequestFields, 'requestedAt'>> & { requestedAt?: string | undefined };

/** List values must be active items (or the value already stored); the responsible an active user. */
async function checkRequestFields(db: Db, next: RequestFields, current: RequestFields | null): Promise<void> {
  await checkListValue(db, 'request_interest', 'interest', next.interest, current?.interest ?? null);
  await checkListValue(db, 'request_group', 'group', next.group, current?.group ?? null);
  await checkListValue(db, 'request_channel', 'channel', next.channel, current?.channel ?? null);
  await checkListValue(db, 'source', 'source', next.source, current?.source ?? null);
  await checkListValue(db, 'request_status', 'status', next.status, current?.status ?? null);
  if (next.responsibleId && next.responsibleId !== current?.responsibleId && !(await activeUserIds(db, [next.responsibleId])).has(next.responsibleId)) {
    throw new AppError('validation_failed', { fields: [{ field: 'responsibleId', code: 'unknown_user' }] });
  }
}

/** The stored form of what the client sent over what there was (undefined keeps the old value). */
function merge(current: RequestFields, input: RequestInput): RequestFields {
  const next: RequestFields = { ...current };
  for (const key of auditedRequestFields) {
    const value = input[key];
    if (value !== undefined) Object.assign(next, { [key]: value });
  }
  if (input.requestedAt) next.requestedAt = new Date(input.requestedAt).toISOString();
  return next;
}

/**
 * Inserts a request on an account the caller has already checked, with its history row.
 * Runs inside the caller's transaction ("new lead" creates the account in the same one).
 */
export async function insertNewRequest(trx: Db, actor: Actor, accountId: string, input: RequestInput): Promise<string> {
  const now = nowIso();
  const empty: RequestFields = {
    requestedAt: now, interest: null, group: null, channel: null, source: null, status: null, handled: false, reason: null, notes: null, responsibleId: actor.id,
  };
  const fields = merge(empty, input);
  await checkRequestFields(trx, fields, null);
  const row: RequestRow = { id: newId(), account_id: accountId, ...requestColumnsOf(fields), created_at: now, updated_at: now, created_by: actor.id, version: 1 };
  await insertRequest(trx, row);
  await writeAudit(trx, { actorId: actor.id, entity: 'request', entityId: row.id, accountId, action: 'request_created', changes: diffFields(null, fields, auditedRequestFields) });
  return row.id;
}

export async function requireVisibleRequest(db: Db, actor: Actor, id: string) {
  const row = await findVisibleRequest(db, actor, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Adds a request to an account in the actor's portfolio, for a responsible user who sees it (see assign-work). */
export async function createRequest(db: Db, actor: Actor, input: RequestCreate): Promise<Request> {
  authorize(actor, { domain: 'request', action: 'create' });
  const { accountId, addAssigneeAsOwner, ...data } = requestCreateSchema.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    const account = await requireVisibleAccount(trx, actor, accountId);
    const requestId = await insertNewRequest(trx, actor, accountId, data);
    const responsibleId = data.responsibleId === undefined ? actor.id : data.responsibleId;
    await ensureAssigneeSeesAccount(trx, actor, account, responsibleId, { field: 'responsibleId', addAsOwner: addAssigneeAsOwner ?? false });
    return requestId;
  });
  return presentRequest(await requireVisibleRequest(db, actor, id));
}

/**
 * Updates the fields sent if the version is current (412 otherwise); history records what changed.
 * A new responsible user must see the account (see assign-work).
 */
export async function updateRequest(db: Db, actor: Actor, id: string, input: RequestUpdate): Promise<Request> {
  authorize(actor, { domain: 'request', action: 'update' });
  const { version, addAssigneeAsOwner, ...data } = requestUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await requireVisibleRequest(trx, actor, id);
    if (before.version !== version) throw new AppError('stale_version');
    const old = requestFieldsOf(before);
    const next = merge(old, data);
    await checkRequestFields(trx, next, old);
    const changes = diffFields(old, next, auditedRequestFields);
    if (changes.length === 0) return;
    if (next.responsibleId !== old.responsibleId) {
      const account = await requireVisibleAccount(trx, actor, before.account_id);
      await ensureAssigneeSeesAccount(trx, actor, account, next.responsibleId, { field: 'responsibleId', addAsOwner: addAssigneeAsOwner ?? false });
    }
    if (!(await updateRequestRow(trx, id, version, { ...requestColumnsOf(next), updated_at: nowIso() }))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'request', entityId: id, accountId: before.account_id, action: 'request_updated', changes });
  });
  return presentRequest(await requireVisibleRequest(db, actor, id));
}

export async function getRequest(db: Db, actor: Actor, id: string): Promise<Request> {
  authorize(actor, { domain: 'request', action: 'read' });
  return presentRequest(await requireVisibleRequest(db, actor, id));
}

export async function findRequests(db: Db, actor: Actor, query: RequestListQuery): Promise<ListResponse<Request>> {
  authorize(actor, { domain: 'request', action: 'read' });
  const page = await listRequests(db, actor, query);
  return { items: page.rows.map(presentRequest), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}
