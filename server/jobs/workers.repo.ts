import { sql } from 'kysely';
import type pg from 'pg';
import type { Db, JobWorkerRow } from '@server/db/database';

/** The first key of every worker's advisory lock ('Cart'), so Cartera's locks are told from others'. */
const lockSpace = 0x43617274;

export async function insertWorker(db: Db, row: JobWorkerRow): Promise<void> {
  await db.insertInto('job_workers').values(row).execute();
}

/** Refreshes the worker's heartbeat; false when its row is gone (another process took it for dead). */
export async function beatWorker(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('job_workers').set({ heartbeat_at: at }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const listWorkers = (db: Db): Promise<JobWorkerRow[]> => db.selectFrom('job_workers').selectAll().execute();

export async function deleteWorkers(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('job_workers').where('id', 'in', ids).execute();
}

/**
 * Puts back in the queue the running jobs of these dead workers and of workers whose row is gone,
 * and, from before workers registered, jobs with no worker whose own heartbeat is stale. The
 * attempt number stays, so the next claim raises it and the dead attempt can commit nothing.
 */
export async function requeueOrphanedJobs(db: Db, deadWorkerIds: string[], staleBefore: string): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'queued', worker_id: null })
    .where('status', '=', 'running')
    .where((eb) => eb.or([
      ...(deadWorkerIds.length > 0 ? [eb('worker_id', 'in', deadWorkerIds)] : []),
      eb.and([eb('worker_id', 'is not', null), eb('worker_id', 'not in', eb.selectFrom('job_workers').select('id'))]),
      eb.and([eb('worker_id', 'is', null), eb('heartbeat_at', '<', staleBefore)]),
    ]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** PostgreSQL: the lock keys of live workers, that is the advisory locks their sessions hold. */
export async function heldWorkerLocks(db: Db): Promise<Set<number>> {
  const { rows } = await sql<{ key: number }>`select objid::int8 as key from pg_locks
    where locktype = 'advisory' and granted and objsubid = 2 and classid = ${lockSpace}
      and database = (select oid from pg_database where datname = current_database())`.execute(db);
  return new Set(rows.map((row) => Number(row.key)));
}

/**
 * On a worker's own session: makes the server notice within about 25 s that the session's host
 * vanished (the lock goes with it), then takes a free lock key, which the worker holds while it lives.
 */
export async function takeWorkerLock(session: pg.Client): Promise<number> {
  await session.query('set tcp_keepalives_idle = 10');
  await session.query('set tcp_keepalives_interval = 5');
  await session.query('set tcp_keepalives_count = 3');
  for (let tries = 0; tries < 20; tries += 1) {
    const key = 1 + Math.floor(Math.random() * 0x7ffffffe);
    const { rows } = await session.query<{ ok: boolean }>('select pg_try_advisory_lock($1::int4, $2::int4) as ok', [lockSpace, key]);
    if (rows[0]?.ok) return key;
  }
  throw new Error('no free worker lock key');
}

/** Rejects when the worker's session (and with it its lock) is gone. */
export async function pingSession(session: pg.Client): Promise<void> {
  await session.query('select 1');
}
