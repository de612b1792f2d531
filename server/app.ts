import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Db } from './db/database';
import type { Dialect } from './db/connect';
import path from 'node:path';
import { diskStorage, type Storage } from './lib/storage';
import { accountLinkRoutes } from './modules/account-links/account-links.routes';
import { accountRoutes } from './modules/accounts/accounts.routes';
import { duplicateRoutes } from './modules/accounts/duplicates.routes';
import { mergeRoutes } from './modules/accounts/merges.routes';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes';
import { documentRoutes } from './modules/documents/documents.routes';
import { activityRoutes } from './modules/activities/activities.routes';
import { catalogRoutes } from './modules/catalog/catalog.routes';
import { quoteRoutes } from './modules/quotes/quotes.routes';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { opportunityRoutes } from './modules/opportunities/opportunities.routes';
import { projectRoutes } from './modules/projects/projects.routes';
import { invoiceRoutes } from './modules/invoices/invoices.routes';
import { agreementRoutes } from './modules/agreements/agreements.routes';
import { campaignRoutes } from './modules/campaigns/campaigns.routes';
import { requestRoutes } from './modules/requests/requests.routes';
import { bulkRoutes } from './modules/accounts/bulk.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { exportRoutes } from './modules/exports/exports.routes';
import { importRoutes } from './modules/imports/imports.routes';
import { jobRoutes } from './jobs/jobs.routes';
import { listRoutes } from './modules/lists/lists.routes';
import { mailRoutes } from './modules/mail/mail.routes';
import { registryRoutes } from './modules/registry/registry.routes';
import { creditRoutes } from './modules/credit/credit.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import { mailPublicRoutes } from './modules/mail/public.routes';
import { savedViewRoutes } from './modules/saved-views/saved-views.routes';
import { searchRoutes } from './modules/search/search.routes';
import { tagRoutes } from './modules/tags/tags.routes';
import { teamRoutes } from './modules/teams/teams.routes';
import { userRoutes } from './modules/users/users.routes';
import { turns } from './lib/fair-turns';
import { clientErrorHandler, registerErrorHandling, routerErrors } from './plugins/errors';
import { hostileInput } from './plugins/hostile-input';
import { registerOpenApi } from './plugins/openapi';
import { languageBeforeHooks, requestContext } from './plugins/request-context';
import { responseSerializerCompiler } from './plugins/response-serializer';
import { strictInputPlugin } from './plugins/strict-input';
import { documentedResponses } from './plugins/documented-responses';
import { registerSecurity } from './plugins/security';
import { registerWeb } from './plugins/web';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dialect: Dialect;
    config: Config;
    storage: Storage;
  }
}

/** Storage defaults to files under the data directory (CARTERA_DATA_DIR/files). */
export type AppDeps = { db: Db; dialect: Dialect; storage?: Storage };

/** The Fastify instance with every route; tests inject into it, main.ts listens with it. */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: routerErrors((request) => languageBeforeHooks(deps.db, config.sessionDays, request)),
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler(config.checkResponses));
  app.decorate('db', deps.db);
  app.decorate('dialect', deps.dialect);
  app.decorate('config', config);
  app.decorate('storage', deps.storage ?? diskStorage(path.join(config.dataDir, 'files')));

  registerErrorHandling(app);
  // First of all hooks: requests start one per turn of the event loop, in arrival order, in the
  // queue long jobs' chunks wait in too (see fair-turns).
  app.addHook('onRequest', async () => { await turns.take(); });
  await registerSecurity(app);
  await app.register(cookie);
  await app.register(requestContext, { db: deps.db, sessionDays: config.sessionDays });
  await app.register(hostileInput);
  await app.register(strictInputPlugin);
  await app.register(documentedResponses, { check: config.checkResponses });
  await registerOpenApi(app);

  app.get('/api/health', { config: { public: true }, schema: { tags: ['health'] } }, async () => {
    await deps.db.selectFrom('users').select('id').limit(1).execute();
    return { status: 'ok', dialect: deps.dialect };
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(userRoutes);
      await api.register(teamRoutes);
      await api.register(accountRoutes);
      await api.register(bulkRoutes);
      await api.register(listRoutes);
      await api.register(jobRoutes);
      await api.register(importRoutes);
      await api.register(exportRoutes);
      await api.register(documentRoutes);
      await api.register(duplicateRoutes);
      await api.register(mergeRoutes);
      await api.register(requestRoutes);
      await api.register(activityRoutes);
      await api.register(opportunityRoutes);
      await api.register(projectRoutes);
      await api.register(invoiceRoutes);
      await api.register(agreementRoutes);
      await api.register(campaignRoutes);
      await api.register(accountLinkRoutes);
      await api.register(tagRoutes);
      await api.register(savedViewRoutes);
      await api.register(searchRoutes);
      await api.register(mailRoutes);
      await api.register(registryRoutes);
      await api.register(creditRoutes);
      await api.register(notificationRoutes);
      await api.register(catalogRoutes);
      await api.register(quoteRoutes);
      await api.register(dashboardRoutes);
    },
    { prefix: '/api/v1' },
  );
  await app.register(calendarRoutes);
  await app.register(mailPublicRoutes);

  await registerWeb(app, config.webDistDir);
  return app;
}
