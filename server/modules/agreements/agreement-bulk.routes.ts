import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agreementBulkRequestSchema, agreementBulkRowsQuerySchema, agreementBulkRowsSchema, jobIdParamsSchema } from '@contract/agreement-bulk';
import { bulkStartedSchema } from '@contract/bulk';
import { startAgreementBulk } from '@server/commands/bulk-agreements';
import { actorOf } from '@server/plugins/request-context';
import { publicBaseUrl } from '@server/modules/mail/emails.routes';
import { agreementBulkReport } from './agreement-bulk.service';

const tags = ['agreements'];

/** "Send agreement from template" on the accounts list's selection: started here, followed at GET /jobs/{id}, reported per company here. */
export const agreementBulkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  // 202: the job is queued; its progress and summary are at GET /jobs/{jobId}.
  app.post('/agreements/bulk', { schema: { tags, body: agreementBulkRequestSchema, response: { 202: bulkStartedSchema } } }, async (request, reply) => {
    const started = await startAgreementBulk({ db, config }, actorOf(request), request.body, publicBaseUrl(config, request));
    reply.code(202);
    return started;
  });

  app.get('/agreements/bulk/:jobId/rows', {
    schema: { tags, params: jobIdParamsSchema, querystring: agreementBulkRowsQuerySchema, response: { 200: agreementBulkRowsSchema } },
  }, async (request) => agreementBulkReport(db, actorOf(request), request.params.jobId, request.query, request.language));
};
