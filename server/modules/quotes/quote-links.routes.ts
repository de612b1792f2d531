import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicQuoteSchema, quoteAcceptSchema, quoteDeclineSchema, quoteLinkParamsSchema } from '@contract/quote-links';
import { contentDisposition } from '@server/lib/attachment';
import { guardPublicLinks, publicLinkRoute as config } from '@server/modules/public-links/public-links';
import { acceptQuoteByLink, declineQuoteByLink, publicQuote, publicQuotePdf } from './quote-links.service';

const tags = ['quotes'];

/** The customer's side of a sent quote: see it, download its PDF, accept or decline it. */
export const quoteLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  guardPublicLinks(app, db);

  app.get('/quote-links/:token', { config, schema: { hide: true, tags, params: quoteLinkParamsSchema, response: { 200: publicQuoteSchema } } }, async (request) =>
    publicQuote(db, request.params.token));

  app.get('/quote-links/:token/pdf', { config, schema: { hide: true, tags, params: quoteLinkParamsSchema } }, async (request, reply) => {
    const { bytes, fileName } = await publicQuotePdf({ db, storage: app.storage }, request.params.token);
    return reply.type('application/pdf').header('content-disposition', contentDisposition(fileName)).send(bytes);
  });

  app.post('/quote-links/:token/accept', { config, schema: { hide: true, tags, params: quoteLinkParamsSchema, body: quoteAcceptSchema, response: { 200: publicQuoteSchema } } }, async (request) =>
    acceptQuoteByLink(db, request.params.token, request.ip, request.body));

  app.post('/quote-links/:token/decline', { config, schema: { hide: true, tags, params: quoteLinkParamsSchema, body: quoteDeclineSchema, response: { 200: publicQuoteSchema } } }, async (request) =>
    declineQuoteByLink(db, request.params.token, request.ip, request.body));
};
