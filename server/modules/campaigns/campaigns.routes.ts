import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bulkStartedSchema } from '@contract/bulk';
import {
  campaignCreateSchema, campaignListQuerySchema, campaignListSchema, campaignMemberSchema, campaignSchema, campaignUpdateSchema,
  memberBulkAddSchema, memberCreateSchema, memberExportQuerySchema, memberGroupQuerySchema, memberListQuerySchema, memberListSchema,
  memberConvertedSchema, memberConvertSchema, memberParamsSchema, memberUpdateSchema,
} from '@contract/campaigns';
import { idParamsSchema } from '@contract/common';
import { groupCountSchema } from '@contract/list-query';
import { actorOf } from '@server/plugins/request-context';
import { addCampaignMembers } from '@server/commands/add-campaign-members';
import { convertMember } from '@server/commands/convert-campaign-member';
import { createCampaign, findCampaignPage, getCampaign, updateCampaign } from './campaigns.service';
import { exportMembers } from './members-export';
import { addMember, countMemberGroups, getMember, listMembers, removeMember, updateMember } from './members.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['campaigns'];
const contentTypes = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/campaigns', { schema: { tags, querystring: campaignListQuerySchema, response: { 200: campaignListSchema } } }, async (request) =>
    findCampaignPage(db, actorOf(request), request.query));

  app.post('/campaigns', { schema: { tags, body: campaignCreateSchema, response: { 201: campaignSchema } } }, async (request, reply) => {
    reply.code(201);
    return createCampaign(db, actorOf(request), request.body);
  });

  app.get('/campaigns/:id', { schema: { tags, params: idParamsSchema, response: { 200: campaignSchema } } }, async (request) =>
    getCampaign(db, actorOf(request), request.params.id));

  app.patch('/campaigns/:id', { schema: { tags, params: idParamsSchema, body: campaignUpdateSchema, response: { 200: campaignSchema } } }, async (request) =>
    updateCampaign(db, actorOf(request), request.params.id, request.body));

  app.get('/campaigns/:id/members', { schema: { tags, params: idParamsSchema, querystring: memberListQuerySchema, response: { 200: memberListSchema } } }, async (request) =>
    listMembers(db, actorOf(request), request.params.id, request.query));

  app.get('/campaigns/:id/members/groups', { schema: { tags, params: idParamsSchema, querystring: memberGroupQuerySchema, response: { 200: groupCountSchema } } }, async (request) =>
    countMemberGroups(db, actorOf(request), request.params.id, request.query));

  app.get('/campaigns/:id/members/export', { schema: { tags, params: idParamsSchema, querystring: memberExportQuerySchema } }, async (request, reply) => {
    const { format, separator, timeZone, ...query } = request.query;
    const stream = await exportMembers(db, actorOf(request), request.params.id, query, format, request.language, { separator, timeZone });
    reply.header('content-disposition', `attachment; filename="campaign-members-${new Date().toISOString().slice(0, 10)}.${format}"`);
    reply.type(contentTypes[format]);
    return reply.send(stream);
  });

  app.post('/campaigns/:id/members', { schema: { tags, params: idParamsSchema, body: memberCreateSchema, response: { 201: campaignMemberSchema } } }, async (request, reply) => {
    reply.code(201);
    return addMember(db, actorOf(request), request.params.id, request.body);
  });

  app.post('/campaigns/:id/members/bulk', { schema: { tags, params: idParamsSchema, body: memberBulkAddSchema, response: { 202: bulkStartedSchema } } }, async (request, reply) => {
    reply.code(202);
    return addCampaignMembers(db, actorOf(request), request.params.id, request.body);
  });

  app.get('/campaigns/:id/members/:memberId', { schema: { tags, params: memberParamsSchema, response: { 200: campaignMemberSchema } } }, async (request) =>
    getMember(db, actorOf(request), request.params.id, request.params.memberId));

  app.patch('/campaigns/:id/members/:memberId', { schema: { tags, params: memberParamsSchema, body: memberUpdateSchema, response: { 200: campaignMemberSchema } } }, async (request) =>
    updateMember(db, actorOf(request), request.params.id, request.params.memberId, request.body));

  app.delete('/campaigns/:id/members/:memberId', { schema: { tags, params: memberParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await removeMember(db, actorOf(request), request.params.id, request.params.memberId);
    return reply.code(204).send();
  });

  app.post('/campaigns/:id/members/:memberId/convert', { schema: { tags, params: memberParamsSchema, body: memberConvertSchema, response: { 200: memberConvertedSchema } } }, async (request) =>
    convertMember(db, actorOf(request), request.params.id, request.params.memberId, request.body));
};
