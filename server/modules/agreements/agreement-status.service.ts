import { agreementMoves, agreementStatusChangeSchema, type Agreement, type AgreementStatusChange } from '@contract/agreements';
import type { Db } from '@server/db/database';
import { AppError, fieldError } from '@server/lib/errors';
import { nowIso, today } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { syncRenewalReminder } from './agreement-reminder';
import { recordCustomerSignature } from './agreement-signature';
import { updateAgreementRow, type AgreementPatch } from './agreements.repo';
import { getAgreement, requireVisibleAgreement } from './agreements.service';

const actions = {
  draft: 'agreement_withdrawn', signed_by_both: 'agreement_countersigned', expired: 'agreement_expired', terminated: 'agreement_terminated',
} as const;

/**
 * Moves an agreement's status by hand, as agreementMoves allows (sending has its own action):
 * back to draft (its public link stops working), the customer's signature received another way,
 * ours (signed by both), expired or terminated. Each is dated (today unless said, never later);
 * terminating cancels the renewal task. A move the table does not allow is 409 and changes nothing.
 */
export async function changeAgreementStatus(db: Db, actor: Actor, id: string, input: AgreementStatusChange): Promise<Agreement> {
  const { version, status, on, name } = agreementStatusChangeSchema.parse(input);
  authorize(actor, { domain: 'agreement', action: status === 'signed_by_customer' || status === 'signed_by_both' ? 'sign' : 'update' });
  const day = on ?? today();
  if (day > today()) throw fieldError('on', 'in_future');
  await db.transaction().execute(async (trx) => {
    const before = await requireVisibleAgreement(trx, actor, id);
    if (before.version !== version) throw new AppError('stale_version');
    if (!agreementMoves[before.status].includes(status)) throw new AppError('agreement_invalid_transition');
    if (status === 'signed_by_customer') {
      await recordCustomerSignature(trx, before, { on: day, name: name ?? null, ip: null, actorId: actor.id });
      return;
    }
    const now = nowIso();
    const patch: AgreementPatch = { status, updated_at: now, updated_by: actor.id };
    if (status === 'draft') patch.token_hash = null;
    if (status === 'signed_by_both') Object.assign(patch, { company_signed_on: day, company_signed_by: actor.id });
    if (status === 'expired' || status === 'terminated') patch.closed_on = day;
    if (status === 'terminated') patch.reminder_activity_id = await syncRenewalReminder(trx, actor, { ...before, status }, false);
    if (!(await updateAgreementRow(trx, id, version, patch))) throw new AppError('stale_version');
    await writeAudit(trx, {
      actorId: actor.id, entity: 'agreement', entityId: id, accountId: before.organization_id, action: actions[status],
      changes: [
        { field: 'title', before: null, after: before.title },
        { field: 'status', before: before.status, after: status },
        ...(status === 'draft' ? [] : [{ field: status === 'signed_by_both' ? 'companySignedOn' : 'closedOn', before: null, after: day }]),
      ],
    });
  });
  return getAgreement(db, actor, id);
}
