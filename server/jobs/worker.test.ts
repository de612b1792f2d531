import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@server/db/connect';
import type { JobWorkerRow } from '@server/db/database';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { uniqueWord } from '@server/test/state';
import { freshDatabase, testDialect, testPgUrl } from '@server/test/test-db';
import type { JobHandler } from './job-context';
import { enqueueJob, findJob } from './jobs.repo';
import { thisProcess } from './worker-liveness';
import { JobWorker, type WorkerOptions } from './worker';
import { heldWorkerLocks } from './workers.repo';

let handle: DatabaseHandle;
const workers: JobWorker[] = [];
const postgres = testDialect === 'postgres';

beforeAll(async () => {
  handle = await freshDatabase();
});

afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await handle.close();
});

/** A worker as an app process runs it (on PostgreSQL with its own session and advisory lock). */
function newWorker(kind: string, handler: JobHandler, options: WorkerOptions = {}): JobWorker {
  const worker = new JobWorker(handle.db, handle.dialect, { pgUrl: postgres ? testPgUrl : null, pollMs: 10, ...options, handlers: { [kind]: handler } });
  workers.push(worker);
  return worker;
}

const quick: JobHandler = {
  run: async (ctx) => {
    await ctx.checkpoint(ctx.db, 1, 1);
    return { attempt: ctx.attempt };
  },
};

