import type { AgreementRow, Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { nowIso } from '@server/lib/time';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { notify } from '@server/modules/notifications/notifications.service';
import { updateAgreementRow } from './agreements.repo';

export type CustomerSignature = {
  /** The day it was signed. */
  on: string;
  /** The name the customer typed (or the user recorded). */
  name: string | null;
  /** Where the public page's signature came from; null when a user records it. */
  ip: string | null;
  /** The user who recorded it; null for the customer on the public page. */
  actorId: string | null;
};

/**
 * The customer's signature of a sent agreement, in the caller's transaction: recorded with who,
 * which day, when and from where; the agreement's owner hears of it in the bell (unless they
 * recorded it themselves), and the organization's timeline tells it.
 */
export async function recordCustomerSignature(trx: Db, agreement: AgreementRow, signature: CustomerSignature): Promise<void> {
  if (agreement.status !== 'sent') throw new AppError('agreement_not_open');
  const now = nowIso();
  const patch = {
    status: 'signed_by_customer' as const, customer_signed_on: signature.on, customer_signed_name: signature.name, customer_signed_at: now,
    customer_signed_ip: signature.ip, updated_at: now, updated_by: signature.actorId,
  };
  if (!(await updateAgreementRow(trx, agreement.id, agreement.version, patch))) throw new AppError('stale_version');
  await writeAudit(trx, {
    actorId: signature.actorId, entity: 'agreement', entityId: agreement.id, accountId: agreement.organization_id, action: 'agreement_customer_signed',
    changes: [
      { field: 'title', before: null, after: agreement.title },
      { field: 'status', before: agreement.status, after: 'signed_by_customer' },
      { field: 'customerSignedOn', before: null, after: signature.on },
      ...(signature.name ? [{ field: 'name', before: null, after: signature.name }] : []),
    ],
  });
  if (signature.actorId !== agreement.owner_id) {
    await notify(trx, {
      userIds: [agreement.owner_id], kind: 'agreement_signed', accountId: agreement.organization_id,
      params: { agreementId: agreement.id, title: agreement.title, name: signature.name },
    });
  }
}
