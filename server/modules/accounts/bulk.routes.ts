import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bulkRequestSchema, bulkStartedSchema } from '@contract/bulk';
import { startBulkAction } from '@server/commands/bulk-accounts';
import { actorOf } from '@server/plugins/request-context';

export const bulkRoutes: FastifyPluginAsyncZod = async (app) => {
  // One request per action, whatever the selection: 202 with the job whose progress GET /jobs/:id reports.
  app.post('/accounts/bulk', { schema: { tags: ['accounts'], body: bulkRequestSchema, response: { 202: bulkStartedSchema } } }, async (request, reply) => {
    reply.code(202);
    return startBulkAction(app.db, actorOf(request), request.body);
  });
};
