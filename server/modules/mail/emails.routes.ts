import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { idParamsSchema } from '@contract/common';
import { accountEmailStatusSchema, emailCreateSchema, emailPreviewRequestSchema, emailPreviewSchema, emailSchema, recipientOptionsSchema, resubscribeSchema } from '@contract/emails';
import type { Config } from '@server/config';
import { actorOf } from '@server/plugins/request-context';
import { getEmail, getEmailOfActivity, previewEmail, recipientOptions, sendEmail } from './emails.service';
import { accountEmailStatus, resubscribe } from './suppressions.service';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['mail'];

/** Where the links in messages point: CARTERA_PUBLIC_URL, else the address this request came to. */
export const publicBaseUrl = (config: Config, request: FastifyRequest): string => config.mail.publicUrl ?? `${request.protocol}://${request.host}`;

/** Sending from a record, its preview, and a message's delivery status. */
export const emailRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config, storage } = app;

  // 202: the message is in the outbox; its status says when the server took it.
  app.post('/emails', { schema: { tags, body: emailCreateSchema, response: { 202: emailSchema } } }, async (request, reply) => {
    const email = await sendEmail({ db, config, storage }, actorOf(request), request.body, publicBaseUrl(config, request));
    reply.code(202);
    return email;
  });

  app.post('/emails/preview', { schema: { tags, body: emailPreviewRequestSchema, response: { 200: emailPreviewSchema } } }, async (request) =>
    previewEmail(db, actorOf(request), request.body));

  app.get('/emails/:id', { schema: { tags, params: idParamsSchema, response: { 200: emailSchema } } }, async (request) =>
    getEmail(db, actorOf(request), request.params.id));

  app.get('/activities/:id/email', { schema: { tags, params: idParamsSchema, response: { 200: emailSchema } } }, async (request) =>
    getEmailOfActivity(db, actorOf(request), request.params.id));

  app.get('/accounts/:id/email-recipients', { schema: { tags, params: idParamsSchema, response: { 200: recipientOptionsSchema } } }, async (request) =>
    recipientOptions(db, actorOf(request), request.params.id));

  app.get('/accounts/:id/email-status', { schema: { tags, params: idParamsSchema, response: { 200: accountEmailStatusSchema } } }, async (request) =>
    accountEmailStatus(db, actorOf(request), request.params.id));

  app.post('/email-suppressions/resubscribe', { schema: { tags, body: resubscribeSchema, response: { 204: noContent } } }, async (request, reply) => {
    await resubscribe(db, actorOf(request), request.body);
    return reply.code(204).send();
  });
};
