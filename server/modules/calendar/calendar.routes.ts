import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarTokenParamsSchema } from '@contract/activities';
import { AppError } from '@server/lib/errors';
import { problems } from '@server/plugins/documented-responses';
import { feedCalendar } from './calendar-feed.service';

/**
 * The iCalendar feed for Google Calendar or Outlook. Public (calendar apps send no cookie):
 * the unguessable token is the credential, and only a live one answers.
 */
const feedResponses = { 200: { description: 'The iCalendar feed', content: { 'text/calendar': { schema: z.string() } } }, ...problems(404) };

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/calendar/:token', { config: { public: true }, schema: { tags: ['activities'], params: calendarTokenParamsSchema, response: feedResponses } }, async (request, reply) => {
    const body = await feedCalendar(app.db, request.params.token.replace(/\.ics$/, ''), `${request.protocol}://${request.host}`);
    if (body === null) throw new AppError('not_found');
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
  });
};
