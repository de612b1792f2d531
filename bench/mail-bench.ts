// `npx tsx bench/mail-bench.ts --dialect=sqlite --recipients=50000 [--send-seconds=60] [--agent]`
// A bulk e-mail to N accounts: the time from the request to every message queued (the enqueue job:
// one e-mail activity, its history row and one outbox row per recipient), then the sender's
// delivery rate to a local SMTP sink (smtp-server on loopback, discarding), with the process's
// memory sampled while it sends. Prints a Markdown block for BENCHMARKS.md.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '@server/config';
import type { Dialect } from '@server/db/connect';
import { blankAccountFields } from '@server/modules/accounts/account-fields';
import { insertNewAccounts } from '@server/modules/accounts/accounts.service';
import { actorById } from '@server/modules/auth/auth.service';
import { startBulk } from '@server/modules/mail/bulk/bulk-emails.service';
import { MailSender } from '@server/modules/mail/mail-sender';
import { updateMailSettings } from '@server/modules/mail/mail-settings.service';
import { createUser } from '@server/modules/users/users.service';
import { JobWorker } from '@server/jobs/worker';
import { diskStorage } from '@server/lib/storage';
import { openBench } from './open';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    recipients: { type: 'string', default: '50000' },
    'send-seconds': { type: 'string', default: '60' },
    rate: { type: 'string', default: '10000' },
    agent: { type: 'boolean', default: false },
  },
});
const dialect: Dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const recipients = Number(values.recipients);
const sendSeconds = Number(values['send-seconds']);
const rate = Number(values.rate);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

let accepted = 0;
const sink = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => { accepted += 1; callback(null, 'ok'); });
  },
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const bound: unknown = Reflect.get(sink, 'server');
const address = bound && typeof bound === 'object' && 'address' in bound && typeof bound.address === 'function' ? bound.address() : null;
const port = address && typeof address === 'object' && 'port' in address && typeof address.port === 'number' ? address.port : 0;

const handle = await openBench(dialect, `mail-${recipients}`, true);
const config = { ...loadConfig({ CARTERA_DATA_DIR: handle.dataDir, LOG_LEVEL: 'silent' }), webDistDir: null };
const deps = { db: handle.db, storage: diskStorage(`${handle.dataDir}/files`), config };
const created = await createUser(handle.db, null, { name: 'Bench', email: 'mail-bench@example.com', password: 'bench-password-1', role: values.agent ? 'agent' : 'admin', scope: 'own' });
const author = await actorById(handle.db, created.id);

// The accounts, as the app writes them (owners, search terms, history), 1,000 per transaction.
let started = Date.now();
for (let offset = 0; offset < recipients; offset += 1000) {
  const items = Array.from({ length: Math.min(1000, recipients - offset) }, (_, index) => ({
    kind: 'organization' as const,
    fields: { ...blankAccountFields('customer'), name: `Empresa ${offset + index}`, emails: [`buzon${offset + index}@example.com`] },
    ownerIds: [author.id],
  }));
  await handle.db.transaction().execute((trx) => insertNewAccounts(trx, author, items));
}
const seeding = (Date.now() - started) / 1000;

await updateMailSettings(handle.db, config, author.role === 'admin' ? author : { ...author, role: 'admin' }, {
  version: 0, host: '127.0.0.1', port, tlsMode: 'none', fromAddress: 'bench@example.com', ratePerMinute: rate,
});

// Enqueue: the request, then its job to the end.
const worker = new JobWorker(handle.db, dialect, {});
started = Date.now();
const { bulkId } = await startBulk(deps, author, {
  selection: { filter: {} }, includeContacts: false, trackOpens: true,
  content: { subject: 'Novedades para {{account.name}}', html: '<p>Hola, {{account.name}}: {{user.name}} os escribe.</p>' },
}, 'https://crm.example.com');
const requestMs = Date.now() - started;
await worker.drain();
const enqueueSeconds = (Date.now() - started) / 1000;
const queued = await handle.db.selectFrom('email_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('bulk_id', '=', bulkId).executeTakeFirstOrThrow();

// Send: the sender as it runs in the app (paced at the rate), for a while.
const sender = new MailSender(deps, { pollMs: 200 });
const samples: number[] = [];
const rss0 = process.memoryUsage().rss;
const sampler = setInterval(() => samples.push(process.memoryUsage().rss), 1000);
started = Date.now();
sender.start();
while (Date.now() - started < sendSeconds * 1000 && accepted < Number(queued.n)) await new Promise((resolve) => setTimeout(resolve, 250));
await sender.stop();
clearInterval(sampler);
const sendSecondsTaken = (Date.now() - started) / 1000;

const lines = [
  `### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${dialect}, bulk e-mail to ${recipients.toLocaleString('en')} accounts (${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores)`,
  '',
  '| what | figure |',
  '| --- | --- |',
  `| author | ${author.role === 'admin' ? 'admin (sees every account)' : 'agent owning every account (portfolio scope)'} |`,
  `| seeding ${recipients.toLocaleString('en')} accounts through insertNewAccounts (not part of the target) | ${seeding.toFixed(1)} s |`,
  `| POST /emails/bulk (count + job queued) | ${requestMs} ms |`,
  `| enqueue: request to job done (${Number(queued.n).toLocaleString('en')} outbox rows + as many e-mail activities and history rows) | **${enqueueSeconds.toFixed(1)} s** (target < 30 s) |`,
  `| delivered to the loopback SMTP sink at a set rate of ${rate.toLocaleString('en')}/min | ${accepted.toLocaleString('en')} in ${sendSecondsTaken.toFixed(1)} s = **${(accepted / sendSecondsTaken * 60).toFixed(0)}/min** (${(accepted / sendSecondsTaken).toFixed(1)}/s) |`,
  `| process RSS while sending: start / max / end (sampled each second) | ${mb(rss0)} / ${mb(Math.max(rss0, ...samples))} / ${mb(samples[samples.length - 1] ?? rss0)} |`,
  '',
];
console.log(lines.join('\n'));
await handle.close();
await new Promise<void>((resolve) => sink.close(() => resolve()));
