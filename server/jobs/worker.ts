import type { Db, JobRow } from '@server/db/database';
import type { Dialect } from '@server/db/connect';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { JobLostError, type JobContext, type JobHandler } from './job-context';
import { jobHandlers } from './job-kinds';
import { letRequestsThrough } from './short-transactions';
import { claimJob, failJob, finishJob, touchJob } from './jobs.repo';
import { isAlive, LivenessSession, thisProcess } from './worker-liveness';
import { beatWorker, deleteWorkers, heldWorkerLocks, insertWorker, listWorkers, requeueOrphanedJobs } from './workers.repo';

type Registration = { id: string; session: LivenessSession | null };

export type WorkerOptions = {
  /** How often an idle worker looks for work. */
  pollMs?: number;
  /** How often the worker's heartbeat (and its running job's) is refreshed and dead workers are looked for. */
  heartbeatMs?: number;
  /** A worker without a lock (SQLite) whose heartbeat is older than this is dead, and its jobs go back to the queue. */
  staleMs?: number;
  /**
   * PostgreSQL: the database URL. The worker then holds an advisory lock on a session of its own
   * while it lives, which tells it dead from slow exactly; without it, heartbeats decide.
   */
  pgUrl?: string | null;
  /** Attempts before a failing job is failed for good. */
  maxAttempts?: number;
  handlers?: Record<string, JobHandler>;
  log?: { error: (obj: object, msg: string) => void };
};

/**
 * Runs background jobs in the app process. Every app process may run one: they share the queue
 * through the jobs table, and all state (progress, checkpoints) lives there.
 */
