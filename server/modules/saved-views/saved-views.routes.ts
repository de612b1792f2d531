import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import { savedViewCreateSchema, savedViewListQuerySchema, savedViewListSchema, savedViewSchema, savedViewUpdateSchema } from '@contract/saved-views';
import { actorOf } from '@server/plugins/request-context';
import { createView, deleteView, listViews, updateView } from './saved-views.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['saved-views'];

/** Saved views of any list (accounts, activities, requests): the actor's own and everyone's shared ones. */
export const savedViewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  app.get('/saved-views', { schema: { tags, querystring: savedViewListQuerySchema, response: { 200: savedViewListSchema } } }, async (request) =>
    listViews(db, actorOf(request), request.query));
  app.post('/saved-views', { schema: { tags, body: savedViewCreateSchema, response: { 201: savedViewSchema } } }, async (request, reply) => {
    reply.code(201);
    return createView(db, actorOf(request), request.body);
  });
  app.patch('/saved-views/:id', { schema: { tags, params: idParamsSchema, body: savedViewUpdateSchema, response: { 200: savedViewSchema } } }, async (request) =>
    updateView(db, actorOf(request), request.params.id, request.body));
  app.delete('/saved-views/:id', { schema: { tags, params: idParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await deleteView(db, actorOf(request), request.params.id);
    return reply.code(204).send();
  });
};
