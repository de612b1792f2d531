import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import { spreadsheetOptionsSchema } from '@contract/exports';
import { accountTagParamsSchema, accountTagsSchema, tagCreateSchema, tagListQuerySchema, tagListSchema, tagSchema, tagUpdateSchema } from '@contract/tags';
import { actorOf } from '@server/plugins/request-context';
import { exportTagCsv } from './tag-export.service';
import { assignTag, createTag, deleteTag, getTag, listAccountTags, listTags, unassignTag, updateTag } from './tags.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['tags'];

/** Tags, their assignment to accounts and the mailing export. A tag's accounts are GET /accounts?tagId=. */
export const tagRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/tags', { schema: { tags, querystring: tagListQuerySchema, response: { 200: tagListSchema } } }, async (request) =>
    listTags(db, actorOf(request), request.query));
  app.post('/tags', { schema: { tags, body: tagCreateSchema, response: { 201: tagSchema } } }, async (request, reply) => {
    reply.code(201);
    return createTag(db, actorOf(request), request.body);
  });
  app.get('/tags/:id', { schema: { tags, params: idParamsSchema, response: { 200: tagSchema } } }, async (request) =>
    getTag(db, actorOf(request), request.params.id));
  app.patch('/tags/:id', { schema: { tags, params: idParamsSchema, body: tagUpdateSchema, response: { 200: tagSchema } } }, async (request) =>
    updateTag(db, actorOf(request), request.params.id, request.body));
  app.delete('/tags/:id', { schema: { tags, params: idParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await deleteTag(db, actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  app.get('/tags/:id/export.csv', { schema: { tags, params: idParamsSchema, querystring: spreadsheetOptionsSchema } }, async (request, reply) => {
    const { fileName, stream } = await exportTagCsv(db, actorOf(request), request.params.id, request.language, request.query);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(stream);
  });

  app.get('/accounts/:id/tags', { schema: { tags, params: idParamsSchema, response: { 200: accountTagsSchema } } }, async (request) =>
    listAccountTags(db, actorOf(request), request.params.id));
  app.put('/accounts/:id/tags/:tagId', { schema: { tags, params: accountTagParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await assignTag(db, actorOf(request), request.params.id, request.params.tagId);
    return reply.code(204).send();
  });
  app.delete('/accounts/:id/tags/:tagId', { schema: { tags, params: accountTagParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await unassignTag(db, actorOf(request), request.params.id, request.params.tagId);
    return reply.code(204).send();
  });
};