export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private maintenance: NodeJS.Timeout | null = null;
  private maintaining: Promise<void> | null = null;
  private registration: Promise<Registration> | null = null;
  private readonly options: Required<Omit<WorkerOptions, 'log' | 'pgUrl'>> & Pick<WorkerOptions, 'log' | 'pgUrl'>;

  constructor(private readonly db: Db, private readonly dialect: Dialect, options: WorkerOptions = {}) {
    this.options = {
      pollMs: options.pollMs ?? 1000,
      heartbeatMs: options.heartbeatMs ?? 5000,
      staleMs: options.staleMs ?? 60_000,
      maxAttempts: options.maxAttempts ?? 3,
      handlers: options.handlers ?? jobHandlers,
      log: options.log,
      pgUrl: options.pgUrl,
    };
  }

  /** Registers, takes back at once the jobs of dead workers, then polls; beats and looks for dead workers every heartbeatMs. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.maintenance = setInterval(() => {
      this.maintaining ??= this.maintain()
        .catch((error: unknown) => this.options.log?.error({ err: error }, 'job worker heartbeat failed'))
        .finally(() => { this.maintaining = null; });
    }, this.options.heartbeatMs);
    this.schedule(0);
  }

  /** Stops polling, waits for the job in hand to finish its current attempt, and unregisters. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.maintenance) clearInterval(this.maintenance);
    this.maintenance = null;
    await this.running;
    await this.maintaining;
    await this.unregister();
  }

  /** This worker's registration: made on first use, and again after it was lost (taken for dead). */
  private registered(): Promise<Registration> {
    this.registration ??= this.register().catch((error: unknown) => {
      this.registration = null;
      throw error;
    });
    return this.registration;
  }

  private async register(): Promise<Registration> {
    const { pgUrl, log } = this.options;
    // The lock is held before the row exists, so no one ever sees this worker's row without it.
    const session = this.dialect === 'postgres' && pgUrl
      ? await LivenessSession.open(pgUrl, (error) => log?.error({ err: error }, 'job worker session lost'))
      : null;
    const id = newId();
    const now = nowIso();
    await insertWorker(this.db, { id, host: thisProcess.host, pid: thisProcess.pid, process_id: thisProcess.id, lock_key: session?.lockKey ?? null, started_at: now, heartbeat_at: now });
    await this.reclaim(id);
    return { id, session };
  }

  private async unregister(): Promise<void> {
    const registration = this.registration;
    this.registration = null;
    const held = await registration?.catch(() => null);
    if (!held) return;
    await deleteWorkers(this.db, [held.id]);
    await held.session?.close();
  }

  /** Proves this worker alive, or drops a registration that was lost, then reclaims dead workers' jobs. */
  private async maintain(): Promise<void> {
    // Registering is runOnce's job (the first tick); a lost registration waits for the next one.
    if (this.stopped || !this.registration) return;
    const registration = await this.registration;
    const alive = (await beatWorker(this.db, registration.id, nowIso())) && (await registration.session?.check() ?? true);
    if (!alive) {
      // Its jobs went back to the queue and their attempts can commit nothing: start afresh.
      await this.unregister();
      return;
    }
    await this.reclaim(registration.id);
  }

  /**
   * Puts the running jobs of dead workers back in the queue and forgets those workers. Returns how
   * many jobs went back. Done at registration (so a restarted process resumes its jobs at once)
   * and every heartbeat.
   */
  async reclaim(selfId?: string): Promise<number> {
    const staleBefore = new Date(Date.now() - this.options.staleMs).toISOString();
    const held = this.dialect === 'postgres' ? await heldWorkerLocks(this.db) : null;
    const dead = (await listWorkers(this.db)).filter((row) => row.id !== selfId && !isAlive(row, held, staleBefore)).map((row) => row.id);
    const requeued = await requeueOrphanedJobs(this.db, dead, staleBefore);
    await deleteWorkers(this.db, dead);
    return requeued;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => { this.running = null; });
    }, delay);
  }

  private async tick(): Promise<void> {
    let worked = false;
    try {
      worked = await this.runOnce();
    } catch (error) {
      this.options.log?.error({ err: error }, 'job worker error');
    }
    this.schedule(worked ? 0 : this.options.pollMs);
  }

  /** Claims and runs one job; false when there was none. Tests call it to run jobs deterministically. */
  async runOnce(): Promise<boolean> {
    const { id } = await this.registered();
    const staleBefore = new Date(Date.now() - this.options.staleMs).toISOString();
    const job = await claimJob(this.db, this.dialect, id, staleBefore, Object.keys(this.options.handlers));
    if (!job) return false;
    await this.runJob(job, id);
    return true;
  }

  /** Runs jobs until the queue is empty. */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.runOnce()) count += 1;
    return count;
  }

  private async runJob(job: JobRow, workerId: string): Promise<void> {
    const handler = this.options.handlers[job.kind];
    if (!handler) return;
    const attempt = job.attempts;
    // A worker driven by runOnce alone (tests, benchmarks) has no maintenance timer: beat here too.
    const heartbeat = setInterval(() => {
      touchJob(this.db, job.id, attempt).catch(() => undefined);
      if (!this.maintenance) beatWorker(this.db, workerId, nowIso()).catch(() => undefined);
    }, this.options.heartbeatMs);
    const ctx: JobContext = {
      db: this.db,
      job,
      attempt,
      checkpoint: async (trx, done, total) => {
        if (!(await touchJob(trx, job.id, attempt, { done, total }))) throw new JobLostError();
        // Outside a transaction the job holds nothing: a turn for the requests that waited (see letRequestsThrough).
        if (trx === this.db) await letRequestsThrough();
      },
    };
    try {
      const result = await handler.run(ctx);
      await finishJob(this.db, job.id, attempt, result);
    } catch (error) {
      if (error instanceof JobLostError) return;
      const message = error instanceof Error ? error.message : String(error);
      const retry = attempt < this.options.maxAttempts;
      this.options.log?.error({ err: error, jobId: job.id, attempt }, retry ? 'job attempt failed; it will resume' : 'job failed');
      await failJob(this.db, job.id, attempt, message.slice(0, 2000), retry);
      if (!retry && handler.onFailed) await handler.onFailed(this.db, { ...job, status: 'failed' }, message);
    } finally {
      clearInterval(heartbeat);
    }
  }
}
