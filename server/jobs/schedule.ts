import type { Db } from '@server/db/database';

const tickMs = 5 * 60_000;

/**
 * Periodic work of one module: queues what is due at `now` and answers the job kinds it queued.
 * Each claims its run with claimRun (scheduled-runs.repo) in the transaction that queues the job,
 * so a run happens once per period however many processes tick.
 */
export type PeriodicWork = (db: Db, now?: Date) => Promise<string[]>;

/** Ticks every module's periodic work at start and then every five minutes in this process; returns a stop function. */
export function startSchedule(db: Db, works: Record<string, PeriodicWork>, log: { error: (obj: object, msg: string) => void }): () => void {
  const tick = () => {
    for (const [name, work] of Object.entries(works)) {
      work(db).catch((error: unknown) => log.error({ err: error }, `${name} schedule tick failed`));
    }
  };
  tick();
  const timer = setInterval(tick, tickMs);
  return () => clearInterval(timer);
}
