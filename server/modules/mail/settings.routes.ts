import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '@contract/common';
import { mailRateUpdateSchema, mailSettingsSchema, mailSettingsUpdateSchema, mailTestResultSchema, outboxListSchema, outboxQuerySchema, outboxSummarySchema } from '@contract/emails';
import { AppError } from '@server/lib/errors';
import { actorOf } from '@server/plugins/request-context';
import { authorize } from '@server/policies';
import { presentOutboxItem } from './emails.presenter';
import { getMailSettings, sendTestMessage, updateMailSettings } from './mail-settings.service';
import { countByStatus, decideMessage, listOutbox } from './outbox.repo';
import { noContent } from '@server/plugins/documented-responses';

const tags = ['mail'];

/** The admin's side of e-mail: SMTP settings, "send me a test", and the outbox. */
export const mailSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.get('/settings/mail', { schema: { tags, response: { 200: mailSettingsSchema } } }, async (request) =>
    getMailSettings(db, config, actorOf(request)));

  app.put('/settings/mail', { schema: { tags, body: mailSettingsUpdateSchema, response: { 200: mailSettingsSchema } } }, async (request) =>
    updateMailSettings(db, config, actorOf(request), request.body));

  // The rate alone: the one setting that stays editable when SMTP comes from the environment.
  app.put('/settings/mail/rate', { schema: { tags, body: mailRateUpdateSchema, response: { 200: mailSettingsSchema } } }, async (request) =>
    updateMailSettings(db, config, actorOf(request), request.body, true));

  app.post('/settings/mail/test', { schema: { tags, response: { 200: mailTestResultSchema } } }, async (request) =>
    sendTestMessage(db, config, actorOf(request)));

  app.get('/mail/outbox', { schema: { tags, querystring: outboxQuerySchema, response: { 200: outboxListSchema } } }, async (request) => {
    authorize(actorOf(request), { domain: 'mail', action: 'manageOutbox' });
    const page = await listOutbox(db, request.query);
    return { items: page.rows.map(presentOutboxItem), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
  });

  app.get('/mail/outbox/summary', { schema: { tags, response: { 200: outboxSummarySchema } } }, async (request) => {
    authorize(actorOf(request), { domain: 'mail', action: 'manageOutbox' });
    return { counts: await countByStatus(db) };
  });

  // An uncertain message may have reached its reader: only an admin decides to send it again.
  app.post('/mail/outbox/:id/:decision', {
    schema: { tags, params: idParamsSchema.extend({ decision: z.enum(['retry', 'drop']) }), response: { 204: noContent } },
  }, async (request, reply) => {
    authorize(actorOf(request), { domain: 'mail', action: 'manageOutbox' });
    if (!(await decideMessage(db, request.params.id, request.params.decision))) throw new AppError('not_found');
    return reply.code(204).send();
  });
};
