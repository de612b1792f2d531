import http from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Problem } from '@contract/common';
import { buildWorld, type Session, type World } from '@server/test/api-world';
import { countRows, tableSnapshot } from '@server/test/state';

/**
 * Sign-in and CSRF are decided by the matched route, never by how its path is spelled: every route
 * of the OpenAPI document, reached plainly and through percent-encoded spellings of its prefix and
 * segments, refuses anonymous callers (401) and writes without the CSRF header (403), and the
 * database is left exactly as it was. Escaped separators and dots are refused outright.
 */

let world: World;
let admin: Session;
let anonymous: Session;
let base: string;

/** The routes that answer without a session, as the document marks them (`security: []`). */
const publicRoutes = ['GET /api/health', 'GET /api/v1/setup', 'POST /api/v1/setup', 'POST /api/v1/auth/login', 'GET /api/calendar/{token}'];
const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const hex = (char: string, upper: boolean): string => {
  const code = char.charCodeAt(0).toString(16).padStart(2, '0');
  return `%${upper ? code.toUpperCase() : code}`;
};

/** The same path spelled as a hostile client would: escaped prefix letters, escaped segments, a trailing slash. */
function spellings(path: string): string[] {
  const segments = path.split('/');
  const each = (encode: (segment: string) => string) => segments.map((segment) => (segment === '' ? segment : encode(segment))).join('/');
  const variants = [
    path,
    `${path}/`,
    each((segment) => `${hex(segment.charAt(0), true)}${segment.slice(1)}`),
    // Dots stay as they are: escaped, they are refused outright (tested below).
    each((segment) => [...segment].map((char) => (char === '.' ? char : hex(char, false))).join('')),
  ];
  if (path.startsWith('/api/v1/')) {
    const rest = path.slice('/api/v1/'.length);
    variants.push(`/api/%761/${rest}`, `/api/v%31/${rest}`, `/api/%76%31/${rest}`, `/%61pi/v1/${rest}`, `/ap%69/v1/${rest}`);
  }
  return variants;
}

/** Sends without a CSRF header, with a body an HTML form could send. */
const formLike = (session: Session, method: string, url: string) =>
  world.t.app.inject({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).parse(method),
    url,
    cookies: session.cookie === '' ? {} : { cartera_session: session.cookie },
    ...(unsafe.has(method) ? { headers: { 'content-type': 'text/plain' }, payload: 'name=x' } : {}),
  });

