import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { duplicateListSchema, duplicateQuerySchema } from '@contract/accounts';
import { actorOf } from '@server/plugins/request-context';
import { findDuplicates } from './duplicates.service';

/** The create form's duplicate check, asked as the user types. */
export const duplicateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/accounts/duplicates', { schema: { tags: ['accounts'], querystring: duplicateQuerySchema, response: { 200: duplicateListSchema } } }, async (request) => ({
    items: await findDuplicates(app.db, actorOf(request), request.query),
  }));
};
