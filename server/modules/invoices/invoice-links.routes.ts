import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicInvoiceSchema } from '@contract/invoice-links';
import { publicLinkParamsSchema } from '@contract/public-links';
import { contentDisposition } from '@server/lib/attachment';
import { guardPublicLinks, publicLinkRoute as config } from '@server/modules/public-links/public-links';
import { publicInvoice, publicInvoicePdf } from './invoice-links.service';

const tags = ['invoices'];

/** The customer's side of an invoice delivered with a tracking link: read it and download its PDF. */
export const invoiceLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  guardPublicLinks(app, db);

  app.get('/invoice-links/:token', { config, schema: { hide: true, tags, params: publicLinkParamsSchema, response: { 200: publicInvoiceSchema } } }, async (request) =>
    publicInvoice(db, request.params.token));

  app.get('/invoice-links/:token/pdf', { config, schema: { hide: true, tags, params: publicLinkParamsSchema } }, async (request, reply) => {
    const { bytes, fileName } = await publicInvoicePdf({ db, storage: app.storage }, request.params.token);
    return reply.type('application/pdf').header('content-disposition', contentDisposition(fileName)).send(bytes);
  });
};
