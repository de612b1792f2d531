import PostalMime from 'postal-mime';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { AccountEmailStatus, Email, EmailBulk, EmailBulkPreview, EmailTemplate } from '@contract/emails';
import type { Tag } from '@contract/tags';
import { JobWorker } from '@server/jobs/worker';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { sendBulk } from '@server/test/bulk-mail';
import { startSmtpSink, type SmtpSink } from '@server/test/smtp-sink';
import { expectProblem } from '@server/test/state';
import { MailSender } from '../mail-sender';

let t: TestApp;
let sink: SmtpSink;
let worker: JobWorker;
let sender: MailSender;
let admin: Client;
let agent: Client;
let other: Client;
let template: EmailTemplate;
let tag: Tag;
const orgs: Account[] = [];
let silent: Account;
let english: Account;
let theirs: Account;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await testApp();
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
  sender = new MailSender({ db: t.db, storage: t.app.storage, config: t.app.config });
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', name: 'Marta Ventas', email: 'marta@cartera.example', language: 'es' });
  other = await t.user({ role: 'agent' });
  expect((await admin.put('/api/v1/settings/mail', { version: 0, host: '127.0.0.1', port: sink.port, tlsMode: 'none', fromAddress: 'ventas@cartera.example', ratePerMinute: 10_000 })).statusCode).toBe(200);
  tag = (await agent.post('/api/v1/tags', { name: 'Boletín' })).json<Tag>();
  for (const [name, email, contact] of [['Bodegas Duero', 'info@duero.example', 'Lucía'], ['Quesos Tera', 'hola@tera.example', 'Óscar'], ['Alfares Pereruela', 'taller@alfares.example', 'Irene']] as const) {
    const org = await t.account(agent, { kind: 'organization', name, emails: [email] });
    const person = await t.account(agent, { kind: 'person', firstName: contact, lastName: 'Gómez', emails: [`${contact.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')}@${email.split('@')[1]}`] });
    expect((await agent.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: person.id })).statusCode).toBe(201);
    orgs.push(org);
  }
  silent = await t.account(agent, { kind: 'organization', name: 'Sin Correo SL' });
  english = await t.account(agent, { kind: 'person', firstName: 'Emma', lastName: 'Stone', emails: ['emma@example.org'], language: 'en' });
  theirs = await t.account(other, { kind: 'organization', name: 'Ajena SA', emails: ['ajena@example.com'] });
  for (const account of [...orgs, english]) expect((await agent.put(`/api/v1/accounts/${account.id}/tags/${tag.id}`)).statusCode).toBeLessThan(300);
  expect((await other.put(`/api/v1/accounts/${theirs.id}/tags/${tag.id}`)).statusCode).toBeLessThan(300);
  template = (await admin.post('/api/v1/email-templates', {
    name: 'Novedades',
    es: { subject: 'Novedades para {{account.name}}', html: '<p>Hola {{contact.firstName|equipo}}, soy {{user.name}}.</p>' },
    en: { subject: 'News for {{account.name}}', html: '<p>Hi {{contact.firstName|team}}, this is {{user.name}}.</p>' },
  })).json<EmailTemplate>();
});
afterAll(async () => {
  await worker.stop();
  await sender.stop();
  await t.close();
  await sink.close();
});
beforeEach(() => {
  sink.received.length = 0;
});

const bulk = (client: Client, body: object) => sendBulk({ worker, sender, sink }, client, body);

const messages = async () => (await t.db.selectFrom('email_messages').select('id').execute()).length;

