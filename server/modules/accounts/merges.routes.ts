import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import { mergeRequestSchema, mergeResultSchema } from '@contract/merges';
import { mergeAccounts } from '@server/commands/merge-accounts';
import { undoMerge } from '@server/commands/undo-merge';
import { actorOf } from '@server/plugins/request-context';
import { noContent } from '@server/plugins/documented-responses';

/** Merging duplicate accounts, and an admin's undo of a merge (from the bin). */
export const mergeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/accounts/merge', { schema: { tags: ['accounts'], body: mergeRequestSchema, response: { 201: mergeResultSchema } } }, async (request, reply) => {
    reply.code(201);
    return mergeAccounts(app.db, actorOf(request), request.body);
  });

  app.post('/accounts/merges/:id/undo', { schema: { tags: ['accounts'], params: idParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await undoMerge(app.db, actorOf(request), request.params.id);
    return reply.code(204).send();
  });
};
