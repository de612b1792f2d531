import type { Db } from '@server/db/database';
import type { JobHandler } from '@server/jobs/job-context';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { claimRun } from '@server/jobs/scheduled-runs.repo';
import { notifyOverdueInvoices } from './invoice-overdue.service';

// Overdue is read in SQL from (status, due date) wherever invoices are listed, counted or shown,
// so it is never stale. Only the bell needs an event, and nothing writes when a due date passes:
// a daily job finds the invoices that fell overdue since and tells their owners, once each.

export const invoiceOverdueJobKind = 'invoices.overdue';

/** Queues the overdue notices now (after an import, whose invoices may be overdue already). */
export async function enqueueOverdueNotices(db: Db, createdBy: string | null): Promise<void> {
  await enqueueJob(db, { kind: invoiceOverdueJobKind, payload: {}, createdBy });
}

/** The daily run, claimed once per UTC day across processes (see server/jobs/schedule.ts). */
export async function scheduleInvoiceWork(db: Db, now = new Date()): Promise<string[]> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    if (!(await claimRun(trx, invoiceOverdueJobKind, at.slice(0, 10), at))) return [];
    await enqueueOverdueNotices(trx, null);
    return [invoiceOverdueJobKind];
  });
}

export const invoiceOverdueHandler: JobHandler = {
  run: async (ctx) => ({ notified: await notifyOverdueInvoices(ctx.db, { onBatch: (trx, told) => ctx.checkpoint(trx, told) }) }),
};
