import PostalMime from 'postal-mime';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { AccountDocument } from '@contract/documents';
import type { Email, EmailPreview, RecipientOption } from '@contract/emails';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { multipartFile } from '@server/test/multipart';
import { startSmtpSink, type SmtpSink } from '@server/test/smtp-sink';
import { expectProblem } from '@server/test/state';
import { MailSender } from './mail-sender';

let t: TestApp;
let sink: SmtpSink;
let sender: MailSender;
let admin: Client;
let agent: Client;
let other: Client;
let account: Account;
let person: Account;

const counts = async () => ({
  messages: (await t.db.selectFrom('email_messages').select('id').execute()).length,
  activities: (await t.db.selectFrom('activities').select('id').execute()).length,
});

async function send(client: Client, body: object): Promise<Email> {
  const response = await client.post('/api/v1/emails', body);
  expect(response.statusCode, response.body).toBe(202);
  return response.json<Email>();
}

const status = async (client: Client, id: string) => (await client.get(`/api/v1/emails/${id}`)).json<Email>();

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await testApp();
  sender = new MailSender({ db: t.db, storage: t.app.storage, config: t.app.config }, { backoffMs: 200, connectionPauseMs: 0 });
  admin = await t.user({ role: 'admin', scope: 'all', name: 'Ana Admin' });
  agent = await t.user({ role: 'agent', scope: 'own', name: 'Íñigo Agente', email: 'inigo@example.com' });
  other = await t.user({ role: 'agent', scope: 'own' });
  account = await t.account(agent, { kind: 'organization', name: 'Ñandú & Cía', emails: ['compras@nandu.example'] });
  person = await t.account(agent, { kind: 'person', firstName: 'José', lastName: 'Pérez', emails: ['jose@nandu.example'] });
  expect((await agent.post(`/api/v1/accounts/${account.id}/contacts`, { otherId: person.id, position: 'Gerente' })).statusCode).toBe(201);
});
afterAll(async () => {
  await sender.stop();
  await t.close();
  await sink.close();
});

describe('before SMTP is set up', () => {
  test('sending is refused, saying where to set it up, and nothing is queued or logged', async () => {
    const before = await counts();
    const problem = expectProblem(await agent.post('/api/v1/emails', { accountId: account.id, to: ['compras@nandu.example'], subject: 'Hola', html: '<p>Hola</p>' }), 409, 'mail_not_configured');
    expect(problem.detail).toContain('CARTERA_SMTP_URL');
    expect(await counts()).toEqual(before);
  });
});

