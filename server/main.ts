import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { connect } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { JobWorker } from './jobs/worker';
import { MailSender } from './modules/mail/mail-sender';
import { ensureFirstAdmin } from './modules/auth/first-admin';
import { startSchedule } from './jobs/schedule';
import { scheduleCreditWork } from './modules/credit/credit-schedule';
import { scheduleInvoiceWork } from './modules/invoices/invoice-overdue.job';
import { scheduleInvoicedBasis } from './modules/accounts/counters/invoiced-basis.job';
import { scheduleAgreementWork } from './modules/agreements/agreement-expiry.job';

/** Start-up: configuration, migrations, the first admin, then listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const handle = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  const app = await buildApp(config, handle);
  await ensureFirstAdmin(handle.db, config, app.log);
  // Background jobs run in every app process; they share the queue through the database. On
  // start the worker takes back at once the jobs a crashed process left running.
  const worker = new JobWorker(handle.db, handle.dialect, { log: app.log, pgUrl: config.databaseUrl });
  // The outbox is sent beside the jobs, in every process: claims in the database keep them apart.
  const mailSender = new MailSender({ db: handle.db, storage: app.storage, config }, { log: app.log });
  let stopSchedule: () => void = () => undefined;
  const close = async () => {
    stopSchedule();
    await Promise.all([worker.stop(), mailSender.stop()]);
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  await app.listen({ port: config.port, host: config.host });
  worker.start();
  mailSender.start();
  // Periodic work is queued from here, once per period across processes: credit monitoring's daily
  // check and Norway's change feed, the daily overdue-invoice notices, the year or base currency
  // the company list's invoiced-this-year column follows, and the daily expiry of lapsed agreements.
  stopSchedule = startSchedule(handle.db, {
    credit: scheduleCreditWork, invoices: scheduleInvoiceWork, invoicedBasis: scheduleInvoicedBasis, agreements: scheduleAgreementWork,
  }, app.log);
  app.log.info(`Cartera on ${handle.dialect === 'postgres' ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}, http://localhost:${config.port}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Cartera could not start:', error);
  }
  process.exit(1);
});
