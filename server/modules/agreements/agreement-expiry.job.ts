import type { Db } from '@server/db/database';
import type { JobHandler } from '@server/jobs/job-context';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { claimRun } from '@server/jobs/scheduled-runs.repo';
import { expireAgreements } from './agreement-expiry.service';

// An agreement's status is stored (the lists, the counters and the public page read it), and nothing
// writes when an end date passes: a daily job moves the lapsed ones to expired, which also takes
// them out of the company list's unsigned-agreements counter (kept by triggers on the status).

export const agreementExpiryJobKind = 'agreements.expire';

/** The daily run, claimed once per UTC day across processes (see server/jobs/schedule.ts). */
export async function scheduleAgreementWork(db: Db, now = new Date()): Promise<string[]> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    if (!(await claimRun(trx, agreementExpiryJobKind, at.slice(0, 10), at))) return [];
    await enqueueJob(trx, { kind: agreementExpiryJobKind, payload: {}, createdBy: null });
    return [agreementExpiryJobKind];
  });
}

export const agreementExpiryHandler: JobHandler = {
  run: async (ctx) => ({ expired: await expireAgreements(ctx.db, { onBatch: (trx, expired) => ctx.checkpoint(trx, expired) }) }),
};
