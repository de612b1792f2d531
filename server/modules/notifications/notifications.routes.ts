import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import { notificationListSchema, notificationQuerySchema } from '@contract/notifications';
import { actorOf } from '@server/plugins/request-context';
import { listNotifications, readAllNotifications, readNotification } from './notifications.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['notifications'];

/** The bell's notifications: each user reads and clears only their own. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/notifications', { schema: { tags, querystring: notificationQuerySchema, response: { 200: notificationListSchema } } }, async (request) =>
    listNotifications(app.db, actorOf(request), request.query.limit));

  app.post('/notifications/:id/read', { schema: { tags, params: idParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await readNotification(app.db, actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  app.post('/notifications/read-all', { schema: { tags, response: { 204: noContent } } }, async (request, reply) => {
    await readAllNotifications(app.db, actorOf(request));
    return reply.code(204).send();
  });
};
