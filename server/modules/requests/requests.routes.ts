import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import { groupCountSchema } from '@contract/list-query';
import {
  leadCreatedSchema, leadCreateSchema, requestCreateSchema, requestGroupQuerySchema, requestListQuerySchema, requestListSchema,
  requestSchema, requestUpdateSchema, unqualifySchema,
} from '@contract/requests';
import { qualifiedSchema, qualifyWithOpportunitySchema } from '@contract/opportunity-actions';
import { createLead } from '@server/commands/create-lead';
import { qualifyLead, unqualifyLead } from '@server/commands/qualify-lead';
import { actorOf } from '@server/plugins/request-context';
import { countRequestGroups } from './request-groups.service';
import { createRequest, findRequests, getRequest, updateRequest } from './requests.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['requests'];

export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/requests', { schema: { tags, querystring: requestListQuerySchema, response: { 200: requestListSchema } } }, async (request) =>
    findRequests(db, actorOf(request), request.query));

  app.get('/requests/groups', { schema: { tags, querystring: requestGroupQuerySchema, response: { 200: groupCountSchema } } }, async (request) =>
    countRequestGroups(db, actorOf(request), request.query));

  app.post('/requests', { schema: { tags, body: requestCreateSchema, response: { 201: requestSchema } } }, async (request, reply) => {
    reply.code(201);
    return createRequest(db, actorOf(request), request.body);
  });

  app.get('/requests/:id', { schema: { tags, params: idParamsSchema, response: { 200: requestSchema } } }, async (request) =>
    getRequest(db, actorOf(request), request.params.id));

  app.patch('/requests/:id', { schema: { tags, params: idParamsSchema, body: requestUpdateSchema, response: { 200: requestSchema } } }, async (request) =>
    updateRequest(db, actorOf(request), request.params.id, request.body));

  app.post('/leads', { schema: { tags: ['leads'], body: leadCreateSchema, response: { 201: leadCreatedSchema } } }, async (request, reply) => {
    reply.code(201);
    return createLead(db, actorOf(request), request.body);
  });

  app.post('/accounts/:id/qualify', { schema: { tags: ['leads'], params: idParamsSchema, body: qualifyWithOpportunitySchema, response: { 200: qualifiedSchema } } }, async (request) =>
    qualifyLead(db, actorOf(request), request.params.id, request.body));

  app.post('/accounts/:id/unqualify', { schema: { tags: ['leads'], params: idParamsSchema, body: unqualifySchema, response: { 204: noContent } } }, async (request, reply) => {
    await unqualifyLead(db, actorOf(request), request.params.id, request.body);
    return reply.code(204).send();
  });
};