describe('sending from a record', () => {
  beforeAll(async () => {
    const saved = await admin.put('/api/v1/settings/mail', {
      version: 0, host: '127.0.0.1', port: sink.port, tlsMode: 'none', fromAddress: 'ventas@cartera.example', fromName: 'Ventas Cartera', ratePerMinute: 1000,
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });
  beforeEach(() => {
    sink.received.length = 0;
    sink.onData(() => 'accept');
    sink.onRcpt(() => 'accept');
  });

  test('the recipients offered are the account\'s and its contacts\' addresses', async () => {
    const options = (await agent.get(`/api/v1/accounts/${account.id}/email-recipients`)).json<{ items: RecipientOption[] }>().items;
    expect(options).toEqual([
      { address: 'compras@nandu.example', name: 'Ñandú & Cía', contactId: null, status: 'ok' },
      { address: 'jose@nandu.example', name: 'José Pérez', contactId: person.id, status: 'ok' },
    ]);
    expectProblem(await other.get(`/api/v1/accounts/${account.id}/email-recipients`), 404, 'not_found');
  });

  test('the bytes that arrive: encoded names and subject, both alternatives, the attachment, no Bcc header', async () => {
    const upload = multipartFile('presupuesto año.txt', 'Líneas del presupuesto\n', 'text/plain');
    const document = (await agent.request('POST', `/api/v1/accounts/${account.id}/documents`, upload.body, upload.headers)).json<AccountDocument>();
    const email = await send(agent, {
      accountId: account.id, contactId: person.id, to: ['jose@nandu.example'], cc: ['compras@nandu.example'], bcc: ['archivo@cartera.example'],
      subject: 'Propuesta para {{account.name}}', html: '<p>Hola {{contact.firstName}}, te escribe {{user.name}}.</p><script>alert(1)</script>',
      attachmentIds: [document.id],
    });
    expect(email).toMatchObject({ status: 'queued', subject: 'Propuesta para Ñandú & Cía', to: ['jose@nandu.example'], bcc: ['archivo@cartera.example'] });
    expect(email.html).toBe('<p>Hola José, te escribe Íñigo Agente.</p>');
    expect(await sender.drain()).toBe(1);
    const [message] = await sink.waitFor(1);
    if (!message) throw new Error('no message');
    expect(message.from).toBe('ventas@cartera.example');
    expect(message.to.sort()).toEqual(['archivo@cartera.example', 'compras@nandu.example', 'jose@nandu.example']);
    // Non-ASCII names and subject travel as RFC 2047 encoded words; Bcc is only in the envelope.
    expect(message.text).toMatch(/^To: =\?UTF-8\?Q\?Jos=C3=A9_P=C3=A9rez\?= <jose@nandu\.example>\r$/m);
    expect(message.text).toMatch(/^Subject: =\?UTF-8\?Q\?Propuesta_para_=C3=91and=C3=BA_=26_C\?=\r\n =\?UTF-8\?Q\?=C3=ADa\?=\r$/m);
    expect(message.text).not.toMatch(/^Bcc:/im);
    expect(message.text).toMatch(/^Content-Type: multipart\/mixed;/m);
    expect(message.text).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(message.text).toMatch(/filename\*0\*=utf-8''presupuesto%20a%C3%B1o\.txt|filename="=\?UTF-8\?Q\?presupuesto_a=C3=B1o\.txt\?="/);
    const parsed = await PostalMime.parse(message.raw);
    expect(parsed.from).toEqual({ address: 'ventas@cartera.example', name: 'Ventas Cartera' });
    expect(parsed.to).toEqual([{ address: 'jose@nandu.example', name: 'José Pérez' }]);
    expect(parsed.cc).toEqual([{ address: 'compras@nandu.example', name: 'Ñandú & Cía' }]);
    expect(parsed.subject).toBe('Propuesta para Ñandú & Cía');
    expect(parsed.html).toBe('<p>Hola José, te escribe Íñigo Agente.</p>');
    expect(parsed.text).toBe('Hola José, te escribe Íñigo Agente.');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]?.filename).toBe('presupuesto año.txt');
    const content = parsed.attachments[0]?.content ?? '';
    expect(typeof content === 'string' ? content : new TextDecoder().decode(content)).toBe('Líneas del presupuesto\n');
    expect(parsed.messageId).toBe(`<${email.id}@cartera.example>`);
    // The delivery status and the server's answer, and the activity on the timeline.
    const sent = await status(agent, email.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastResponse: expect.stringContaining('Queued as') });
    const activities = (await agent.get(`/api/v1/activities?accountId=${account.id}&type=email`)).json<{ items: Array<{ id: string; subject: string; status: string }> }>().items;
    expect(activities.map((activity) => activity.id)).toContain(email.activityId);
    expect((await agent.get(`/api/v1/activities/${email.activityId}/email`)).json<Email>().id).toBe(email.id);
  });

  test('a field that cannot be filled blocks the send; the preview shows it', async () => {
    const preview = (await agent.post('/api/v1/emails/preview', { accountId: account.id, subject: 'Hola {{contact.firstName}}', html: '<p>{{campaign.product}} en {{account.city}} {{account.name}}</p>' })).json<EmailPreview>();
    expect(preview.unresolved).toEqual(['{{contact.firstName}}', '{{campaign.product}}', '{{account.city}}']);
    expect(preview.html).toContain('Ñandú &amp; Cía');
    const before = await counts();
    const problem = expectProblem(await agent.post('/api/v1/emails', { accountId: account.id, to: ['compras@nandu.example'], subject: 'Hola', html: '<p>{{account.city}}</p>' }), 400, 'validation_failed');
    expect(problem.errors).toEqual([{ field: 'html', code: 'unresolved_merge_fields', message: 'Some fields cannot be filled for this recipient: {{account.city}}.' }]);
    expect(await counts()).toEqual(before);
    // A fallback fills an empty field.
    const filled = (await agent.post('/api/v1/emails/preview', { accountId: account.id, subject: 'x', html: '<p>{{account.city|su ciudad}}</p>' })).json<EmailPreview>();
    expect(filled).toMatchObject({ html: '<p>su ciudad</p>', unresolved: [] });
  });

  test('451 then 250: retried after a pause and delivered once', async () => {
    let refuse = true;
    sink.onData(() => {
      if (!refuse) return 'accept';
      refuse = false;
      return { code: 451, message: 'Try again later' };
    });
    const email = await send(agent, { accountId: account.id, to: ['compras@nandu.example'], subject: 'Reintento', html: '<p>x</p>' });
    expect(await sender.drain()).toBe(1);
    expect(await status(agent, email.id)).toMatchObject({ status: 'retrying', attempts: 1, lastResponse: expect.stringContaining('451') });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await sender.drain()).toBe(1);
    expect(await status(agent, email.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sink.received).toHaveLength(1);
  });

  test('550 stops: failed for good, never retried; a refused mailbox is marked bounced', async () => {
    sink.onRcpt((address) => (address === 'nadie@nandu.example' ? { code: 550, message: 'No such user' } : 'accept'));
    const email = await send(agent, { accountId: account.id, to: ['nadie@nandu.example'], subject: 'Rebote', html: '<p>x</p>' });
    await sender.drain();
    expect(await status(agent, email.id)).toMatchObject({ status: 'failed', attempts: 1, lastResponse: expect.stringContaining('550') });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await sender.drain()).toBe(0);
    expect(await t.db.selectFrom('email_suppressions').selectAll().where('address_norm', '=', 'nadie@nandu.example').executeTakeFirst()).toMatchObject({ reason: 'bounced' });
    sink.onData(() => ({ code: 554, message: 'Message refused' }));
    const refused = await send(agent, { accountId: account.id, to: ['compras@nandu.example'], subject: 'Rechazo', html: '<p>x</p>' });
    await sender.drain();
    expect(await status(agent, refused.id)).toMatchObject({ status: 'failed', lastResponse: expect.stringContaining('554') });
    expect(sink.received).toHaveLength(0);
  });

  test('a connection dropped before the message was handed over is retried and delivered once', async () => {
    let drops = 1;
    sink.onRcpt(() => (drops-- > 0 ? 'drop' : 'accept'));
    const email = await send(agent, { accountId: account.id, to: ['compras@nandu.example'], subject: 'Corte antes', html: '<p>x</p>' });
    await sender.drain();
    expect(await status(agent, email.id)).toMatchObject({ status: 'retrying', attempts: 1 });
    await new Promise((resolve) => setTimeout(resolve, 250));
    await sender.drain();
    expect(await status(agent, email.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sink.received).toHaveLength(1);
  });

  test('a connection dropped after the whole message was handed over is uncertain: never resent until an admin says so', async () => {
    const attemptsBefore = sink.attempts;
    sink.onData((index) => (index === attemptsBefore + 1 ? 'drop-after-data' : 'accept'));
    const email = await send(agent, { accountId: account.id, to: ['compras@nandu.example'], subject: 'Corte después', html: '<p>x</p>' });
    await sender.drain();
    expect(await status(agent, email.id)).toMatchObject({ status: 'uncertain', attempts: 1 });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await sender.drain()).toBe(0);
    expect(sink.attempts).toBe(attemptsBefore + 1);
    // Only an admin may send it again.
    expectProblem(await agent.post(`/api/v1/mail/outbox/${email.id}/retry`), 403, 'forbidden');
    expect((await admin.post(`/api/v1/mail/outbox/${email.id}/retry`)).statusCode).toBe(204);
    await sender.drain();
    expect(await status(agent, email.id)).toMatchObject({ status: 'sent' });
    expect(sink.received).toHaveLength(1);
  });

  test('the rate an admin sets caps the messages handed over per minute', async () => {
    const settings = (await admin.get('/api/v1/settings/mail')).json<{ version: number }>();
    expect((await admin.put('/api/v1/settings/mail/rate', { version: settings.version, ratePerMinute: 1 })).statusCode).toBe(200);
    const email = await send(agent, { accountId: account.id, to: ['compras@nandu.example'], subject: 'Ritmo', html: '<p>x</p>' });
    expect(await sender.drain()).toBe(0);
    expect(await status(agent, email.id)).toMatchObject({ status: 'queued' });
    // Once the minute has passed (moved back here rather than waited for) it goes.
    await t.db.updateTable('email_messages').set({ claimed_at: '2000-01-01T00:00:00.000Z' }).where('claimed_at', 'is not', null).execute();
    expect(await sender.drain()).toBe(1);
    expect(await status(agent, email.id)).toMatchObject({ status: 'sent' });
    const current = (await admin.get('/api/v1/settings/mail')).json<{ version: number }>();
    await admin.put('/api/v1/settings/mail/rate', { version: current.version, ratePerMinute: 1000 });
  });
});

