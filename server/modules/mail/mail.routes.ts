import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bulkEmailRoutes } from './bulk/bulk-emails.routes';
import { emailRoutes } from './emails.routes';
import { mailSettingsRoutes } from './settings.routes';
import { templateRoutes } from './templates.routes';

/** Every e-mail route under /api/v1 (the public unsubscribe and open pages live outside it). */
export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(mailSettingsRoutes);
  await app.register(emailRoutes);
  await app.register(templateRoutes);
  await app.register(bulkEmailRoutes);
};
