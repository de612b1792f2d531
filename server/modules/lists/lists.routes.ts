import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  allListsSchema, listItemCreateSchema, listItemParamsSchema, listItemSchema, listItemsQuerySchema, listItemsSchema,
  listItemUpdateSchema, listOrderSchema, listParamsSchema,
} from '@contract/lists';
import { actorOf } from '@server/plugins/request-context';
import { createListItem, findAllLists, findListItems, reorderList, updateListItem } from './lists.service';

const tags = ['lists'];

export const listRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  // Every signed-in user reads lists (forms offer their items); only admins change them.
  app.get('/lists', { schema: { tags, response: { 200: allListsSchema } } }, async () => ({ lists: await findAllLists(db) }));

  app.get('/lists/:key/items', { schema: { tags, params: listParamsSchema, querystring: listItemsQuerySchema, response: { 200: listItemsSchema } } }, async (request) => ({
    items: await findListItems(db, request.params.key, request.query.includeInactive),
  }));

  app.post('/lists/:key/items', { schema: { tags, params: listParamsSchema, body: listItemCreateSchema, response: { 201: listItemSchema } } }, async (request, reply) => {
    reply.code(201);
    return createListItem(db, actorOf(request), request.params.key, request.body);
  });

  app.patch('/lists/:key/items/:id', { schema: { tags, params: listItemParamsSchema, body: listItemUpdateSchema, response: { 200: listItemSchema } } }, async (request) =>
    updateListItem(db, actorOf(request), request.params.key, request.params.id, request.body));

  app.put('/lists/:key/order', { schema: { tags, params: listParamsSchema, body: listOrderSchema, response: { 200: listItemsSchema } } }, async (request) => ({
    items: await reorderList(db, actorOf(request), request.params.key, request.body.ids),
  }));
};
