import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Me } from '@contract/auth';
import type { Account } from '@contract/accounts';
import { hashToken } from '@server/lib/ids';
import { testApp, testPassword, type Client, type TestApp } from '@server/test/test-app';
import { testDialect } from '@server/test/test-db';
import { accountState, countRows, expectProblem } from '@server/test/state';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

afterAll(async () => {
  await t.close();
});

type RawSession = { cookie: string; csrf: string };

/** Logs in through the endpoint and keeps the raw cookie, to forge requests around it. */
async function rawLogin(email: string, password: string, cookie?: string): Promise<RawSession> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    ...(cookie ? { cookies: { cartera_session: cookie } } : {}),
  });
  expect(response.statusCode).toBe(200);
  const value = response.cookies.find((c) => c.name === 'cartera_session')?.value;
  if (!value) throw new Error('no session cookie');
  return { cookie: value, csrf: response.json<Me>().csrfToken };
}

const meWith = (session: RawSession) =>
  t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { cartera_session: session.cookie } });

// Runs first: the test app starts on an empty database.
describe('first-run setup', () => {
  test('an empty database needs setup; POST /setup creates the admin and signs them in; a second POST is 409', async () => {
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/setup' });
    expect(status.json<{ needsSetup: boolean }>()).toEqual({ needsSetup: true });

    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'Jefa@Example.com', name: 'La Jefa', password: 'setup-password-1', language: 'es' },
    });
    expect(response.statusCode).toBe(200);
    const me = response.json<Me>();
    expect(me).toMatchObject({ email: 'jefa@example.com', role: 'admin', scope: 'all', language: 'es', abilities: { manageUsers: true, viewBin: true } });
    const cookie = response.cookies.find((c) => c.name === 'cartera_session');
    expect(cookie?.httpOnly).toBe(true);
    expect((await meWith({ cookie: cookie?.value ?? '', csrf: me.csrfToken })).json<Me>().id).toBe(me.id);

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json<{ needsSetup: boolean }>()).toEqual({ needsSetup: false });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'intruso@example.com', name: 'Intruso', password: 'setup-password-2' },
    });
    expectProblem(again, 409, 'setup_done');
    expect(await countRows(t.db, 'users')).toBe(1);
    expect(await t.db.selectFrom('users').select('role').where('email', '=', 'intruso@example.com').executeTakeFirst()).toBeUndefined();
  });
});

