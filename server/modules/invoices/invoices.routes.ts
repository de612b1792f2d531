import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import {
  invoiceCreateSchema, invoiceDeliverSchema, invoiceExportQuerySchema, invoiceListQuerySchema, invoiceListSchema, invoicePaymentSchema, invoiceSchema, invoiceUpdateSchema,
  overdueSummaryQuerySchema, overdueSummarySchema,
} from '@contract/invoices';
import { actorOf } from '@server/plugins/request-context';
import { contentDisposition } from '@server/lib/attachment';
import { download } from '@server/modules/exports/exports.routes';
import { publicBaseUrl } from '@server/modules/mail/emails.routes';
import { deliverInvoice } from './invoice-delivery.service';
import { invoiceLinkRoutes } from './invoice-links.routes';
import { overdueSummary } from './invoice-overdue.service';
import { invoicePdf } from './invoice-pdf.service';
import { exportInvoices } from './invoice-export.service';
import { createInvoice, findInvoices, getInvoice, recordPayment, updateInvoice } from './invoices.service';

const tags = ['invoices'];

export const invoiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  await app.register(invoiceLinkRoutes);

  app.get('/invoices', { schema: { tags, querystring: invoiceListQuerySchema, response: { 200: invoiceListSchema } } }, async (request) =>
    findInvoices(db, actorOf(request), request.query));

  app.post('/invoices', { schema: { tags, body: invoiceCreateSchema, response: { 201: invoiceSchema } } }, async (request, reply) => {
    reply.code(201);
    return createInvoice(db, actorOf(request), request.body);
  });

  app.get('/invoices/overdue-summary', { schema: { tags, querystring: overdueSummaryQuerySchema, response: { 200: overdueSummarySchema } } }, async (request) =>
    overdueSummary(db, actorOf(request), request.query.organizationId));

  app.get('/invoices/:id', { schema: { tags, params: idParamsSchema, response: { 200: invoiceSchema } } }, async (request) =>
    getInvoice(db, actorOf(request), request.params.id));

  app.get('/invoices/:id/pdf', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
    const { bytes, fileName } = await invoicePdf({ db, storage: app.storage }, actorOf(request), request.params.id);
    return reply.type('application/pdf').header('content-disposition', contentDisposition(fileName)).header('cache-control', 'private, no-store').send(bytes);
  });

  app.patch('/invoices/:id', { schema: { tags, params: idParamsSchema, body: invoiceUpdateSchema, response: { 200: invoiceSchema } } }, async (request) =>
    updateInvoice(db, actorOf(request), request.params.id, request.body));

  app.post('/invoices/:id/deliver', { schema: { tags, params: idParamsSchema, body: invoiceDeliverSchema, response: { 200: invoiceSchema } } }, async (request) =>
    deliverInvoice({ db, storage: app.storage, config: app.config }, actorOf(request), request.params.id, request.body, publicBaseUrl(app.config, request)));

  app.post('/invoices/:id/payments', { schema: { tags, params: idParamsSchema, body: invoicePaymentSchema, response: { 200: invoiceSchema } } }, async (request) =>
    recordPayment(db, actorOf(request), request.params.id, request.body));

  app.get('/exports/invoices', { schema: { tags: ['exports'], querystring: invoiceExportQuerySchema } }, async (request, reply) => {
    const { format, separator, timeZone, sort, ...filters } = request.query;
    return download(reply, format, exportInvoices(db, actorOf(request), { filters, sort }, format, request.language, { separator, timeZone }), 'invoices');
  });
};
