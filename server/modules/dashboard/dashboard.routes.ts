import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardChartSchema, dashboardParamsSchema, dashboardQuerySchema } from '@contract/dashboard';
import { actorOf } from '@server/plugins/request-context';
import { dashboardChart } from './dashboard.service';

const tags = ['dashboard'];

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  // One chart per request, so the page draws each as soon as it is counted.
  app.get('/dashboard/:chart', { schema: { tags, params: dashboardParamsSchema, querystring: dashboardQuerySchema, response: { 200: dashboardChartSchema } } }, async (request) =>
    dashboardChart(db, actorOf(request), request.params.chart, request.query));
};
