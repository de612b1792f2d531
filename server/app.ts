import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Db } from './db/database';
import type { Dialect } from './db/connect';
import { accountRoutes } from './modules/accounts/accounts.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { exportRoutes } from './modules/exports/exports.routes';
import { importRoutes } from './modules/imports/imports.routes';
import { jobRoutes } from './jobs/jobs.routes';
import { listRoutes } from './modules/lists/lists.routes';
import { teamRoutes } from './modules/teams/teams.routes';
import { userRoutes } from './modules/users/users.routes';
import { registerErrorHandling } from './plugins/errors';
import { registerOpenApi } from './plugins/openapi';
import { requestContext } from './plugins/request-context';
import { registerSecurity } from './plugins/security';
import { registerWeb } from './plugins/web';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dialect: Dialect;
    config: Config;
  }
}

export type AppDeps = { db: Db; dialect: Dialect };

/** The Fastify instance with every route; tests inject into it, main.ts listens with it. */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', deps.db);
  app.decorate('dialect', deps.dialect);
  app.decorate('config', config);

  registerErrorHandling(app);
  await registerSecurity(app);
  await app.register(cookie);
  await app.register(requestContext, { db: deps.db, sessionDays: config.sessionDays });
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
      await api.register(listRoutes);
      await api.register(jobRoutes);
      await api.register(importRoutes);
      await api.register(exportRoutes);
    },
    { prefix: '/api/v1' },
  );

  await registerWeb(app, config.webDistDir);
  return app;
}
