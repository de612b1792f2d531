import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MailSettings, MailTestResult } from '@contract/emails';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { startSmtpSink, type SmtpSink } from '@server/test/smtp-sink';
import { expectProblem } from '@server/test/state';
import { open } from '@server/lib/secrets';

const secretKey = 'k'.repeat(40);
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

const settingsBody = (overrides: object = {}) => ({
  version: 0, host: '127.0.0.1', port: sink.port, tlsMode: 'none', username: null, fromAddress: 'ventas@example.com',
  fromName: 'Ventas Cartera', replyTo: '', ratePerMinute: 120, ...overrides,
});

describe('SMTP settings kept in the database', () => {
  let t: TestApp;
  let admin: Client;
  let agent: Client;
  beforeAll(async () => {
    t = await testApp({ CARTERA_SECRET_KEY: secretKey });
    admin = await t.user({ role: 'admin', scope: 'all', name: 'Ana Admin', email: 'ana.admin@example.com' });
    agent = await t.user({ role: 'agent' });
  });
  afterAll(async () => t.close());

  test('only an admin reads or changes them', async () => {
    expectProblem(await agent.get('/api/v1/settings/mail'), 403, 'forbidden');
    expectProblem(await agent.put('/api/v1/settings/mail', settingsBody()), 403, 'forbidden');
    expectProblem(await agent.post('/api/v1/settings/mail/test'), 403, 'forbidden');
    expect(await t.db.selectFrom('mail_settings').selectAll().execute()).toEqual([]);
  });

  test('without settings nothing can be sent, and the refusal says where to set them up', async () => {
    const settings = (await admin.get('/api/v1/settings/mail')).json<MailSettings>();
    expect(settings).toMatchObject({ source: 'none', host: null, version: 0, secretKeySet: true });
    const problem = expectProblem(await admin.post('/api/v1/settings/mail/test'), 409, 'mail_not_configured');
    expect(problem.detail).toContain('Administration › E-mail');
  });

  test('the password is stored sealed with the secret key and never shown', async () => {
    const saved = await admin.put('/api/v1/settings/mail', settingsBody({ username: 'ventas', password: 'contraseña-smtp' }));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain('contraseña-smtp');
    expect(saved.json<MailSettings>()).toMatchObject({ source: 'database', host: '127.0.0.1', passwordSet: true, username: 'ventas', version: 1 });
    const row = await t.db.selectFrom('mail_settings').selectAll().executeTakeFirstOrThrow();
    expect(row.password_enc).not.toContain('contraseña');
    expect(open(row.password_enc ?? '', secretKey)).toBe('contraseña-smtp');
    expect(open(row.password_enc ?? '', 'another key that is long enough to use')).toBeNull();
    // A save that leaves the password out keeps it; a stale version changes nothing.
    const kept = (await admin.put('/api/v1/settings/mail', settingsBody({ version: 1, username: null, password: null }))).json<MailSettings>();
    expect(kept).toMatchObject({ passwordSet: false, version: 2 });
    expectProblem(await admin.put('/api/v1/settings/mail', settingsBody({ version: 1, host: 'smtp.example.com' })), 412, 'stale_version');
    expect((await admin.get('/api/v1/settings/mail')).json<MailSettings>().host).toBe('127.0.0.1');
  });

  test('bad values are refused field by field, in the user\'s language', async () => {
    const problem = expectProblem(await admin.put('/api/v1/settings/mail', settingsBody({ version: 2, port: 70000, fromAddress: 'no', host: 'bad host/' })), 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['fromAddress', 'host', 'port']);
  });

  test('"send me a test" reports the server\'s answer, accepted or refused', async () => {
    sink.onData(() => 'accept');
    const ok = await admin.post('/api/v1/settings/mail/test');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<MailTestResult>()).toMatchObject({ ok: true, to: 'ana.admin@example.com', code: 250 });
    expect(ok.json<MailTestResult>().response).toContain('Queued as');
    const message = (await sink.waitFor(1))[0];
    expect(message?.to).toEqual(['ana.admin@example.com']);
    expect(message?.text).toMatch(/^From: Ventas Cartera <ventas@example\.com>\r$/m);
    expect(message?.text).toContain('Subject: Cartera e-mail test');

    sink.onData(() => ({ code: 550, message: 'Relaying denied' }));
    const refused = (await admin.post('/api/v1/settings/mail/test')).json<MailTestResult>();
    expect(refused).toMatchObject({ ok: false, code: 550 });
    expect(refused.response).toContain('Relaying denied');
    sink.onData(() => 'accept');
  });
});

describe('without CARTERA_SECRET_KEY', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await testApp();
    admin = await t.user({ role: 'admin', scope: 'all', language: 'es' });
  });
  afterAll(async () => t.close());

  test('a password is refused, saying in the user\'s language to set the key, and nothing is saved', async () => {
    const problem = expectProblem(await admin.put('/api/v1/settings/mail', settingsBody({ username: 'ventas', password: 'secreto' })), 400, 'validation_failed');
    expect(problem.errors).toEqual([{ field: 'password', code: 'secret_key_missing', message: expect.stringContaining('CARTERA_SECRET_KEY') }]);
    expect(problem.errors?.[0]?.message).toMatch(/^Para guardar una contraseña/);
    expect(await t.db.selectFrom('mail_settings').selectAll().execute()).toEqual([]);
    // Without a password (a local relay) the settings save.
    expect((await admin.put('/api/v1/settings/mail', settingsBody())).json<MailSettings>()).toMatchObject({ source: 'database', secretKeySet: false });
  });
});

describe('SMTP from the environment', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await testApp({ CARTERA_SMTP_URL: `smtp://robot:p%40ss@127.0.0.1:${sink.port}?tls=none`, CARTERA_MAIL_FROM: 'Cartera <robot@example.com>' });
    admin = await t.user({ role: 'admin', scope: 'all' });
  });
  afterAll(async () => t.close());

  test('the page shows it read-only: only the rate can change', async () => {
    const settings = (await admin.get('/api/v1/settings/mail')).json<MailSettings>();
    expect(settings).toMatchObject({ source: 'environment', host: '127.0.0.1', port: sink.port, tlsMode: 'none', username: 'robot', passwordSet: true, fromAddress: 'robot@example.com', fromName: 'Cartera' });
    expect(JSON.stringify(settings)).not.toContain('p@ss');
    expectProblem(await admin.put('/api/v1/settings/mail', settingsBody()), 409, 'mail_from_environment');
    const rate = await admin.put('/api/v1/settings/mail/rate', { version: 0, ratePerMinute: 30 });
    expect(rate.json<MailSettings>()).toMatchObject({ source: 'environment', ratePerMinute: 30, version: 1 });
  });
});
