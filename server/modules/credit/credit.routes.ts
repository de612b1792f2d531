import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@contract/common';
import { accountCreditSchema, creditCheckStartedSchema, creditMonitoringUpdateSchema } from '@contract/credit';
import { actorOf } from '@server/plugins/request-context';
import { checkAll, checkNow, getCredit, setMonitoring } from './credit.service';

const tags = ['credit'];

/** An account's credit watch (seed 003): read it, watch it or not, check it now; admins re-check everything. */
export const creditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/accounts/:id/credit', { schema: { tags, params: idParamsSchema, response: { 200: accountCreditSchema } } }, async (request) =>
    getCredit(db, actorOf(request), request.params.id));

  app.put('/accounts/:id/credit', { schema: { tags, params: idParamsSchema, body: creditMonitoringUpdateSchema, response: { 200: accountCreditSchema } } }, async (request) =>
    setMonitoring(db, actorOf(request), request.params.id, request.body));

  app.post('/accounts/:id/credit/check', { schema: { tags, params: idParamsSchema, response: { 202: creditCheckStartedSchema } } }, async (request, reply) => {
    reply.code(202);
    return { jobId: await checkNow(db, actorOf(request), request.params.id) };
  });

  app.post('/credit/checks', { schema: { tags, response: { 202: creditCheckStartedSchema } } }, async (request, reply) => {
    reply.code(202);
    return { jobId: await checkAll(db, actorOf(request)) };
  });
};
