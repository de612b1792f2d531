import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import { jobSchema, type Job } from '@contract/imports';
import type { JobRow } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { actorOf } from '@server/plugins/request-context';
import { canSeeJob } from '@server/policies';
import { findJob } from './jobs.repo';

const present = (job: JobRow): Job => ({
  id: job.id,
  kind: job.kind,
  status: job.status,
  progressDone: job.progress_done,
  progressTotal: job.progress_total,
  error: job.error,
  result: job.result ? JSON.parse(job.result) : null,
  createdAt: job.created_at,
  startedAt: job.started_at,
  finishedAt: job.finished_at,
});

/** Progress of a background job, from any app process: it is all in the jobs table. */
export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/jobs/:id', { schema: { tags: ['jobs'], params: idParamsSchema, response: { 200: jobSchema } } }, async (request) => {
    const job = await findJob(app.db, request.params.id);
    if (!job || !canSeeJob(actorOf(request), job)) throw new AppError('not_found');
    return present(job);
  });
};