/** A request over a real socket, path exactly as written (inject would normalise `%2e%2e`). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body: Buffer.concat(chunks).toString() }));
    });
    request.on('error', reject);
    // http.request keeps the path as given: no dot-segment removal, no re-encoding.
    request.path = path;
    request.end(body);
  });
}

beforeAll(async () => {
  world = await buildWorld();
  const [adminSession, , nobody] = world.sessions;
  if (!adminSession || !nobody) throw new Error('sessions missing');
  admin = adminSession;
  anonymous = nobody;
  base = await world.t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => world.t.close());

describe('the route decides, not the URL', () => {
  test('the document marks exactly the public routes, and every route is private otherwise', async () => {
    const document = z.object({ paths: z.record(z.string(), z.record(z.string(), z.object({ security: z.array(z.unknown()).optional() }))) })
      .parse((await world.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
    const marked = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).filter(([, operation]) => operation.security?.length === 0).map(([method]) => `${method.toUpperCase()} ${path}`));
    expect(marked.sort()).toEqual([...publicRoutes].sort());
  });

  test('every private route, however its path is spelled: 401 without a session, 403 without the CSRF header, nothing written', { timeout: 120_000 }, async () => {
    const before = await tableSnapshot(world.t.db);
    const wrong: string[] = [];
    let checked = 0;
    for (const operation of world.routes) {
      const route = `${operation.method} ${operation.path}`;
      const isPublic = publicRoutes.includes(route);
      for (const url of spellings(world.realPath(operation))) {
        const nobody = await formLike(anonymous, operation.method, url);
        const code = nobody.headers['content-type']?.toString().startsWith('application/problem+json') ? nobody.json<Problem>().code : '';
        if (isPublic ? nobody.statusCode === 401 : nobody.statusCode !== 401 || code !== 'unauthenticated') wrong.push(`anonymous ${route} ${url} → ${nobody.statusCode} ${code}`);
        if (!isPublic && unsafe.has(operation.method)) {
          const forged = await formLike(admin, operation.method, url);
          const forgedCode = forged.statusCode === 403 ? forged.json<Problem>().code : '';
          if (forgedCode !== 'csrf_failed') wrong.push(`no CSRF ${route} ${url} → ${forged.statusCode} ${forged.body.slice(0, 120)}`);
        }
        checked += 1;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(world.routes.length * 4);
    expect(await tableSnapshot(world.t.db)).toEqual(before);
  });

  test('a wrong CSRF token is refused like a missing one; the right one passes', async () => {
    const agentId = world.pools().ids('users')[0] ?? '';
    const url = `/api/%761/users/${agentId}/deactivate`;
    const forged = await world.t.app.inject({ method: 'POST', url, cookies: { cartera_session: admin.cookie }, headers: { 'x-csrf-token': `${admin.csrf}x` } });
    expect(forged.statusCode).toBe(403);
    const users = await countRows(world.t.db, 'users');
    expect((await world.send(admin, 'GET', '/api/%761/users/options')).statusCode).toBe(200);
    expect(await countRows(world.t.db, 'users')).toBe(users);
  });

  test('logout needs the CSRF header: without it the session lives on', async () => {
    const refused = await formLike(admin, 'POST', '/api/v1/auth/logout');
    expect(refused.statusCode).toBe(403);
    expect((await world.send(admin, 'GET', '/api/v1/me')).statusCode).toBe(200);
  });

  test('the pages a message reader opens stay public', async () => {
    for (const url of ['/mail/u/aaaaaaaaaaaaaaaaaaaaaaaa', '/mail/o/aaaaaaaaaaaaaaaaaaaaaaaa.gif', '/api/v1/quote-links/aaaaaaaaaaaaaaaaaaaaaaaa', '/api/openapi.json', '/api/docs']) {
      const response = await world.t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).not.toBe(401);
    }
    const unsubscribe = await world.t.app.inject({ method: 'POST', url: '/mail/u/aaaaaaaaaaaaaaaaaaaaaaaa', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(unsubscribe.statusCode).toBe(404);
  });
});

describe('over a real socket, as the attack was sent', () => {
  test('the reported requests are refused and change nothing', async () => {
    const before = await tableSnapshot(world.t.db);
    const cookie = `cartera_session=${admin.cookie}`;
    const accountId = world.pools().ids('accounts')[0] ?? '';
    const userId = world.pools().ids('users')[0] ?? '';
    for (const prefix of ['/api/%761', '/api/v%31', '/api/%76%31', '/api/v1']) {
      expect((await raw('GET', `${prefix}/users/options`)).status, prefix).toBe(401);
      expect((await raw('POST', `${prefix}/accounts`, { cookie, 'content-type': 'application/json' }, '{"kind":"organization","name":"Forjada"}')).status).toBe(403);
      expect((await raw('DELETE', `${prefix}/accounts/${accountId}`, { cookie })).status).toBe(403);
      expect((await raw('POST', `${prefix}/users/${userId}/deactivate`, { cookie, 'content-type': 'text/plain' }, 'x')).status).toBe(403);
    }
    expect(await tableSnapshot(world.t.db)).toEqual(before);
  });

  test.each([
    ['/api/v1/accounts/%2e%2e/users/options', 'es'],
    ['/api/v1/users%2foptions', 'en'],
    ['/api/v1/users%2Foptions', 'es'],
    ['/api/v1%5Cusers/options', 'en'],
    ['/api/v1/%5cusers', 'es'],
    ['/api/%2E%2E/api/v1/users/options', 'en'],
    ['/%2e%2e/%2e%2e/etc/passwd', 'es'],
  ])('an escaped separator or dot is refused outright: %s', async (path, language) => {
    const asked: Record<string, string> = { 'accept-language': language };
    for (const headers of [asked, { ...asked, cookie: `cartera_session=${admin.cookie}` }]) {
      const response = await raw('GET', path, headers);
      expect(response.status).toBe(400);
      expect(response.type).toMatch(/^application\/problem\+json/);
      const problem = z.object({ code: z.string(), detail: z.string() }).parse(JSON.parse(response.body));
      expect(problem.code).toBe('encoded_path');
      // The admin reads Spanish; the anonymous caller gets the language they asked for.
      const expected = headers.cookie !== undefined || language === 'es' ? 'La dirección' : 'The address';
      expect(problem.detail.startsWith(expected)).toBe(true);
    }
  });
});
