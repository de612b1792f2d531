import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import { emailBulkPreviewSchema, emailBulkRequestSchema, emailBulkSchema, emailBulkStartedSchema } from '@contract/emails';
import { actorOf } from '@server/plugins/request-context';
import { publicBaseUrl } from '../emails.routes';
import { getBulk, previewBulk, startBulk } from './bulk-emails.service';

const tags = ['mail'];

export const bulkEmailRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config, storage } = app;

  app.post('/emails/bulk/preview', { schema: { tags, body: emailBulkRequestSchema, response: { 200: emailBulkPreviewSchema } } }, async (request) =>
    previewBulk(db, actorOf(request), request.body));

  // 202 with the job whose progress GET /jobs/:id reports, like every bulk action.
  app.post('/emails/bulk', { schema: { tags, body: emailBulkRequestSchema, response: { 202: emailBulkStartedSchema } } }, async (request, reply) => {
    const started = await startBulk({ db, config, storage }, actorOf(request), request.body, publicBaseUrl(config, request));
    reply.code(202);
    return started;
  });

  app.get('/emails/bulk/:id', { schema: { tags, params: idParamsSchema, response: { 200: emailBulkSchema } } }, async (request) =>
    getBulk(db, actorOf(request), request.params.id));
};
