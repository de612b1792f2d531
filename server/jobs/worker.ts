import type { Db, JobRow } from '@server/db/database';
import type { Dialect } from '@server/db/connect';
import { JobLostError, type JobContext, type JobHandler } from './job-context';
import { jobHandlers } from './job-kinds';
import { claimJob, failJob, finishJob, touchJob } from './jobs.repo';

export type WorkerOptions = {
  /** How often an idle worker looks for work. */
  pollMs?: number;
  /** How often a running job's heartbeat is refreshed. */
  heartbeatMs?: number;
  /** A running job whose heartbeat is older than this belongs to a dead process and is reclaimed. */
  staleMs?: number;
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
  private readonly options: Required<Omit<WorkerOptions, 'log'>> & Pick<WorkerOptions, 'log'>;

  constructor(private readonly db: Db, private readonly dialect: Dialect, options: WorkerOptions = {}) {
    this.options = {
      pollMs: options.pollMs ?? 1000,
      heartbeatMs: options.heartbeatMs ?? 5000,
      staleMs: options.staleMs ?? 60_000,
      maxAttempts: options.maxAttempts ?? 3,
      handlers: options.handlers ?? jobHandlers,
      log: options.log,
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the job in hand to finish its current attempt. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
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
    const staleBefore = new Date(Date.now() - this.options.staleMs).toISOString();
    const job = await claimJob(this.db, this.dialect, staleBefore, Object.keys(this.options.handlers));
    if (!job) return false;
    await this.runJob(job);
    return true;
  }

  /** Runs jobs until the queue is empty. */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.runOnce()) count += 1;
    return count;
  }

  private async runJob(job: JobRow): Promise<void> {
    const handler = this.options.handlers[job.kind];
    if (!handler) return;
    const attempt = job.attempts;
    const heartbeat = setInterval(() => {
      touchJob(this.db, job.id, attempt).catch(() => undefined);
    }, this.options.heartbeatMs);
    const ctx: JobContext = {
      db: this.db,
      job,
      attempt,
      checkpoint: async (trx, done, total) => {
        if (!(await touchJob(trx, job.id, attempt, { done, total }))) throw new JobLostError();
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
