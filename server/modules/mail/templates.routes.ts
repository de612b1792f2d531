import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import { emailTemplateCreateSchema, emailTemplateListQuerySchema, emailTemplateListSchema, emailTemplateSchema, emailTemplateUpdateSchema } from '@contract/emails';
import { actorOf } from '@server/plugins/request-context';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from './templates.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['mail'];

export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  app.get('/email-templates', { schema: { tags, querystring: emailTemplateListQuerySchema, response: { 200: emailTemplateListSchema } } }, async (request) =>
    listTemplates(db, actorOf(request), request.query));
  app.post('/email-templates', { schema: { tags, body: emailTemplateCreateSchema, response: { 201: emailTemplateSchema } } }, async (request, reply) => {
    reply.code(201);
    return createTemplate(db, actorOf(request), request.body);
  });
  app.get('/email-templates/:id', { schema: { tags, params: idParamsSchema, response: { 200: emailTemplateSchema } } }, async (request) =>
    getTemplate(db, actorOf(request), request.params.id));
  app.patch('/email-templates/:id', { schema: { tags, params: idParamsSchema, body: emailTemplateUpdateSchema, response: { 200: emailTemplateSchema } } }, async (request) =>
    updateTemplate(db, actorOf(request), request.params.id, request.body));
  app.delete('/email-templates/:id', { schema: { tags, params: idParamsSchema, response: { 204: noContent } } }, async (request, reply) => {
    await deleteTemplate(db, actorOf(request), request.params.id);
    return reply.code(204).send();
  });
};
