import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  allListsSchema, listItemCreateSchema, listItemParamsSchema, listItemSchema, listItemsQuerySchema, listItemsSchema,
  listItemUpdateSchema, listOrderSchema, listParamsSchema, type ListItem,
} from '@contract/lists';
import { actorOf } from '@server/plugins/request-context';
import { presentListItem } from './lists.presenter';
import { allListItems, listItems } from './lists.repo';
import { createListItem, reorderList, updateListItem } from './lists.service';

const tags = ['lists'];

export const listRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  // Every signed-in user reads lists (forms offer their items); only admins change them.
  app.get('/lists', { schema: { tags, response: { 200: allListsSchema } } }, async () => {
    const lists: Record<string, ListItem[]> = {};
    for (const row of await allListItems(db)) (lists[row.list_key] ??= []).push(presentListItem(row));
    return { lists };
  });

  app.get('/lists/:key/items', { schema: { tags, params: listParamsSchema, querystring: listItemsQuerySchema, response: { 200: listItemsSchema } } }, async (request) => ({
    items: (await listItems(db, request.params.key, request.query.includeInactive)).map(presentListItem),
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
