import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '@server/db/database';

/**
 * Lets the event loop serve what waited (requests, timers) before the job goes on. On SQLite every
 * statement runs synchronously and the promises between them resolve as microtasks, so a job
 * that only awaits the database never gives a request a turn: without this, undoing an import held
 * every request, /api/health included, until the whole undo ended.
 */
export const letRequestsThrough = (): Promise<void> => nextTurn();

/** How long one transaction of a long job may hold the database (SQLite has one connection). */
export const transactionBudgetMs = 40;

/**
 * Sizes a long job's chunks so that each transaction takes about the budget: grows after quick
 * ones, shrinks at once after a slow one. A machine under load gets smaller chunks rather than
 * longer waits for everyone else.
 */
export class ChunkPacer {
  private current: number;

  constructor(private readonly min: number, private readonly max: number, start = min, private readonly budgetMs = transactionBudgetMs) {
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

/**
 * One chunk of a long job: its transaction, timed for the pacer, then a turn of the event loop so
 * requests that waited for the database are served before the next chunk.
 */
export async function chunkTransaction<T>(db: Db, pacer: ChunkPacer, rows: number, work: (trx: Db) => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await db.transaction().execute(work);
  pacer.took(rows, performance.now() - start);
  await letRequestsThrough();
  return result;
}
