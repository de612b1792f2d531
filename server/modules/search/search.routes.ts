import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchQuerySchema, searchResponseSchema } from '@contract/search';
import { actorOf } from '@server/plugins/request-context';
import { search } from './search.service';

/** GET /search: the header's quick search over the accounts the actor may see. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, dialect } = app;
  app.get('/search', { schema: { tags: ['search'], querystring: searchQuerySchema, response: { 200: searchResponseSchema } } }, async (request) =>
    search(db, dialect, actorOf(request), request.query));
};
