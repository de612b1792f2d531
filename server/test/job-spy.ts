import type { JobHandler } from '@server/jobs/job-context';
import { jobHandlers } from '@server/jobs/job-kinds';

export type SpyOptions = {
  /** Dies at this checkpoint (1 = the first) as a crash would: inside its chunk's transaction, which rolls back. */
  failAt?: number;
  /** Called at each checkpoint, inside its chunk (before the chunk commits). */
  onCheckpoint?: (done: number) => void;
};

/**
 * The handler of job kind `kind`, recording the progress of each checkpoint it reaches (each ends a
 * chunk of the job). For a worker's `handlers` option.
 */
export function checkpointSpy(kind: string, options: SpyOptions = {}): { handler: JobHandler; checkpoints: number[] } {
  const original = jobHandlers[kind];
  if (!original) throw new Error(`no handler for ${kind}`);
  const checkpoints: number[] = [];
  const handler: JobHandler = {
    ...original,
    run: (ctx) => original.run({
      ...ctx,
      checkpoint: async (trx, done, total) => {
        await ctx.checkpoint(trx, done, total);
        checkpoints.push(done);
        options.onCheckpoint?.(done);
        if (checkpoints.length === options.failAt) throw new Error('simulated crash');
      },
    }),
  };
  return { handler, checkpoints };
}