/** A handler that starts, then waits until released: a slow job, or a process frozen mid-job. */
function gated(): { handler: JobHandler; started: Promise<void>; release: () => void } {
  let release = () => {};
  let started = () => {};
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const startedPromise = new Promise<void>((resolve) => { started = resolve; });
  const handler: JobHandler = {
    run: async (ctx) => {
      started();
      await gate;
      await ctx.checkpoint(ctx.db, 1, 1);
      return { attempt: ctx.attempt };
    },
  };
  return { handler, started: startedPromise, release };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A job as a worker leaves it when its process dies mid-way: running, fresh heartbeat, first attempt. */
async function jobHeldBy(kind: string, workerId: string): Promise<string> {
  const job = await enqueueJob(handle.db, { kind, payload: null, createdBy: null });
  await handle.db.updateTable('jobs').set({ status: 'running', attempts: 1, heartbeat_at: nowIso(), started_at: nowIso(), worker_id: workerId }).where('id', '=', job.id).execute();
  return job.id;
}

async function insertWorkerRow(row: Partial<JobWorkerRow>): Promise<string> {
  const id = newId();
  await handle.db.insertInto('job_workers').values({
    id, host: thisProcess.host, pid: thisProcess.pid, process_id: thisProcess.id, lock_key: null, started_at: nowIso(), heartbeat_at: nowIso(), ...row,
  }).execute();
  return id;
}

/** A pid no process has: a child that has exited and been reaped. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid ?? 0;

/** A lock key nobody holds, as a dead PostgreSQL worker leaves its row. */
async function releasedLockKey(): Promise<number> {
  const held = await heldWorkerLocks(handle.db);
  let key = 1 + Math.floor(Math.random() * 0x7ffffffe);
  while (held.has(key)) key += 1;
  return key;
}

const crashes: Array<[string, boolean, () => Promise<string>]> = [
  ['its process is gone from this host', true, () => insertWorkerRow({ pid: deadPid(), process_id: 'crashed' })],
  ['an earlier process had this pid on this host (a restarted container)', true, () => insertWorkerRow({ process_id: 'before-restart' })],
  ['its session and advisory lock are gone (PostgreSQL)', postgres, async () => insertWorkerRow({ host: 'elsewhere', pid: 1, process_id: 'crashed', lock_key: await releasedLockKey() })],
  ['its row is gone', true, async () => 'never-registered'],
];

describe('crash recovery', () => {
  test.each(crashes.filter(([, applies]) => applies))('a job left running by a dead worker (%s) is taken back by a starting worker at once, not after a minute', async (_label, _applies, crashed) => {
    const kind = uniqueWord('test.crash.');
    const deadWorker = await crashed();
    const jobId = await jobHeldBy(kind, deadWorker);
    const began = Date.now();
    newWorker(kind, quick).start();
    await waitFor(async () => (await findJob(handle.db, jobId))?.status === 'done', 5000);
    // The default staleness is 60 s: the job came back on liveness, not on its heartbeat.
    expect(Date.now() - began).toBeLessThan(3000);
    expect(await findJob(handle.db, jobId)).toMatchObject({ attempts: 2, result: JSON.stringify({ attempt: 2 }) });
    expect(await handle.db.selectFrom('job_workers').select('id').where('id', '=', deadWorker).execute()).toEqual([]);
  });

  test('a worker without a lock on another host is alive while its heartbeat is fresh, dead once it is stale', async () => {
    const kind = uniqueWord('test.remote.');
    const remote = await insertWorkerRow({ host: 'another-host', pid: 4242, process_id: 'remote' });
    const jobId = await jobHeldBy(kind, remote);
    const worker = newWorker(kind, quick);
    expect(await worker.runOnce()).toBe(false);
    expect(await findJob(handle.db, jobId)).toMatchObject({ status: 'running', worker_id: remote });
    await handle.db.updateTable('job_workers').set({ heartbeat_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', remote).execute();
    expect(await worker.reclaim()).toBe(1);
    expect(await worker.runOnce()).toBe(true);
    expect(await findJob(handle.db, jobId)).toMatchObject({ status: 'done', attempts: 2 });
  });

  test(postgres
    ? 'a live worker\'s slow job is never taken, even with every heartbeat a year old: its lock proves it alive'
    : 'a live worker\'s slow job is not taken while the worker beats', async () => {
    const kind = uniqueWord('test.slow.');
    const slow = gated();
    // On PostgreSQL the slow worker never beats in this test; on SQLite it beats every 20 ms.
    const owner = newWorker(kind, slow.handler, { heartbeatMs: postgres ? 3_600_000 : 20 });
    const job = await enqueueJob(handle.db, { kind, payload: null, createdBy: null });
    const running = owner.runOnce();
    await slow.started;
    if (postgres) {
      await handle.db.updateTable('jobs').set({ heartbeat_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', job.id).execute();
      await handle.db.updateTable('job_workers').set({ heartbeat_at: '2000-01-01T00:00:00.000Z' }).execute();
    } else {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const other = newWorker(kind, quick, { staleMs: 1000 });
    expect(await other.runOnce()).toBe(false);
    expect(await other.reclaim()).toBe(0);
    const held = await findJob(handle.db, job.id);
    expect(held).toMatchObject({ status: 'running', attempts: 1 });
    slow.release();
    expect(await running).toBe(true);
    expect(await findJob(handle.db, job.id)).toMatchObject({ status: 'done', attempts: 1, result: JSON.stringify({ attempt: 1 }), worker_id: held?.worker_id });
  });

  test.skipIf(!postgres)('a worker whose session dies mid-job (the process was killed) loses the job at once, and its attempt commits nothing', async () => {
    const kind = uniqueWord('test.killed.');
    const frozen = gated();
    const victim = newWorker(kind, frozen.handler);
    const job = await enqueueJob(handle.db, { kind, payload: null, createdBy: null });
    const running = victim.runOnce();
    await frozen.started;
    const owner = await handle.db.selectFrom('jobs').innerJoin('job_workers', 'job_workers.id', 'jobs.worker_id').select('job_workers.lock_key').where('jobs.id', '=', job.id).executeTakeFirstOrThrow();
    // What the server does when a process dies: its connection ends, and its locks with it.
    await sql`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = ${owner.lock_key}::int8::oid`.execute(handle.db);
    await waitFor(async () => !(await heldWorkerLocks(handle.db)).has(owner.lock_key ?? 0), 5000);

    expect(await newWorker(kind, quick).runOnce()).toBe(true);
    expect(await findJob(handle.db, job.id)).toMatchObject({ status: 'done', attempts: 2, result: JSON.stringify({ attempt: 2 }) });
    // The killed attempt wakes up (as a frozen process might) and is refused at its checkpoint.
    frozen.release();
    expect(await running).toBe(true);
    expect(await findJob(handle.db, job.id)).toMatchObject({ status: 'done', attempts: 2, result: JSON.stringify({ attempt: 2 }) });
  });

  test('a stopped worker leaves no row behind, and on PostgreSQL no lock', async () => {
    const kind = uniqueWord('test.stop.');
    const worker = newWorker(kind, quick);
    const mine = async () => handle.db.selectFrom('job_workers').selectAll().where('process_id', '=', thisProcess.id).execute();
    const before = await mine();
    expect(await worker.runOnce()).toBe(false);
    const registered = (await mine()).filter((row) => !before.some((other) => other.id === row.id));
    expect(registered).toHaveLength(1);
    const lockKey = registered[0]?.lock_key ?? null;
    if (postgres) expect((await heldWorkerLocks(handle.db)).has(lockKey ?? 0)).toBe(true);
    await worker.stop();
    expect((await mine()).map((row) => row.id).sort()).toEqual(before.map((row) => row.id).sort());
    if (postgres) expect((await heldWorkerLocks(handle.db)).has(lockKey ?? 0)).toBe(false);
  });
});
