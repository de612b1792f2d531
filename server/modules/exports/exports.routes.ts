import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountExportQuerySchema } from '@contract/exports';
import { actorOf } from '@server/plugins/request-context';
import { exportAccounts } from './exports.service';

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/exports/accounts', { schema: { tags: ['exports'], querystring: accountExportQuerySchema } }, async (request, reply) => {
    const { format, ids, ...query } = request.query;
    const stream = exportAccounts(app.db, actorOf(request), { ...query, limit: 1000 }, ids ?? null, format, request.language);
    const date = new Date().toISOString().slice(0, 10);
    reply.header('content-disposition', `attachment; filename="accounts-${date}.${format}"`);
    reply.type(contentTypes[format]);
    return reply.send(stream);
  });
};
