import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import {
  userCreateSchema, userListQuerySchema, userListSchema, userOptionListSchema, userPasswordResetSchema,
  userSchema, userUpdateSchema,
} from '@contract/users';
import { actorOf } from '@server/plugins/request-context';
import { authorize } from '@server/policies';
import { presentUser } from './users.presenter';
import { listUsers, userOptions } from './users.repo';
import { changeUser, createUser, resetPassword, setUserActive } from './users.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/users', { schema: { tags, querystring: userListQuerySchema, response: { 200: userListSchema } } }, async (request) => {
    authorize(actorOf(request), { domain: 'user', action: 'list' });
    const page = await listUsers(db, request.query);
    return { items: page.rows.map(presentUser), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
  });

  app.get('/users/options', { schema: { tags, response: { 200: userOptionListSchema } } }, async () => ({ items: await userOptions(db) }));

  app.post('/users', { schema: { tags, body: userCreateSchema, response: { 201: userSchema } } }, async (request, reply) => {
    reply.code(201);
    return createUser(db, actorOf(request), request.body);
  });

  app.patch('/users/:id', { schema: { tags, params: idParamsSchema, body: userUpdateSchema, response: { 200: userSchema } } }, async (request) =>
    changeUser(db, actorOf(request), request.params.id, request.body));

  app.post('/users/:id/deactivate', { schema: { tags, params: idParamsSchema, response: { 200: userSchema } } }, async (request) =>
    setUserActive(db, actorOf(request), request.params.id, false));

  app.post('/users/:id/activate', { schema: { tags, params: idParamsSchema, response: { 200: userSchema } } }, async (request) =>
    setUserActive(db, actorOf(request), request.params.id, true));

  app.post('/users/:id/password', { schema: { tags, params: idParamsSchema, body: userPasswordResetSchema, response: { 204: noContent } } }, async (request, reply) => {
    await resetPassword(db, actorOf(request), request.params.id, request.body.password);
    return reply.code(204).send();
  });
};
