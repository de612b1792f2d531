import { z } from 'zod';
import type { Db } from '@server/db/database';
import type { JobHandler } from '@server/jobs/job-context';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { nowIso } from '@server/lib/time';
import { mailChannel } from '@server/modules/notifications/mail-channel';
import { norwayUpdates } from '@server/modules/registry/providers/norway-feed';
import { registryRuntimeConfig } from '@server/modules/registry/registry-runtime';
import { setSettingState } from '@server/modules/registry/registry-settings.repo';
import { registryAccess } from '@server/modules/registry/registry-settings.service';
import { checkAccounts, type CheckOptions } from './credit-check.service';
import { creditMailWording } from './credit-mail';
import { accountsToCheck, watchedAccountsAfter, watchedAccountsWithNumbers } from './credit.repo';

export const creditCheckJobKind = 'credit.check';
export const creditFeedJobKind = 'credit.no_feed';

/** Accounts per batch (each asks its register once; the batch ends with a progress checkpoint). */
const batchSize = 50;

const payloadSchema = z.object({ accountIds: z.array(z.string()).max(1000).optional() });

function options(): CheckOptions {
  const config = registryRuntimeConfig();
  return { channels: [mailChannel(config, { 'credit.risk_changed': creditMailWording })] };
}

/** Queues a check of these accounts, or of every watched one. */
export async function enqueueCreditCheck(db: Db, createdBy: string | null, accountIds?: string[]): Promise<string> {
  const job = await enqueueJob(db, { kind: creditCheckJobKind, payload: accountIds ? { accountIds } : {}, createdBy });
  return job.id;
}

/** Re-checks the watched accounts (daily), or the ones named (a user's "check now"). */
export const creditCheckHandler: JobHandler = {
  run: async (ctx) => {
    const config = registryRuntimeConfig();
    const { accountIds } = payloadSchema.parse(JSON.parse(ctx.job.payload));
    let checked = 0;
    let changed = 0;
    const run = async (accounts: Awaited<ReturnType<typeof accountsToCheck>>) => {
      const result = await checkAccounts(ctx.db, config, accounts, options());
      checked += result.checked;
      changed += result.changed;
      await ctx.checkpoint(ctx.db, checked);
    };
    if (accountIds) {
      await run(await accountsToCheck(ctx.db, accountIds));
      return { checked, changed };
    }
    let after = '';
    for (;;) {
      const page = await watchedAccountsAfter(ctx.db, after, batchSize);
      if (page.length === 0) break;
      await run(page);
      after = page[page.length - 1]?.id ?? after;
    }
    return { checked, changed };
  },
};

/** Reads Norway's change feed since the last run and re-checks the watched companies it names. */
export const creditFeedHandler: JobHandler = {
  run: async (ctx) => {
    const config = registryRuntimeConfig();
    const access = await registryAccess(ctx.db, config);
    if (!access.enabled.has('NO')) return { skipped: 'Norway is off' };
    const cursor = access.rows.get('NO')?.feed_cursor ?? null;
    const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    const ctxNo = { db: ctx.db, config: config.registry, credentials: access.credentials, timeoutMs: config.registry.lookupTimeoutMs };
    const updates = await norwayUpdates(ctxNo, cursor, since);
    const accounts = await watchedAccountsWithNumbers(ctx.db, 'NO', updates.numbers);
    const result = await checkAccounts(ctx.db, config, accounts, options());
    await setSettingState(ctx.db, 'NO', { feed_cursor: updates.cursor ?? cursor });
    await ctx.checkpoint(ctx.db, result.checked);
    return { updates: updates.numbers.length, ...result, at: nowIso() };
  },
};
