import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agreementTemplateCreateSchema, agreementTemplateListQuerySchema, agreementTemplateListSchema, agreementTemplateSchema, agreementTemplateUpdateSchema,
} from '@contract/agreement-templates';
import {
  agreementCreateSchema, agreementExportQuerySchema, agreementGenerateSchema, agreementHistoryQuerySchema, agreementHistorySchema, agreementListQuerySchema,
  agreementListSchema, agreementSchema, agreementSelectionExportSchema, agreementSendSchema, agreementStatusChangeSchema, agreementUpdateSchema,
} from '@contract/agreements';
import { idParamsSchema } from '@contract/common';
import { actorOf } from '@server/plugins/request-context';
import { download } from '@server/modules/exports/exports.routes';
import { publicBaseUrl } from '@server/modules/mail/emails.routes';
import { generateAgreementDocument } from './agreement-document.service';
import { exportAgreements } from './agreement-export.service';
import { agreementHistory } from './agreement-history';
import { agreementBulkRoutes } from './agreement-bulk.routes';
import { agreementLinkRoutes } from './agreement-links.routes';
import { sendAgreement } from './agreement-send.service';
import { changeAgreementStatus } from './agreement-status.service';
import { createAgreementTemplate, findAgreementTemplates, updateAgreementTemplate } from './agreement-templates.service';
import { createAgreement, findAgreements, getAgreement, updateAgreement } from './agreements.service';

const tags = ['agreements'];

export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  await app.register(agreementLinkRoutes);
  await app.register(agreementBulkRoutes);

  app.get('/agreements', { schema: { tags, querystring: agreementListQuerySchema, response: { 200: agreementListSchema } } }, async (request) =>
    findAgreements(db, actorOf(request), request.query));

  app.post('/agreements', { schema: { tags, body: agreementCreateSchema, response: { 201: agreementSchema } } }, async (request, reply) => {
    reply.code(201);
    return createAgreement(db, actorOf(request), request.body);
  });

  app.get('/agreements/:id', { schema: { tags, params: idParamsSchema, response: { 200: agreementSchema } } }, async (request) =>
    getAgreement(db, actorOf(request), request.params.id));

  app.patch('/agreements/:id', { schema: { tags, params: idParamsSchema, body: agreementUpdateSchema, response: { 200: agreementSchema } } }, async (request) =>
    updateAgreement(db, actorOf(request), request.params.id, request.body));

  app.post('/agreements/:id/status', { schema: { tags, params: idParamsSchema, body: agreementStatusChangeSchema, response: { 200: agreementSchema } } }, async (request) =>
    changeAgreementStatus(db, actorOf(request), request.params.id, request.body));

  app.post('/agreements/:id/generate', { schema: { tags, params: idParamsSchema, body: agreementGenerateSchema, response: { 200: agreementSchema } } }, async (request) =>
    generateAgreementDocument({ db, storage: app.storage }, actorOf(request), request.params.id, request.body));

  app.post('/agreements/:id/send', { schema: { tags, params: idParamsSchema, body: agreementSendSchema, response: { 200: agreementSchema } } }, async (request) =>
    sendAgreement({ db, storage: app.storage, config: app.config }, actorOf(request), request.params.id, request.body, publicBaseUrl(app.config, request)));

  app.get('/agreements/:id/history', { schema: { tags, params: idParamsSchema, querystring: agreementHistoryQuerySchema, response: { 200: agreementHistorySchema } } }, async (request) =>
    agreementHistory(db, actorOf(request), request.params.id, request.query));

  app.get('/exports/agreements', { schema: { tags: ['exports'], querystring: agreementExportQuerySchema } }, async (request, reply) => {
    const { format, separator, timeZone, sort, ...filters } = request.query;
    return download(reply, format, exportAgreements(db, actorOf(request), { filters, sort, ids: null }, format, request.language, { separator, timeZone }), 'agreements');
  });

  app.post('/exports/agreements', { schema: { tags: ['exports'], body: agreementSelectionExportSchema } }, async (request, reply) => {
    const { format, sort, ids, separator, timeZone } = request.body;
    return download(reply, format, exportAgreements(db, actorOf(request), { filters: {}, sort, ids }, format, request.language, { separator, timeZone }), 'agreements');
  });

  app.get('/agreement-templates', { schema: { tags, querystring: agreementTemplateListQuerySchema, response: { 200: agreementTemplateListSchema } } }, async (request) =>
    findAgreementTemplates(db, actorOf(request), request.query.includeInactive));

  app.post('/agreement-templates', { schema: { tags, body: agreementTemplateCreateSchema, response: { 201: agreementTemplateSchema } } }, async (request, reply) => {
    reply.code(201);
    return createAgreementTemplate(db, actorOf(request), request.body);
  });

  app.patch('/agreement-templates/:id', { schema: { tags, params: idParamsSchema, body: agreementTemplateUpdateSchema, response: { 200: agreementTemplateSchema } } }, async (request) =>
    updateAgreementTemplate(db, actorOf(request), request.params.id, request.body));
};
