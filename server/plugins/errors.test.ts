import net from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { problemSchema, type Language } from '@contract/common';
import type { ErrorCode } from '@server/lib/errors';
import { errorMessage } from '@server/lib/messages';
import { z } from 'zod';
import { csrfHeader } from '@contract/auth';
import { testApp, testPassword, type TestApp } from '@server/test/test-app';
import { countRows } from '@server/test/state';

/**
 * Every error is problem+json in the request's language, also those Fastify and Node raise before
 * a route runs: a malformed %-escape, an over-long path parameter or URL, headers past the limit,
 * bytes that are not HTTP, an unknown route, a body that is not JSON, too large, or of a type the
 * route does not read. The language is the signed-in user's, else what Accept-Language asks for.
 */

let t: TestApp;
let base: { host: string; port: number };
/** Cookie and CSRF header of a signed-in admin per language. */
const sessions = new Map<Language, Record<string, string>>();
const languages: Language[] = ['es', 'en'];

beforeAll(async () => {
  t = await testApp();
  for (const language of languages) {
    const { user } = await t.user({ role: 'admin', scope: 'all', language });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: testPassword } });
    const cookie = login.cookies.find((c) => c.name === 'cartera_session')?.value ?? '';
    sessions.set(language, { cookie: `cartera_session=${cookie}`, [csrfHeader]: z.object({ csrfToken: z.string() }).parse(login.json()).csrfToken });
  }
  const url = new URL(await t.app.listen({ port: 0, host: '127.0.0.1' }));
  base = { host: url.hostname, port: Number(url.port) };
});
afterAll(async () => t.close());

const signedIn = (language: Language): Record<string, string> => sessions.get(language) ?? {};

/** Checks a problem+json answer: its status, code and the message in the language. */
function expectTranslated(status: number, contentType: string, body: string, expected: { status: number; code: ErrorCode; language: Language }): void {
  expect({ status, contentType }).toEqual({ status: expected.status, contentType: expect.stringMatching(/^application\/problem\+json/) });
  const problem = problemSchema.parse(JSON.parse(body));
  expect(problem).toMatchObject({ status: expected.status, code: expected.code, detail: errorMessage(expected.language, expected.code) });
}

const check = (response: LightMyRequestResponse, expected: { status: number; code: ErrorCode; language: Language }) =>
  expectTranslated(response.statusCode, String(response.headers['content-type']), response.body, expected);

/** Bytes over a real socket, exactly as given; the whole answer back. */
function rawHttp(bytes: string): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(base.port, base.host);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString();
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), contentType: /^content-type:\s*(.*)$/im.exec(head)?.[1] ?? '', body });
    });
    socket.end(bytes);
  });
}

/** The same request anonymously asking for each language, and as a signed-in user of each. */
async function eachCaller(send: (headers: Record<string, string>) => Promise<LightMyRequestResponse>, status: number, code: ErrorCode) {
  for (const language of languages) {
    check(await send({ 'accept-language': language === 'en' ? 'en-GB,en;q=0.9' : 'es-ES' }), { status, code, language });
    // The user's own language wins over what the browser asks for.
    check(await send({ 'accept-language': language === 'en' ? 'es' : 'en', ...signedIn(language) }), { status, code, language });
  }
}

/** Sends to `url`; a body for a private route goes to the (public) login route when nobody is signed in. */
const inject = (method: 'GET' | 'POST', url: string, body?: { payload: string; contentType: string }) => (headers: Record<string, string>) =>
  t.app.inject({
    method,
    url: body && headers.cookie === undefined ? '/api/v1/auth/login' : url,
    headers: { ...headers, ...(body ? { 'content-type': body.contentType } : {}) },
    ...(body ? { payload: body.payload } : {}),
  });

describe('errors raised before any route runs', () => {
  test('a malformed %-escape in the path: 400 malformed_url', async () => {
    await eachCaller(inject('GET', '/api/v1/accounts/%ZZ'), 400, 'malformed_url');
    await eachCaller(inject('GET', '/api/v1/nothing/%E0%A4%A'), 400, 'malformed_url');
  });

  test('a path parameter past the limit: 414 uri_too_long', async () => {
    await eachCaller(inject('GET', `/api/v1/accounts/${'a'.repeat(500)}`), 414, 'uri_too_long');
  });

  test('an unknown route: 404 not_found, for anyone', async () => {
    await eachCaller(inject('GET', '/api/v1/nothing-here'), 404, 'not_found');
    await eachCaller(inject('POST', '/zzz'), 404, 'not_found');
  });
});

describe('bodies the route cannot read', () => {
  test('JSON that does not parse, or an empty JSON body: 400 validation_failed', async () => {
    await eachCaller(inject('POST', '/api/v1/tags', { payload: '{"name": ', contentType: 'application/json' }), 400, 'validation_failed');
    await eachCaller(inject('POST', '/api/v1/tags', { payload: '', contentType: 'application/json' }), 400, 'validation_failed');
  });

  test('a body past the limit: 413 payload_too_large; a type the route does not read: 415', async () => {
    const accounts = await countRows(t.db, 'accounts');
    await eachCaller(inject('POST', '/api/v1/accounts', { payload: JSON.stringify({ kind: 'organization', name: 'x'.repeat(2 * 1024 * 1024) }), contentType: 'application/json' }), 413, 'payload_too_large');
    await eachCaller(inject('POST', '/api/v1/accounts', { payload: '<name>Acme</name>', contentType: 'application/xml' }), 415, 'unsupported_media_type');
    expect(await countRows(t.db, 'accounts')).toBe(accounts);
  });
});

describe('over a real socket, what Node refuses before there is a request', () => {
  test.each(languages)('a URL past the header limit: 414 uri_too_long (%s)', async (language) => {
    const answer = await rawHttp(`GET /api/v1/accounts?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nAccept-Language: ${language}\r\n\r\n`);
    expectTranslated(answer.status, answer.contentType, answer.body, { status: 414, code: 'uri_too_long', language });
  });

  test.each(languages)('headers past the limit: 431 headers_too_large (%s)', async (language) => {
    const answer = await rawHttp(`GET /api/health HTTP/1.1\r\nHost: x\r\nAccept-Language: ${language}\r\nX-Filler: ${'b'.repeat(20_000)}\r\n\r\n`);
    expectTranslated(answer.status, answer.contentType, answer.body, { status: 431, code: 'headers_too_large', language });
  });

  test.each(languages)('bytes that are not HTTP: 400 bad_request (%s)', async (language) => {
    const answer = await rawHttp(`GET /api/health HTTP/1.1\r\nHost: x\r\nAccept-Language: ${language}\r\nBad Header\r\n\r\n`);
    expectTranslated(answer.status, answer.contentType, answer.body, { status: 400, code: 'bad_request', language });
  });

  test('a malformed escape over the socket, as curl --path-as-is sends it', async () => {
    const answer = await rawHttp('GET /api/v1/accounts/%ZZ HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\nConnection: close\r\n\r\n');
    expectTranslated(answer.status, answer.contentType, answer.body, { status: 400, code: 'malformed_url', language: 'en' });
  });
});
