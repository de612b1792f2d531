import { overdueNoticeParamsSchema, type OverdueSummary } from '@contract/invoices';
import type { Db } from '@server/db/database';
import { nowIso, today } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { ownersOf } from '@server/modules/accounts/accounts.repo';
import { notify } from '@server/modules/notifications/notifications.service';
import { markOverdueNotified, overdueByCurrency, overdueToNotify } from './invoice-overdue.repo';

export const overdueNoticeKind = 'invoice.overdue';

/**
 * Tells the owners of each organization, in their bell, about each of its invoices that has fallen
 * overdue, once per invoice: a batch is stamped and notified in one transaction, and only what this
 * call stamped is announced, so a rerun, a retry or a second process never tells anyone twice.
 * `onBatch` runs in each batch's transaction (a job's checkpoint). Answers how many were told.
 */
export async function notifyOverdueInvoices(db: Db, options: { day?: string; batchSize?: number; onBatch?: (trx: Db, told: number) => Promise<void> } = {}): Promise<number> {
  const { day = today(), batchSize = 200, onBatch } = options;
  let told = 0;
  let after: { dueDate: string; id: string } | null = null;
  for (;;) {
    const found: number = await db.transaction().execute(async (trx) => {
      const candidates = await overdueToNotify(trx, day, after, batchSize);
      const last = candidates[candidates.length - 1];
      if (!last) return 0;
      after = { dueDate: last.due_date, id: last.id };
      const claimed = await markOverdueNotified(trx, candidates.map((row) => row.id), nowIso());
      const owners = await ownersOf(trx, [...new Set(claimed.map((row) => row.organization_id))]);
      for (const invoice of claimed) {
        const params = overdueNoticeParamsSchema.parse({
          invoiceId: invoice.id, number: invoice.number, dueDate: invoice.due_date, currency: invoice.currency, outstanding: Number(invoice.total) - Number(invoice.paid_amount),
        });
        await notify(trx, { userIds: (owners.get(invoice.organization_id) ?? []).map((owner) => owner.id), kind: overdueNoticeKind, accountId: invoice.organization_id, params });
      }
      told += claimed.length;
      await onBatch?.(trx, told);
      return candidates.length;
    });
    if (found < batchSize) return told;
  }
}

/** The company card's warning: an organization's overdue invoices the actor sees; 404 when the organization is out of reach. */
export async function overdueSummary(db: Db, actor: Actor, organizationId: string): Promise<OverdueSummary> {
  authorize(actor, { domain: 'invoice', action: 'read' });
  await requireVisibleAccount(db, actor, organizationId);
  const rows = await overdueByCurrency(db, actor, organizationId, today());
  return {
    count: rows.reduce((sum, row) => sum + Number(row.invoices), 0),
    outstanding: rows.map((row) => ({ currency: row.currency, amount: Number(row.owed) })),
    oldestDueDate: rows.map((row) => row.since).sort()[0] ?? null,
  };
}
