import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import { teamCreateSchema, teamListSchema, teamSchema } from '@contract/users';
import { actorOf } from '@server/plugins/request-context';
import { createTeam, deleteTeam, findTeams, renameTeam } from './teams.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['teams'];

export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/teams', { schema: { tags, response: { 200: teamListSchema } } }, async () => findTeams(db));

  app.post('/teams', { schema: { tags, body: teamCreateSchema, response: { 201: teamSchema } } }, async (request, reply) => {
    reply.code(201);
    return createTeam(db, actorOf(request), request.body.name);
  });

  app.patch('/teams/:id', { schema: { tags, params: idParamsSchema, body: teamCreateSchema, response: { 200: teamSchema } } }, async (request) =>
    renameTeam(db, actorOf(request), request.params.id, request.body.name));

  app.delete('/teams/:id', { schema: { tags, params: idParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await deleteTeam(db, actorOf(request), request.params.id);
    return reply.code(204).send();
  });
};
