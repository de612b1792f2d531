import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import { groupCountSchema } from '@contract/list-query';
import {
  boardColumnQuerySchema, boardQuerySchema, boardSchema, opportunityCardSchema, opportunityCreateSchema, opportunityGroupQuerySchema,
  opportunityListQuerySchema, opportunityListSchema, opportunityMoveSchema, opportunityPersonParamsSchema, opportunityPersonRoleSchema,
  opportunitySchema, opportunityTagParamsSchema, opportunityUpdateSchema, pipelineSchema, pipelineUpdateSchema,
} from '@contract/opportunities';
import { bulkStartedSchema } from '@contract/bulk';
import {
  opportunityBulkRequestSchema, opportunityExportQuerySchema, opportunityHistoryQuerySchema, opportunityHistorySchema, opportunitySelectionExportSchema,
} from '@contract/opportunity-actions';
import { startOpportunityBulk } from '@server/commands/bulk-opportunities';
import { actorOf } from '@server/plugins/request-context';
import { download } from '@server/modules/exports/exports.routes';
import { exportOpportunities } from './opportunity-export.service';
import { opportunityHistory } from './opportunity-history';
import { countOpportunityGroups, getBoard, getBoardColumn, moveOpportunity } from './board.service';
import { removeOpportunityPerson, setOpportunityPerson, tagOpportunity, untagOpportunity } from './opportunity-links.service';
import { createOpportunity, findOpportunities, getOpportunity, updateOpportunity } from './opportunities.service';
import { getPipeline, updatePipeline } from './pipeline.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['opportunities'];

export const opportunityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/opportunities', { schema: { tags, querystring: opportunityListQuerySchema, response: { 200: opportunityListSchema } } }, async (request) =>
    findOpportunities(db, actorOf(request), request.query));

  app.get('/opportunities/groups', { schema: { tags, querystring: opportunityGroupQuerySchema, response: { 200: groupCountSchema } } }, async (request) =>
    countOpportunityGroups(db, actorOf(request), request.query));

  app.get('/opportunities/board', { schema: { tags, querystring: boardQuerySchema, response: { 200: boardSchema } } }, async (request) =>
    getBoard(db, actorOf(request), request.query));

  app.get('/opportunities/board/column', { schema: { tags, querystring: boardColumnQuerySchema, response: { 200: opportunityListSchema } } }, async (request) =>
    getBoardColumn(db, actorOf(request), request.query));

  app.post('/opportunities', { schema: { tags, body: opportunityCreateSchema, response: { 201: opportunitySchema } } }, async (request, reply) => {
    reply.code(201);
    return createOpportunity(db, actorOf(request), request.body);
  });

  app.get('/opportunities/:id', { schema: { tags, params: idParamsSchema, response: { 200: opportunitySchema } } }, async (request) =>
    getOpportunity(db, actorOf(request), request.params.id));

  app.patch('/opportunities/:id', { schema: { tags, params: idParamsSchema, body: opportunityUpdateSchema, response: { 200: opportunitySchema } } }, async (request) =>
    updateOpportunity(db, actorOf(request), request.params.id, request.body));

  app.post('/opportunities/:id/move', { schema: { tags, params: idParamsSchema, body: opportunityMoveSchema, response: { 200: opportunityCardSchema } } }, async (request) =>
    moveOpportunity(db, actorOf(request), request.params.id, request.body));

  app.put('/opportunities/:id/people/:personId', { schema: { tags, params: opportunityPersonParamsSchema, body: opportunityPersonRoleSchema, response: { 200: opportunitySchema } } }, async (request) =>
    setOpportunityPerson(db, actorOf(request), request.params.id, request.params.personId, request.body));

  app.delete('/opportunities/:id/people/:personId', { schema: { tags, params: opportunityPersonParamsSchema, response: { 200: opportunitySchema } } }, async (request) =>
    removeOpportunityPerson(db, actorOf(request), request.params.id, request.params.personId));

  app.put('/opportunities/:id/tags/:tagId', { schema: { tags, params: opportunityTagParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await tagOpportunity(db, actorOf(request), request.params.id, request.params.tagId);
    return reply.code(204).send();
  });

  app.delete('/opportunities/:id/tags/:tagId', { schema: { tags, params: opportunityTagParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await untagOpportunity(db, actorOf(request), request.params.id, request.params.tagId);
    return reply.code(204).send();
  });

  app.get('/opportunities/:id/history', { schema: { tags, params: idParamsSchema, querystring: opportunityHistoryQuerySchema, response: { 200: opportunityHistorySchema } } }, async (request) =>
    opportunityHistory(db, actorOf(request), request.params.id, request.query));

  // Owner, stage or tag on ticked rows or on everything the filters match: a background job.
  app.post('/opportunities/bulk', { schema: { tags, body: opportunityBulkRequestSchema, response: { 202: bulkStartedSchema } } }, async (request, reply) => {
    reply.code(202);
    return startOpportunityBulk(db, actorOf(request), request.body);
  });

  app.get('/exports/opportunities', { schema: { tags: ['exports'], querystring: opportunityExportQuerySchema } }, async (request, reply) => {
    const { format, separator, timeZone, sort, ...filters } = request.query;
    return download(reply, format, exportOpportunities(db, actorOf(request), { filters, sort, ids: null }, format, request.language, { separator, timeZone }), 'opportunities');
  });

  app.post('/exports/opportunities', { schema: { tags: ['exports'], body: opportunitySelectionExportSchema } }, async (request, reply) => {
    const { format, sort, ids, separator, timeZone } = request.body;
    return download(reply, format, exportOpportunities(db, actorOf(request), { filters: {}, sort, ids }, format, request.language, { separator, timeZone }), 'opportunities');
  });

  app.get('/pipeline', { schema: { tags, response: { 200: pipelineSchema } } }, async (request) => getPipeline(db, actorOf(request)));

  app.put('/pipeline', { schema: { tags, body: pipelineUpdateSchema, response: { 200: pipelineSchema } } }, async (request) =>
    updatePipeline(db, actorOf(request), request.body));
};
