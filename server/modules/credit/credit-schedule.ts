import type { Db } from '@server/db/database';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { addDays } from '@server/lib/time';
import { deleteLookupsBefore } from '@server/modules/registry/registry.repo';
import { registryRuntimeConfig } from '@server/modules/registry/registry-runtime';
import { registryAccess } from '@server/modules/registry/registry-settings.service';
import { creditCheckJobKind, creditFeedJobKind } from './credit-check.job';
import { claimRun, forgetRunsBefore } from '@server/jobs/scheduled-runs.repo';

/**
 * Queues the periodic work of credit monitoring: the daily check of every watched account, and
 * (when Norway is on) an hourly read of its change feed. Every app process ticks; a run is claimed
 * by inserting its (name, period) row in the same transaction that queues its job, so each runs once.
 */
export async function scheduleCreditWork(db: Db, now = new Date()): Promise<string[]> {
  const at = now.toISOString();
  const day = at.slice(0, 10);
  const hour = at.slice(0, 13);
  const queued: string[] = [];
  const noOn = (await registryAccess(db, registryRuntimeConfig())).enabled.has('NO');
  await db.transaction().execute(async (trx) => {
    if (await claimRun(trx, creditCheckJobKind, day, at)) {
      await enqueueJob(trx, { kind: creditCheckJobKind, payload: {}, createdBy: null });
      queued.push(creditCheckJobKind);
      // Once a day too: lookups nobody created an account from are kept a month.
      await deleteLookupsBefore(trx, addDays(at, -30));
      await forgetRunsBefore(trx, addDays(at, -7));
    }
    if (noOn && (await claimRun(trx, creditFeedJobKind, hour, at))) {
      await enqueueJob(trx, { kind: creditFeedJobKind, payload: {}, createdBy: null });
      queued.push(creditFeedJobKind);
    }
  });
  return queued;
}
