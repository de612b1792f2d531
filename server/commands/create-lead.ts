import { leadCreateSchema, type LeadCreate, type Request } from '@contract/requests';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import type { Actor } from '@server/policies';
import { insertNewAccount, prepareNewAccount } from '@server/modules/accounts/accounts.service';
import { insertNewRequest, requireVisibleRequest } from '@server/modules/requests/requests.service';
import { presentRequest } from '@server/modules/requests/requests.presenter';
import { activeUserIds } from '@server/modules/users/users.repo';
import { leadOwnerIds } from './assign-work';

/**
 * "New lead" (seed 002): the person or organization at stage lead and its first request, in one
 * transaction. The request's responsible user becomes an owner of the lead (see assign-work).
 */
export async function createLead(db: Db, actor: Actor, input: LeadCreate): Promise<{ accountId: string; request: Request }> {
  const data = leadCreateSchema.parse(input);
  const responsibleId = data.request.responsibleId;
  // Checked before the owners it joins, so an unknown user is named as the request's responsible.
  if (responsibleId && !(await activeUserIds(db, [responsibleId])).has(responsibleId)) {
    throw new AppError('validation_failed', { fields: [{ field: 'request.responsibleId', code: 'unknown_user' }] });
  }
  const accountInput = { ...data.account, stage: 'lead', ownerIds: leadOwnerIds(actor, data.account.ownerIds, responsibleId) };
  const { kind, fields, ownerIds } = await prefixed('account', prepareNewAccount(db, actor, accountInput));
  // The lead's source is also the request's unless the request says otherwise.
  const requestInput = { ...data.request, source: data.request.source === undefined ? fields.source : data.request.source };
  const ids = await db.transaction().execute(async (trx) => {
    const account = await insertNewAccount(trx, actor, kind, fields, ownerIds);
    const requestId = await prefixed('request', insertNewRequest(trx, actor, account.id, requestInput));
    return { accountId: account.id, requestId };
  });
  return { accountId: ids.accountId, request: presentRequest(await requireVisibleRequest(db, actor, ids.requestId)) };
}

/** Field errors name the part of the form they belong to (`account.name`, `request.status`). */
export async function prefixed<T>(part: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') {
      throw new AppError('validation_failed', { fields: error.fields.map((field) => ({ ...field, field: `${part}.${field.field}` })) });
    }
    throw error;
  }
}
