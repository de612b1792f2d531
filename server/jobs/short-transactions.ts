import { setImmediate as nextTurn } from 'node:timers/promises';
import { isPostgres, type Db } from '@server/db/database';
import { turns } from '@server/lib/fair-turns';

/**
 * Lets the requests that waited be served before the job goes on. On SQLite every statement runs
 * synchronously and the promises between them resolve as microtasks, so a job that only awaits the
 * database never gives a request a turn: without this, undoing an import held every request,
 * /api/health included, until the whole undo ended.
 *
 * First one turn of the event loop, so the requests that arrived while the job held it are read and
 * queued; then the job goes on behind them, in the queue requests take turns in (fair-turns), or at
 * once when none came. Going on at that turn regardless, the job ran its next chunk before those
 * requests started: each one waited for the chunk in progress and then for another whole chunk.
 */
export async function letRequestsThrough(): Promise<void> {
  await nextTurn();
  await turns.afterWaiting();
}

/**
 * How long one transaction of a long job may run. SQLite has one connection, so every request waits
 * for it; PostgreSQL's requests run beside it on connections of their own, and at SQLite's budget an
 * import there spent more time waiting its turn between chunks than writing (BENCHMARKS.md, issue 16.3).
 */
export const transactionBudgetMs = (db: Db): number => (isPostgres(db) ? 250 : 40);

/**
 * Sizes a long job's chunks so that each transaction takes about the budget: grows after quick
 * ones, shrinks at once after a slow one. A machine under load gets smaller chunks rather than
 * longer waits for everyone else.
 */
export class ChunkPacer {
  private current: number;

  constructor(private readonly min: number, private readonly max: number, start: number, readonly budgetMs: number) {
    this.current = Math.max(min, Math.min(max, start));
  }

  get size(): number {
    return this.current;
  }

  /** Records how long a chunk of `rows` took and sets the next chunk's size from it. */
  took(rows: number, ms: number): void {
    const perRow = ms / Math.max(1, rows);
    const fitting = perRow > 0 ? Math.floor(this.budgetMs / perRow) : this.max;
    // Halve or double at most: one odd chunk (a pause, a cold cache) does not swing the size far.
    this.current = Math.max(this.min, Math.min(this.max, Math.max(Math.floor(this.current / 2), Math.min(fitting, this.current * 2))));
  }
}

/** Whether a chunk's time is up. Work that can stop part-way (an undo's rows) asks between its steps. */
export type Deadline = { passed: () => boolean };

/**
 * One chunk of a long job: its transaction, then a turn for the requests that waited (see
 * letRequestsThrough). `work` returns how many rows it did; the pacer sizes the next chunk from
 * that and the time taken. The pacer predicts from the chunks before, so rows that cost more than
 * those (an undo reaching updated rows after created ones) would overrun it: work made of steps
 * stops at the deadline, the budget after the chunk began, and leaves the rest to the next chunk.
 */
export async function chunkTransaction(db: Db, pacer: ChunkPacer, work: (trx: Db, deadline: Deadline) => Promise<number>): Promise<number> {
  const start = performance.now();
  const deadline: Deadline = { passed: () => performance.now() - start >= pacer.budgetMs };
  const rows = await db.transaction().execute((trx) => work(trx, deadline));
  pacer.took(rows, performance.now() - start);
  await letRequestsThrough();
  return rows;
}
