import type { Db } from '@server/db/database';

/** Claims one run of a periodic job; false when another process (or an earlier tick) already has. */
export async function claimRun(db: Db, name: string, period: string, at: string): Promise<boolean> {
  const result = await db.insertInto('scheduled_runs').values({ name, period, created_at: at })
    .onConflict((oc) => oc.columns(['name', 'period']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Forgets runs older than this (their rows only stop a second run of the same period). */
export async function forgetRunsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('scheduled_runs').where('created_at', '<', before).execute();
}