describe('login and sessions', () => {
  let agent: Client;

  beforeAll(async () => {
    agent = await t.user({ role: 'agent', email: 'agente@example.com', language: 'en' });
  });

  test('login sets an httpOnly, SameSite session cookie and returns the user with a CSRF token', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'AGENTE@example.com', password: testPassword } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'cartera_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.json<Me>()).toMatchObject({ id: agent.user.id, email: 'agente@example.com', csrfToken: expect.any(String) });
    // Only a hash of the cookie is stored: a copy of the database hands out no sessions.
    const stored = await t.db.selectFrom('sessions').select('id').where('id', '=', cookie?.value ?? '').executeTakeFirst();
    expect(stored).toBeUndefined();
  });

  test('every login gets a new session id, and logging in over an old session ends it', async () => {
    const first = await rawLogin('agente@example.com', testPassword);
    const second = await rawLogin('agente@example.com', testPassword, first.cookie);
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.csrf).not.toBe(first.csrf);
    expectProblem(await meWith(first), 401, 'unauthenticated');
    expect((await meWith(second)).statusCode).toBe(200);
  });

  test('an unknown e-mail and a wrong password get the very same answer', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nadie@example.com', password: 'whatever-pass' }, headers: { 'accept-language': 'en' } });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'agente@example.com', password: 'whatever-pass' }, headers: { 'accept-language': 'en' } });
    expectProblem(unknown, 401, 'invalid_credentials');
    expect(wrong.statusCode).toBe(unknown.statusCode);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  test('logout ends the session on the server, not just the cookie', async () => {
    const session = await rawLogin('agente@example.com', testPassword);
    const sessions = await countRows(t.db, 'sessions');
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { cartera_session: session.cookie }, headers: { 'x-csrf-token': session.csrf } });
    expect(response.statusCode).toBe(204);
    expect(await countRows(t.db, 'sessions')).toBe(sessions - 1);
    expectProblem(await meWith(session), 401, 'unauthenticated');
  });

  test('an expired session is refused; an active one slides its expiry forward', async () => {
    const session = await rawLogin('agente@example.com', testPassword);
    const me = (await meWith(session)).json<Me>();
    const rows = () => t.db.selectFrom('sessions').selectAll().where('user_id', '=', me.id).orderBy('created_at', 'desc').execute();
    const [latest] = await rows();
    if (!latest) throw new Error('no session row');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await t.db.updateTable('sessions').set({ last_seen_at: twoHoursAgo, expires_at: new Date(Date.now() + 60_000).toISOString() }).where('id', '=', latest.id).execute();
    expect((await meWith(session)).statusCode).toBe(200);
    const refreshed = await t.db.selectFrom('sessions').select(['expires_at', 'last_seen_at']).where('id', '=', latest.id).executeTakeFirstOrThrow();
    expect(Date.parse(refreshed.expires_at)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(Date.parse(refreshed.last_seen_at)).toBeGreaterThan(Date.parse(twoHoursAgo));
    await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', latest.id).execute();
    expectProblem(await meWith(session), 401, 'unauthenticated');
  });

  test('a session is read again at least every second: a change made outside the app (another process, raw SQL) is seen within it', async () => {
    const session = await rawLogin('agente@example.com', testPassword);
    expect((await meWith(session)).statusCode).toBe(200);
    // Raw SQL does not go through the write watch that drops cached sessions at once.
    await sql`update sessions set expires_at = ${new Date(Date.now() - 1000).toISOString()} where id = ${hashToken(session.cookie)}`.execute(t.db);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expectProblem(await meWith(session), 401, 'unauthenticated');
  });

  // On SQLite the transaction holds the one connection, so no request can read in between.
  test.skipIf(testDialect !== 'postgres')('a session read while a change to its user is still uncommitted is not kept past the commit', async () => {
    const user = await t.user({ email: 'en-vuelo@example.com', role: 'agent', scope: 'own' });
    const session = await rawLogin('en-vuelo@example.com', testPassword);
    expect((await meWith(session)).json<Me>().scope).toBe('own');
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ scope: 'all', role: 'manager' }).where('id', '=', user.user.id).execute();
      // Another pooled connection still sees the committed row, and the cache may keep it.
      expect((await meWith(session)).json<Me>().scope).toBe('own');
    });
    expect((await meWith(session)).json<Me>()).toMatchObject({ scope: 'all', role: 'manager' });
  });

  test('anonymous requests to the API are 401, in the language of Accept-Language', async () => {
    const en = expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { 'accept-language': 'en-GB,en;q=0.9' } }), 401, 'unauthenticated');
    expect(en.detail).toBe('Please sign in to continue.');
    const es = expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/accounts' }), 401, 'unauthenticated');
    expect(es.detail).toBe('Inicia sesión para continuar.');
    const garbage = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { cartera_session: 'forged-cookie-value' } });
    expectProblem(garbage, 401, 'unauthenticated');
  });
});

