import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicQuoteSchema, quoteAcceptSchema, quoteDeclineSchema, quoteLinkParamsSchema } from '@contract/quote-links';
import { contentDisposition } from '@server/lib/attachment';
import { AppError } from '@server/lib/errors';
import { takeLinkHit } from './quote-link-throttle.repo';
import { acceptQuoteByLink, declineQuoteByLink, publicQuote, publicQuotePdf } from './quote-links.service';

// Reached without a session (the token is the credential), so out of the API document like the
// other token pages; no CSRF either: a write needs the token, and only JSON bodies are read.
const config = { public: true };
const tags = ['quotes'];

/** The customer's side of a sent quote: see it, download its PDF, accept or decline it. */
export const quoteLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  // Every request counts against the caller's address before anything is looked up.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    const wait = await takeLinkHit(db, `ip:${request.ip}`);
    if (wait !== null) {
      reply.header('retry-after', String(wait));
      throw new AppError('too_many_attempts', { params: { retryAfter: wait } });
    }
  });

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