describe('who may send and see', () => {
  test('an agent cannot send from an account outside their portfolio: 404 and nothing queued or logged', async () => {
    const before = await counts();
    expectProblem(await other.post('/api/v1/emails', { accountId: account.id, to: ['compras@nandu.example'], subject: 'Hola', html: '<p>x</p>' }), 404, 'not_found');
    expectProblem(await other.post('/api/v1/emails/preview', { accountId: account.id, subject: 'x', html: '{{account.name}}' }), 404, 'not_found');
    expect(await counts()).toEqual(before);
  });

  test('a contact, a request or a document of another account is refused, nothing queued', async () => {
    const theirs = await t.account(other, { kind: 'person', firstName: 'Ajeno' });
    const before = await counts();
    expectProblem(await agent.post('/api/v1/emails', { accountId: account.id, contactId: theirs.id, to: ['compras@nandu.example'], subject: 'x', html: 'x' }), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/emails', { accountId: account.id, attachmentIds: ['01900000-0000-7000-8000-000000000000'], to: ['compras@nandu.example'], subject: 'x', html: 'x' }), 400, 'validation_failed');
    expect(await counts()).toEqual(before);
  });

  test('an e-mail about an opportunity is on its timeline; another organization\'s opportunity is refused, nothing queued', async () => {
    const deal = async (organizationId: string) => {
      const response = await agent.post('/api/v1/opportunities', { organizationId, name: 'Flota', amount: 100_00, currency: 'EUR', expectedCloseOn: '2027-03-31' });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>();
    };
    const ours = await deal(account.id);
    const elsewhere = await deal((await t.account(agent, { kind: 'organization', name: 'Otra SA' })).id);
    const before = await counts();
    expectProblem(await agent.post('/api/v1/emails', { accountId: account.id, opportunityId: elsewhere.id, to: ['compras@nandu.example'], subject: 'x', html: 'x' }), 400, 'validation_failed');
    expect(await counts()).toEqual(before);

    const email = await send(agent, { accountId: account.id, opportunityId: ours.id, to: ['compras@nandu.example'], subject: 'Oferta de flota', html: '<p>Adjunto</p>' });
    const onDeal = await t.db.selectFrom('activities').select(['id', 'subject']).where('opportunity_id', '=', ours.id).where('type', '=', 'email').execute();
    expect(onDeal).toEqual([{ id: email.activityId, subject: 'Oferta de flota' }]);
  });

  test('a private e-mail is seen by its author and admins only, like any private activity', async () => {
    const email = await send(agent, { accountId: account.id, to: ['compras@nandu.example'], subject: 'Confidencial', html: '<p>x</p>', private: true });
    const colleague = await t.user({ role: 'manager', scope: 'all' });
    expect((await admin.get(`/api/v1/emails/${email.id}`)).statusCode).toBe(200);
    expectProblem(await colleague.get(`/api/v1/emails/${email.id}`), 404, 'not_found');
    expectProblem(await other.get(`/api/v1/emails/${email.id}`), 404, 'not_found');
    expectProblem(await colleague.get(`/api/v1/activities/${email.activityId}/email`), 404, 'not_found');
  });
});
