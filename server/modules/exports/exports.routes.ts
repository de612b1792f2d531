import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountListQuerySchema } from '@contract/accounts';
import { accountExportQuerySchema, accountSelectionExportSchema, type ExportFormat } from '@contract/exports';
import type { Readable } from 'node:stream';
import { actorOf } from '@server/plugins/request-context';
import { exportAccounts } from './exports.service';

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A spreadsheet stream as a dated attachment ("accounts-2026-12-07.xlsx"). */
export const download = (reply: FastifyReply, format: ExportFormat, stream: Readable, name = 'accounts') => {
  const date = new Date().toISOString().slice(0, 10);
  reply.header('content-disposition', `attachment; filename="${name}-${date}.${format}"`);
  reply.type(contentTypes[format]);
  return reply.send(stream);
};

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  // A list: a plain GET, so the browser downloads the stream itself, however long.
  app.get('/exports/accounts', { schema: { tags: ['exports'], querystring: accountExportQuerySchema } }, async (request, reply) => {
    const { format, separator, timeZone, ...query } = request.query;
    const stream = exportAccounts(app.db, actorOf(request), { ...query, limit: 1000 }, null, format, request.language, { separator, timeZone });
    return download(reply, format, stream);
  });

  // Ticked rows: ids in the body; still only those within the actor's portfolio.
  app.post('/exports/accounts', { schema: { tags: ['exports'], body: accountSelectionExportSchema } }, async (request, reply) => {
    const { format, sort, ids, separator, timeZone } = request.body;
    const query = accountListQuerySchema.parse({ sort });
    return download(reply, format, exportAccounts(app.db, actorOf(request), query, ids, format, request.language, { separator, timeZone }));
  });
};
