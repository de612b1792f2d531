import type { Db, JobRow } from '@server/db/database';

/** What a job handler gets: the database, its job, and a checkpoint that proves it still holds the job. */
export type JobContext = {
  db: Db;
  job: JobRow;
  /** The attempt number this process holds; a reclaimed job has a higher one. */
  attempt: number;
  /**
   * Stores progress. Call it with the transaction that writes the work it counts, so a batch
   * and its checkpoint commit together; throws JobLostError (rolling the batch back) when
   * another process has reclaimed the job or someone cancelled it.
   */
  checkpoint: (trx: Db, done: number, total?: number | null) => Promise<void>;
};

/** A job handler: does the work, returns a JSON-able result. */
export type JobHandler = {
  run: (ctx: JobContext) => Promise<unknown>;
  /** Called once the job has failed for good (after its retries), to mark what it was for. */
  onFailed?: (db: Db, job: JobRow, error: string) => Promise<void>;
};

export class JobLostError extends Error {
  constructor() {
    super('job lost: reclaimed by another process or cancelled');
  }
}
