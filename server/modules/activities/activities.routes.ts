import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activityCompleteSchema, activityCreateSchema, activityGroupQuerySchema, activityListQuerySchema, activityListSchema, activitySchema, activityUpdateSchema,
  calendarFeedCreatedSchema, calendarFeedStatusSchema, dueRemindersSchema, pendingQuerySchema, remindersQuerySchema,
} from '@contract/activities';
import { idParamsSchema } from '@contract/common';
import { groupCountSchema } from '@contract/list-query';
import { actorOf } from '@server/plugins/request-context';
import { feedStatus, revokeFeed, rotateFeed } from '@server/modules/calendar/calendar-feed.service';
import { countActivityGroups } from './activity-groups.service';
import {
  claimReminders, createActivity, findActivities, findPending, findReminders, finishActivity, getActivity, updateActivity,
} from './activities.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['activities'];

export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/activities', { schema: { tags, querystring: activityListQuerySchema, response: { 200: activityListSchema } } }, async (request) =>
    findActivities(db, actorOf(request), request.query));

  app.get('/activities/groups', { schema: { tags, querystring: activityGroupQuerySchema, response: { 200: groupCountSchema } } }, async (request) =>
    countActivityGroups(db, actorOf(request), request.query));

  app.post('/activities', { schema: { tags, body: activityCreateSchema, response: { 201: activitySchema } } }, async (request, reply) => {
    reply.code(201);
    return createActivity(db, actorOf(request), request.body);
  });

  app.get('/activities/pending', { schema: { tags, querystring: pendingQuerySchema, response: { 200: activityListSchema } } }, async (request) =>
    findPending(db, actorOf(request), request.query));

  app.get('/activities/reminders', { schema: { tags, querystring: remindersQuerySchema, response: { 200: activityListSchema } } }, async (request) =>
    findReminders(db, actorOf(request), request.query));

  // A POST: handing a reminder out marks it shown.
  app.post('/activities/reminders/claim', { schema: { tags, response: { 200: dueRemindersSchema } } }, async (request) =>
    claimReminders(db, actorOf(request)));

  app.get('/activities/:id', { schema: { tags, params: idParamsSchema, response: { 200: activitySchema } } }, async (request) =>
    getActivity(db, actorOf(request), request.params.id));

  app.patch('/activities/:id', { schema: { tags, params: idParamsSchema, body: activityUpdateSchema, response: { 200: activitySchema } } }, async (request) =>
    updateActivity(db, actorOf(request), request.params.id, request.body));

  app.post('/activities/:id/done', { schema: { tags, params: idParamsSchema, body: activityCompleteSchema, response: { 200: activitySchema } } }, async (request) =>
    finishActivity(db, actorOf(request), request.params.id, 'done', request.body));

  app.post('/activities/:id/cancel', { schema: { tags, params: idParamsSchema, body: activityCompleteSchema, response: { 200: activitySchema } } }, async (request) =>
    finishActivity(db, actorOf(request), request.params.id, 'cancelled', request.body));

  app.get('/me/calendar-feed', { schema: { tags, response: { 200: calendarFeedStatusSchema } } }, async (request) =>
    feedStatus(db, actorOf(request)));

  // Making a new URL revokes the previous one.
  app.post('/me/calendar-feed', { schema: { tags, response: { 201: calendarFeedCreatedSchema } } }, async (request, reply) => {
    const { token, createdAt } = await rotateFeed(db, actorOf(request));
    reply.code(201);
    return { url: `${request.protocol}://${request.host}/api/calendar/${token}.ics`, createdAt };
  });

  app.delete('/me/calendar-feed', { schema: { tags, response: { 204: noContent } } }, async (request, reply) => {
    await revokeFeed(db, actorOf(request));
    return reply.code(204).send();
  });
};
