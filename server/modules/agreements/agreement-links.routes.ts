import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicAgreementSchema } from '@contract/agreement-links';
import { publicLinkParamsSchema, typedNameSchema } from '@contract/public-links';
import { contentDisposition } from '@server/lib/attachment';
import { guardPublicLinks, publicLinkRoute as config } from '@server/modules/public-links/public-links';
import { publicAgreement, publicAgreementDocument, signAgreementByLink } from './agreement-links.service';

const tags = ['agreements'];

/** The customer's side of a sent agreement: read it, download its document, sign it by typing their name. */
export const agreementLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  guardPublicLinks(app, db);

  app.get('/agreement-links/:token', { config, schema: { hide: true, tags, params: publicLinkParamsSchema, response: { 200: publicAgreementSchema } } }, async (request) =>
    publicAgreement(db, request.params.token));

  app.get('/agreement-links/:token/document', { config, schema: { hide: true, tags, params: publicLinkParamsSchema } }, async (request, reply) => {
    const { stream, name, contentType } = await publicAgreementDocument({ db, storage: app.storage }, request.params.token);
    return reply.type(contentType).header('content-disposition', contentDisposition(name)).send(stream);
  });

  app.post('/agreement-links/:token/sign', { config, schema: { hide: true, tags, params: publicLinkParamsSchema, body: typedNameSchema, response: { 200: publicAgreementSchema } } }, async (request) =>
    signAgreementByLink(db, request.params.token, request.ip, request.body));
};
