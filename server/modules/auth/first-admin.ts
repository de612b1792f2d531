import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '@server/config';
import type { Db } from '@server/db/database';
import { createFirstAdmin, needsSetup } from './auth.service';

/** With CARTERA_ADMIN_EMAIL/PASSWORD set and no users yet, creates the first admin; otherwise the setup page will. */
export async function ensureFirstAdmin(db: Db, config: Config, log: FastifyBaseLogger): Promise<void> {
  if (!(await needsSetup(db))) return;
  if (!config.admin) {
    log.info('No users yet: open Cartera in a browser to create the first admin.');
    return;
  }
  await createFirstAdmin(db, { email: config.admin.email, name: 'Admin', password: config.admin.password, language: 'es' });
  log.info(`First admin created: ${config.admin.email}`);
}
