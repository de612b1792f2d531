import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import {
  quoteCreateSchema, quoteDecisionSchema, quoteExportQuerySchema, quoteLinesUpdateSchema, quoteListQuerySchema, quoteListSchema, quoteSchema, quoteSendSchema, quoteSettingsSchema,
  quoteSettingsUpdateSchema, quoteTotalsQuerySchema, quoteTotalsSchema, quoteUpdateSchema, quoteVersionSchema,
} from '@contract/quotes';
import { AppError } from '@server/lib/errors';
import { authorize } from '@server/policies';
import { actorOf } from '@server/plugins/request-context';
import { publicBaseUrl } from '@server/modules/mail/emails.routes';
import { download } from '@server/modules/exports/exports.routes';
import { exportQuotes } from './quote-export.service';
import { previewTotals } from './quote-lines';
import { quoteLinkRoutes } from './quote-links.routes';
import { sendQuote } from './quote-send.service';
import { quotePdf } from './quote-pdf.service';
import { contentDisposition } from '@server/lib/attachment';
import { getQuoteSettings, maxLogoBytes, replaceQuoteLogo, updateQuoteSettings } from './quote-settings.service';
import { decideQuote, finalizeQuote, reviseQuote } from './quote-workflow.service';
import { createQuote, findQuotes, getQuote, setQuoteLines, updateQuote } from './quotes.service';

const tags = ['quotes'];

export const quoteRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  await app.register(quoteLinkRoutes);
  // The company logo arrives as the raw image body.
  app.addContentTypeParser(['image/png', 'image/jpeg'], { parseAs: 'buffer', bodyLimit: maxLogoBytes }, (_request, body, done) => done(null, body));

  app.get('/quotes', { schema: { tags, querystring: quoteListQuerySchema, response: { 200: quoteListSchema } } }, async (request) =>
    findQuotes(db, actorOf(request), request.query));

  app.get('/exports/quotes', { schema: { tags: ['exports'], querystring: quoteExportQuerySchema } }, async (request, reply) => {
    const { format, separator, timeZone, ...query } = request.query;
    return download(reply, format, exportQuotes(db, actorOf(request), query, format, request.language, { separator, timeZone }), 'quotes');
  });

  app.post('/quotes', { schema: { tags, body: quoteCreateSchema, response: { 201: quoteSchema } } }, async (request, reply) => {
    reply.code(201);
    return createQuote(db, actorOf(request), request.body);
  });

  app.post('/quotes/totals', { schema: { tags, body: quoteTotalsQuerySchema, response: { 200: quoteTotalsSchema } } }, async (request) => {
    authorize(actorOf(request), { domain: 'quote', action: 'read' });
    return previewTotals(db, request.body.currency, request.body.lines);
  });

  app.get('/quotes/:id', { schema: { tags, params: idParamsSchema, response: { 200: quoteSchema } } }, async (request) =>
    getQuote(db, actorOf(request), request.params.id));

  app.get('/quotes/:id/pdf', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
    const { bytes, fileName } = await quotePdf({ db, storage: app.storage }, actorOf(request), request.params.id);
    return reply.type('application/pdf').header('content-disposition', contentDisposition(fileName)).header('cache-control', 'private, no-store').send(bytes);
  });

  app.patch('/quotes/:id', { schema: { tags, params: idParamsSchema, body: quoteUpdateSchema, response: { 200: quoteSchema } } }, async (request) =>
    updateQuote(db, actorOf(request), request.params.id, request.body));

  app.put('/quotes/:id/lines', { schema: { tags, params: idParamsSchema, body: quoteLinesUpdateSchema, response: { 200: quoteSchema } } }, async (request) =>
    setQuoteLines(db, actorOf(request), request.params.id, request.body));

  app.post('/quotes/:id/finalize', { schema: { tags, params: idParamsSchema, body: quoteVersionSchema, response: { 200: quoteSchema } } }, async (request) =>
    finalizeQuote(db, actorOf(request), request.params.id, request.body));

  app.post('/quotes/:id/revise', { schema: { tags, params: idParamsSchema, body: quoteVersionSchema, response: { 201: quoteSchema } } }, async (request, reply) => {
    reply.code(201);
    return reviseQuote(db, actorOf(request), request.params.id, request.body);
  });

  app.post('/quotes/:id/send', { schema: { tags, params: idParamsSchema, body: quoteSendSchema, response: { 200: quoteSchema } } }, async (request) =>
    sendQuote({ db, storage: app.storage, config: app.config }, actorOf(request), request.params.id, request.body, publicBaseUrl(app.config, request)));

  app.post('/quotes/:id/decision', { schema: { tags, params: idParamsSchema, body: quoteDecisionSchema, response: { 200: quoteSchema } } }, async (request) =>
    decideQuote(db, actorOf(request), request.params.id, request.body));

  app.get('/quote-settings', { schema: { tags, response: { 200: quoteSettingsSchema } } }, async (request) => getQuoteSettings(db, actorOf(request)));

  app.put('/quote-settings', { schema: { tags, body: quoteSettingsUpdateSchema, response: { 200: quoteSettingsSchema } } }, async (request) =>
    updateQuoteSettings(db, actorOf(request), request.body));

  app.put('/quote-settings/logo', { schema: { tags, response: { 200: quoteSettingsSchema } } }, async (request) => {
    if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type');
    return replaceQuoteLogo({ db, storage: app.storage }, actorOf(request), request.body);
  });

  app.delete('/quote-settings/logo', { schema: { tags, response: { 200: quoteSettingsSchema } } }, async (request) =>
    replaceQuoteLogo({ db, storage: app.storage }, actorOf(request), null));
};
