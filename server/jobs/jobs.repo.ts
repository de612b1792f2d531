import { sql, type SqlBool } from 'kysely';
import type { Db, JobRow } from '@server/db/database';
import type { Dialect } from '@server/db/connect';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';

export type NewJob = { kind: string; payload: unknown; createdBy: string | null; total?: number | null };

/** Queues a job; call it inside the transaction that records what the job is for. */
export async function enqueueJob(db: Db, job: NewJob): Promise<JobRow> {
  const row: JobRow = {
    id: newId(),
    kind: job.kind,
    status: 'queued',
    payload: JSON.stringify(job.payload ?? null),
    progress_done: 0,
    progress_total: job.total ?? null,
    result: null,
    error: null,
    created_by: job.createdBy,
    created_at: nowIso(),
    started_at: null,
    finished_at: null,
    heartbeat_at: null,
    attempts: 0,
    worker_id: null,
  };
  await db.insertInto('jobs').values(row).execute();
  return row;
}

export const findJob = (db: Db, id: string): Promise<JobRow | undefined> =>
  db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

export const findJobsByIds = (db: Db, ids: string[]): Promise<JobRow[]> =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('jobs').selectAll().where('id', 'in', ids).execute();

/**
 * Claims the oldest queued job for this worker, or a running one that no worker holds whose
 * heartbeat is older than `staleBefore` (left by a process from before workers registered; the
 * jobs of dead workers are put back in the queue by requeueOrphanedJobs). One UPDATE … WHERE
 * id = (SELECT …) RETURNING: atomic on SQLite, whose writers are serialised, and with SKIP LOCKED
 * on PostgreSQL so several processes never claim the same job and never wait for each other.
 */
export async function claimJob(db: Db, dialect: Dialect, workerId: string, staleBefore: string, kinds: string[]): Promise<JobRow | undefined> {
  if (kinds.length === 0) return undefined;
  const now = nowIso();
  const lock = dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const candidate = sql`(select id from jobs
    where kind in (${sql.join(kinds)})
      and (status = 'queued' or (status = 'running' and worker_id is null and heartbeat_at < ${staleBefore}))
    order by created_at, id limit 1 ${lock})`;
  return db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      started_at: eb.fn.coalesce('started_at', sql<string>`${now}`),
      heartbeat_at: now,
      attempts: eb('attempts', '+', 1),
      worker_id: workerId,
    }))
    .where(sql<SqlBool>`id = ${candidate}`)
    .where((eb) => eb.or([
      eb('status', '=', 'queued'),
      eb.and([eb('status', '=', 'running'), eb('worker_id', 'is', null), eb('heartbeat_at', '<', staleBefore)]),
    ]))
    .returningAll()
    .executeTakeFirst();
}

/** True while this attempt still holds the job (nobody reclaimed or cancelled it). */
export async function touchJob(db: Db, id: string, attempt: number, progress?: { done: number; total?: number | null }): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      heartbeat_at: nowIso(),
      ...(progress ? { progress_done: progress.done } : {}),
      ...(progress && progress.total !== undefined ? { progress_total: progress.total } : {}),
    })
    .where('id', '=', id)
    .where('attempts', '=', attempt)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishJob(db: Db, id: string, attempt: number, result: unknown): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', result: JSON.stringify(result ?? null), error: null, finished_at: nowIso() })
    .where('id', '=', id)
    .where('attempts', '=', attempt)
    .execute();
}

/** Puts a failed attempt back in the queue (it resumes from its checkpoint) or fails it for good. */
export async function failJob(db: Db, id: string, attempt: number, error: string, retry: boolean): Promise<void> {
  await db
    .updateTable('jobs')
    .set(retry ? { status: 'queued', error } : { status: 'failed', error, finished_at: nowIso() })
    .where('id', '=', id)
    .where('attempts', '=', attempt)
    .where('status', '=', 'running')
    .execute();
}

/** Queues a failed or cancelled job again; it resumes from its stored progress. */
export async function requeueJob(db: Db, id: string): Promise<void> {
  await db.updateTable('jobs').set({ status: 'queued', error: null, finished_at: null, attempts: 0 }).where('id', '=', id).execute();
}