describe('templates', () => {
  test('admins and managers write them; agents pick them; bodies pass the allowlist', async () => {
    const manager = await t.user({ role: 'manager', scope: 'all' });
    const created = await manager.post('/api/v1/email-templates', { name: 'Aviso', es: { subject: 'Aviso', html: '<p onclick="x()">Hola</p><script>x()</script>' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<EmailTemplate>()).toMatchObject({ es: { html: '<p>Hola</p>' }, en: null });
    expectProblem(await other.post('/api/v1/email-templates', { name: 'No', es: { subject: 'x', html: 'x' } }), 403, 'forbidden');
    expectProblem(await manager.post('/api/v1/email-templates', { name: 'Vacía' }), 400, 'validation_failed');
    const list = (await other.get('/api/v1/email-templates')).json<{ items: EmailTemplate[] }>();
    expect(list.items.map((item) => item.name)).toEqual(['Aviso', 'Novedades']);
  });
});

describe('bulk sending to a selection', () => {
  test('the preview counts who gets a message and who is left out, by reason, before anything is queued', async () => {
    const before = await messages();
    const preview = await agent.post('/api/v1/emails/bulk/preview', { selection: { ids: [...orgs.map((org) => org.id), silent.id, theirs.id] }, includeContacts: true, content: { templateId: template.id } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<EmailBulkPreview>()).toMatchObject({ recipients: 6, accounts: 4, noEmail: 1, unsubscribed: 0, bounced: 0, unresolved: 0, duplicates: 0 });
    expect(preview.json<EmailBulkPreview>().sample?.subject).toBe('Novedades para Alfares Pereruela');
    expect(await messages()).toBe(before);
  });

  test('each recipient gets their own message in their language, with List-Unsubscribe, and an activity on the selected record', async () => {
    const { bulk: result, received } = await bulk(agent, { selection: { tagId: tag.id }, includeContacts: true, content: { templateId: template.id } });
    expect(result.counts).toMatchObject({ recipients: 7, accounts: 4 });
    expect(result.messages).toEqual({ sent: 7 });
    expect(received.flatMap((message) => message.to).sort()).toEqual([
      'emma@example.org', 'hola@tera.example', 'info@duero.example', 'irene@alfares.example', 'lucia@duero.example', 'oscar@tera.example', 'taller@alfares.example',
    ]);
    // One recipient per message: nobody sees anyone else's address.
    for (const message of received) expect(message.to).toHaveLength(1);
    const toOscar = received.find((message) => message.to[0] === 'oscar@tera.example');
    const parsed = await PostalMime.parse(toOscar?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe('Novedades para Quesos Tera');
    expect(parsed.html).toContain('<p>Hola Óscar, soy Marta Ventas.</p>');
    expect(parsed.headers.find((header) => header.key === 'list-unsubscribe-post')?.value).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /<(http:\/\/[^>]+\/mail\/u\/[A-Za-z0-9_-]+)>/.exec(parsed.headers.find((header) => header.key === 'list-unsubscribe')?.value ?? '')?.[1];
    expect(unsubscribe).toBeDefined();
    expect(parsed.html).toContain(`href="${unsubscribe}"`);
    const toEmma = await PostalMime.parse(received.find((message) => message.to[0] === 'emma@example.org')?.raw ?? Buffer.alloc(0));
    expect(toEmma.subject).toBe('News for Emma Stone');
    expect(toEmma.html).toContain('Hi Emma, this is Marta Ventas.');
    expect(toEmma.html).toContain('I do not want to receive more e-mails like this');
    // Activities: the organization's timeline has its own message and its contact's.
    const onDuero = (await agent.get(`/api/v1/activities?accountId=${orgs[0]?.id}&type=email`)).json<{ items: Array<{ id: string; subject: string }> }>().items;
    expect(onDuero).toHaveLength(2);
    const details = await Promise.all(onDuero.map(async (activity) => (await agent.get(`/api/v1/activities/${activity.id}/email`)).json<Email>()));
    expect(details.flatMap((email) => email.to).sort()).toEqual(['info@duero.example', 'lucia@duero.example']);
    expect(details.every((email) => email.status === 'sent' && email.subject === 'Novedades para Bodegas Duero')).toBe(true);
    // The other agent's tagged account is never mailed.
    expect(received.some((message) => message.to.includes('ajena@example.com'))).toBe(false);
  });
});

describe('an agent cannot mail outside their portfolio by any route, and the refused part sends nothing', () => {
  test('by ids, by filter, by tag', async () => {
    const ids = await bulk(other, { selection: { ids: orgs.map((org) => org.id) }, includeContacts: true, content: { subject: 'x', html: '<p>x</p>' } });
    expect(ids.bulk.counts).toMatchObject({ recipients: 0, accounts: 0 });
    expect(ids.received).toEqual([]);
    const filter = await bulk(other, { selection: { filter: { q: 'bodegas' } }, includeContacts: true, content: { subject: 'x', html: '<p>x</p>' } });
    expect(filter.received).toEqual([]);
    const byTag = await bulk(other, { selection: { tagId: tag.id }, includeContacts: true, content: { subject: 'Solo mía', html: '<p>x</p>' } });
    expect(byTag.received.flatMap((message) => message.to)).toEqual(['ajena@example.com']);
  });

  test('the preview reveals nothing either, and without SMTP a bulk send is refused before anything is stored', async () => {
    const preview = (await other.post('/api/v1/emails/bulk/preview', { selection: { ids: orgs.map((org) => org.id) }, includeContacts: true, content: { subject: 'x', html: 'x' } })).json<EmailBulkPreview>();
    expect(preview).toMatchObject({ recipients: 0, accounts: 0, noEmail: 0, sample: null });
  });
});

describe('unsubscribe that holds', () => {
  let link = '';
  test('the link\'s page only asks (scanners follow links); the button unsubscribes; no session needed', async () => {
    const { received } = await bulk(agent, { selection: { ids: [orgs[1]?.id ?? ''] }, content: { subject: 'Oferta', html: '<p>Oferta</p>' } });
    const parsed = await PostalMime.parse(received[0]?.raw ?? Buffer.alloc(0));
    link = /<(http:\/\/[^>]+)>/.exec(parsed.headers.find((header) => header.key === 'list-unsubscribe')?.value ?? '')?.[1] ?? '';
    const path = new URL(link).pathname;
    const asked = await t.app.inject({ method: 'GET', url: path, headers: { 'accept-language': 'es' } });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('¿Quieres dejar de recibir correos masivos en h***@tera.example?');
    expect(asked.body).not.toContain('hola@tera.example');
    expect(await t.db.selectFrom('email_suppressions').selectAll().execute()).toEqual([]);
    const done = await t.app.inject({ method: 'POST', url: path, headers: { 'accept-language': 'en', 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Done: h***@tera.example will not receive bulk e-mail any more.');
    const unknown = await t.app.inject({ method: 'GET', url: '/mail/u/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(unknown.statusCode).toBe(404);
  });

  test('RFC 8058 one-click POST works the same; an unsubscribed address is never bulk-mailed again', async () => {
    const { received } = await bulk(agent, { selection: { ids: [orgs[2]?.id ?? ''] }, content: { subject: 'Oferta', html: '<p>Oferta</p>' } });
    const parsed = await PostalMime.parse(received[0]?.raw ?? Buffer.alloc(0));
    const oneClick = new URL(/<(http:\/\/[^>]+)>/.exec(parsed.headers.find((header) => header.key === 'list-unsubscribe')?.value ?? '')?.[1] ?? '').pathname;
    const response = await t.app.inject({ method: 'POST', url: oneClick, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(response.statusCode).toBe(200);
    const again = await bulk(agent, { selection: { ids: [orgs[1]?.id ?? '', orgs[2]?.id ?? ''] }, content: { subject: 'Otra', html: '<p>Otra</p>' } });
    expect(again.bulk.counts).toMatchObject({ recipients: 0, unsubscribed: 2 });
    expect(again.received).toEqual([]);
  });

  test('an address that unsubscribes after its message was queued is not sent to', async () => {
    const started = (await agent.post('/api/v1/emails/bulk', { selection: { ids: [orgs[0]?.id ?? ''] }, content: { subject: 'Tarde', html: '<p>x</p>' } })).json<{ bulkId: string }>();
    await worker.drain();
    const message = await t.db.selectFrom('email_messages').select('token').where('bulk_id', '=', started.bulkId).executeTakeFirstOrThrow();
    await t.app.inject({ method: 'POST', url: `/mail/u/${message.token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    await sender.drain();
    expect(sink.received).toEqual([]);
    expect((await agent.get(`/api/v1/emails/bulk/${started.bulkId}`)).json<EmailBulk>().messages).toEqual({ suppressed: 1 });
  });

  test('the account shows it; only an admin resubscribes, and the history keeps who', async () => {
    const status = (await agent.get(`/api/v1/accounts/${orgs[1]?.id}/email-status`)).json<AccountEmailStatus>();
    expect(status).toMatchObject({ canResubscribe: false, items: [{ address: 'hola@tera.example', status: 'unsubscribed', history: [{ action: 'unsubscribed', actor: null }] }] });
    expectProblem(await agent.post('/api/v1/email-suppressions/resubscribe', { address: 'hola@tera.example' }), 403, 'forbidden');
    expectProblem(await other.get(`/api/v1/accounts/${orgs[1]?.id}/email-status`), 404, 'not_found');
    expect((await admin.post('/api/v1/email-suppressions/resubscribe', { address: 'hola@tera.example', note: 'Lo pidió por teléfono' })).statusCode).toBe(204);
    const after = (await admin.get(`/api/v1/accounts/${orgs[1]?.id}/email-status`)).json<AccountEmailStatus>();
    expect(after.items[0]).toMatchObject({ status: 'ok', history: [{ action: 'unsubscribed' }, { action: 'resubscribed', actor: { id: admin.user.id }, note: 'Lo pidió por teléfono' }] });
  });
});

describe('open tracking', () => {
  test('when asked for, a pixel records the first open (time only), shown on the message', async () => {
    const { bulk: result, received } = await bulk(agent, { selection: { ids: [english.id] }, content: { subject: 'Seguimiento', html: '<p>x</p>' }, trackOpens: true });
    const parsed = await PostalMime.parse(received[0]?.raw ?? Buffer.alloc(0));
    const pixel = /src="(http:\/\/[^"]+\/mail\/o\/[^"]+\.gif)"/.exec(parsed.html ?? '')?.[1] ?? '';
    expect(pixel).not.toBe('');
    const opened = await t.app.inject({ method: 'GET', url: new URL(pixel).pathname });
    expect(opened.headers['content-type']).toBe('image/gif');
    const row = await t.db.selectFrom('email_messages').select(['activity_id', 'opened_at']).where('bulk_id', '=', result.id).executeTakeFirstOrThrow();
    expect(row.opened_at).not.toBeNull();
    await t.app.inject({ method: 'GET', url: new URL(pixel).pathname });
    const email = (await agent.get(`/api/v1/activities/${row.activity_id}/email`)).json<Email>();
    expect(email.openedAt).toBe(row.opened_at);
    expect((await agent.get(`/api/v1/emails/bulk/${result.id}`)).json<EmailBulk>().opened).toBe(1);
    // Without tracking, no pixel.
    const plain = await bulk(agent, { selection: { ids: [english.id] }, content: { subject: 'Sin seguimiento', html: '<p>x</p>' } });
    expect(plain.received[0]?.text).not.toContain('/mail/o/');
  });
});

describe('a bulk send whose process died mid-way', () => {
  test('resumes on the next attempt: queues what was not yet written, never a second message to anyone', async () => {
    const first = await t.account(agent, { kind: 'person', firstName: 'Primera', lastName: 'Reanuda', emails: ['primera@reanuda.example'] });
    const second = await t.account(agent, { kind: 'person', firstName: 'Segunda', lastName: 'Reanuda', emails: ['segunda@reanuda.example'] });
    const sent = await bulk(agent, { selection: { ids: [first.id, second.id] }, content: { subject: 'Reanudar', html: '<p>x</p>' } });
    expect(sent.received.flatMap((message) => message.to).sort()).toEqual(['primera@reanuda.example', 'segunda@reanuda.example']);
    // As the process leaves it when it dies after its first batch committed: the second
    // recipient's rows were never written, the job is running with a stale heartbeat and no worker.
    const lost = await t.db.selectFrom('email_messages').select(['id', 'activity_id']).where('bulk_id', '=', sent.bulk.id).where('address_norm', '=', 'segunda@reanuda.example').executeTakeFirstOrThrow();
    await t.db.deleteFrom('email_messages').where('id', '=', lost.id).execute();
    if (lost.activity_id) await t.db.deleteFrom('activities').where('id', '=', lost.activity_id).execute();
    const bulkRow = await t.db.selectFrom('email_bulks').select('job_id').where('id', '=', sent.bulk.id).executeTakeFirstOrThrow();
    await t.db.updateTable('email_bulks').set({ status: 'enqueuing', finished_at: null }).where('id', '=', sent.bulk.id).execute();
    await t.db.updateTable('jobs').set({ status: 'running', worker_id: null, heartbeat_at: '2000-01-01T00:00:00.000Z', finished_at: null })
      .where('id', '=', bulkRow.job_id ?? '').execute();
    sink.received.length = 0;

    await worker.drain();
    await sender.drain();
    expect(await t.db.selectFrom('jobs').select(['status', 'attempts']).where('id', '=', bulkRow.job_id ?? '').executeTakeFirst()).toEqual({ status: 'done', attempts: 2 });
    expect(sink.received.flatMap((message) => message.to)).toEqual(['segunda@reanuda.example']);
    const queued = await t.db.selectFrom('email_messages').select('address_norm').where('bulk_id', '=', sent.bulk.id).execute();
    expect(queued.map((row) => row.address_norm).sort()).toEqual(['primera@reanuda.example', 'segunda@reanuda.example']);
    expect((await agent.get(`/api/v1/emails/bulk/${sent.bulk.id}`)).json<EmailBulk>()).toMatchObject({ status: 'enqueued', counts: { recipients: 2, accounts: 2, duplicates: 0 } });
  });
});