describe('CSRF', () => {
  let session: RawSession;
  let account: Account;

  beforeAll(async () => {
    const owner = await t.user({ role: 'agent', email: 'csrf@example.com' });
    account = await t.account(owner, { kind: 'organization', name: 'Protegida' });
    session = await rawLogin('csrf@example.com', testPassword);
  });

  test.each([
    ['without the header', {}],
    ['with a wrong token', { 'x-csrf-token': 'not-the-token' }],
    ['with the token of another session', { 'x-csrf-token': 'placeholder' }],
  ])('a cookie-authenticated write %s is refused (403 csrf_failed) and changes nothing', async (label, headers) => {
    const other = label.includes('another') ? (await rawLogin('agente@example.com', testPassword)).csrf : undefined;
    const before = await accountState(t.db, account.id);
    const accounts = await countRows(t.db, 'accounts');
    const send = (method: 'PATCH' | 'POST' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url, cookies: { cartera_session: session.cookie }, headers: other ? { 'x-csrf-token': other } : headers, ...(payload ? { payload } : {}) });
    expectProblem(await send('PATCH', `/api/v1/accounts/${account.id}`, { version: account.version, name: 'Hacked' }), 403, 'csrf_failed');
    expectProblem(await send('DELETE', `/api/v1/accounts/${account.id}`), 403, 'csrf_failed');
    expectProblem(await send('POST', '/api/v1/accounts', { kind: 'organization', name: 'Forged' }), 403, 'csrf_failed');
    expect(await accountState(t.db, account.id)).toEqual(before);
    expect(await countRows(t.db, 'accounts')).toBe(accounts);
  });

  test('reads need no token, and the right token lets the write through', async () => {
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${account.id}`, cookies: { cartera_session: session.cookie } });
    expect(read.statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'PATCH', url: `/api/v1/accounts/${account.id}`, cookies: { cartera_session: session.cookie },
      headers: { 'x-csrf-token': session.csrf }, payload: { version: account.version, notes: 'ok' },
    });
    expect(write.statusCode).toBe(200);
  });
});

describe('deactivation and passwords', () => {
  let admin: Client;

  beforeAll(async () => {
    admin = await t.login('jefa@example.com', 'setup-password-1');
  });

  test('a deactivated user is signed out at once and cannot log in; reactivated, they can', async () => {
    const victim = await t.user({ email: 'baja@example.com' });
    const second = await rawLogin('baja@example.com', testPassword);
    const response = await admin.post(`/api/v1/users/${victim.user.id}/deactivate`);
    expect(response.statusCode).toBe(200);
    expectProblem(await victim.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await meWith(second), 401, 'unauthenticated');
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', victim.user.id).execute()).toEqual([]);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'baja@example.com', password: testPassword } });
    expectProblem(login, 401, 'invalid_credentials');
    expect((await admin.post(`/api/v1/users/${victim.user.id}/activate`)).statusCode).toBe(200);
    expect((await rawLogin('baja@example.com', testPassword)).cookie).toBeTruthy();
  });

  test('changing one\'s password: a wrong current one is 400 on that field; success ends the other sessions only', async () => {
    const user = await t.user({ email: 'clave@example.com', language: 'es' });
    const other = await rawLogin('clave@example.com', testPassword);
    const wrong = await user.post('/api/v1/me/password', { currentPassword: 'not-my-password', newPassword: 'brand-new-password' });
    const problem = expectProblem(wrong, 400, 'wrong_password');
    expect(problem.errors?.[0]).toMatchObject({ field: 'currentPassword', code: 'wrong_password' });
    expect((await meWith(other)).statusCode).toBe(200);

    const short = await user.post('/api/v1/me/password', { currentPassword: testPassword, newPassword: 'short' });
    expect(expectProblem(short, 400, 'validation_failed').errors?.[0]).toMatchObject({ field: 'newPassword', code: 'too_short', message: 'Demasiado corto (mínimo 10).' });

    expect((await user.post('/api/v1/me/password', { currentPassword: testPassword, newPassword: 'brand-new-password' })).statusCode).toBe(204);
    expect((await user.get('/api/v1/me')).statusCode).toBe(200);
    expectProblem(await meWith(other), 401, 'unauthenticated');
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'clave@example.com', password: testPassword } });
    expectProblem(old, 401, 'invalid_credentials');
    expect((await rawLogin('clave@example.com', 'brand-new-password')).cookie).toBeTruthy();
  });

  test('PATCH /me changes the language of the error messages from the next request on', async () => {
    const user = await t.user({ email: 'idioma@example.com', language: 'en' });
    const missing = '/api/v1/accounts/01900000-0000-7000-8000-000000000000';
    expect(expectProblem(await user.get(missing), 404, 'not_found').detail).toBe('Not found.');
    const changed = await user.patch('/api/v1/me', { language: 'es' });
    expect(changed.json<Me>().language).toBe('es');
    // The user's language beats the browser's.
    const es = expectProblem(await user.request('GET', missing, undefined, { 'accept-language': 'en' }), 404, 'not_found');
    expect(es.detail).toBe('No se ha encontrado.');
    expect(es.title).toBe('No encontrado');
    const invalid = await user.patch('/api/v1/me', { language: 'fr' });
    expect(expectProblem(invalid, 400, 'validation_failed').errors?.[0]).toMatchObject({ field: 'language', message: 'Valor no permitido.' });
    expect((await t.db.selectFrom('users').select('language').where('id', '=', user.user.id).executeTakeFirstOrThrow()).language).toBe('es');
  });
});
