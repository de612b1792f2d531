import { z } from 'zod';
import type { Db } from '@server/db/database';
import type { JobHandler } from '@server/jobs/job-context';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { claimRun } from '@server/jobs/scheduled-runs.repo';
import { nowIso } from '@server/lib/time';
import { accountIdsAfter, currentBasis, jobPending, markRecounted, moveBasis, recountInvoiced, wantedBasis } from './invoiced-basis.repo';

export const invoicedBasisJobKind = 'accounts.invoiced_basis';

/** Accounts per transaction: invoices' writes wait for one batch at most. */
const batchSize = 1000;

const payloadSchema = z.object({ year: z.string().regex(/^\d{4}$/), currency: z.string().regex(/^[A-Z]{3}$/) });

/**
 * Moves the basis of accounts.invoiced_this_year (the year, the base currency) and recounts the
 * column, a batch of accounts at a time. Run again (a retry, or a later move) it recounts to the
 * basis then in place: the result is the same however often it runs.
 */
export const invoicedBasisHandler: JobHandler = {
  run: async (ctx) => {
    const basis = payloadSchema.parse(JSON.parse(ctx.job.payload));
    await moveBasis(ctx.db, basis);
    let after = '';
    let seen = 0;
    let changed = 0;
    for (;;) {
      const ids = await accountIdsAfter(ctx.db, after, batchSize);
      if (ids.length === 0) break;
      await ctx.db.transaction().execute(async (trx) => {
        changed += await recountInvoiced(trx, ids);
        seen += ids.length;
        await ctx.checkpoint(trx, seen);
      });
      after = ids[ids.length - 1] ?? after;
    }
    // A later move (the currency changed again meanwhile) leaves its own mark to its own job.
    await markRecounted(ctx.db, basis, nowIso());
    return { ...basis, accounts: seen, changed };
  },
};

/**
 * Queues the move when the year has turned or the base currency changed since the basis was set,
 * or when a move's recount never finished (its job failed). Every app process ticks: none queues
 * while a move waits or runs, and the (name, hour) row claimed in the same transaction keeps two
 * ticks at once from both queueing. Until the job runs, the list sorts by the previous basis.
 */
export async function scheduleInvoicedBasis(db: Db, now = new Date()): Promise<string[]> {
  const [held, wanted] = await Promise.all([currentBasis(db), wantedBasis(db, now)]);
  if (held.year === wanted.year && held.currency === wanted.currency && held.recounted_at !== null) return [];
  if (await jobPending(db, invoicedBasisJobKind)) return [];
  return db.transaction().execute(async (trx) => {
    if (!(await claimRun(trx, invoicedBasisJobKind, `${wanted.year}:${wanted.currency}:${now.toISOString().slice(0, 13)}`, now.toISOString()))) return [];
    await enqueueJob(trx, { kind: invoicedBasisJobKind, payload: wanted, createdBy: null });
    return [invoicedBasisJobKind];
  });
}
