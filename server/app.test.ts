import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectProblem } from '@server/test/state';

let t: TestApp;
let user: Client;

beforeAll(async () => {
  t = await testApp();
  user = await t.user({ role: 'agent', language: 'en' });
});

afterAll(async () => {
  await t.close();
});

type OpenApi = { openapi: string; info: { title: string }; servers?: Array<{ url: string }>; paths: Record<string, Record<string, unknown>> };

describe('probes and documentation', () => {
  test('GET /api/health answers without a session and names the dialect', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ status: string; dialect: string }>()).toEqual({ status: 'ok', dialect: t.dialect });
  });

  test('/api/openapi.json is an OpenAPI 3 document with our paths and methods', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<OpenApi>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Cartera API');
    const expected: Array<[string, string]> = [
      ['/auth/login', 'post'], ['/me', 'get'], ['/me', 'patch'], ['/users', 'post'],
      ['/accounts', 'get'], ['/accounts', 'post'], ['/accounts/{id}', 'patch'],
      ['/accounts/{id}/owners', 'put'], ['/accounts/{id}/timeline', 'get'],
      ['/accounts/{id}/contacts', 'post'], ['/accounts/{id}/contacts/{contactId}', 'delete'],
      ['/bin', 'get'], ['/bin/accounts/{id}/restore', 'post'], ['/teams', 'get'],
    ];
    // Paths are absolute (no server prefix), so the probe outside /api/v1 is right too.
    expect(doc.servers).toBeUndefined();
    for (const [path, method] of expected) expect(doc.paths[`/api/v1${path}`]?.[method], `${method} ${path}`).toBeDefined();
    expect(doc.paths['/api/health']?.get).toBeDefined();
    // The request schemas made it into the document, not just the paths.
    expect(JSON.stringify(doc.paths['/api/v1/accounts']?.post)).toContain('firstName');
  });

  test('/api/docs answers with the browsable docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(response.statusCode);
    const page = response.statusCode === 302
      ? await t.app.inject({ method: 'GET', url: String(response.headers.location).startsWith('/') ? String(response.headers.location) : `/api/docs/${String(response.headers.location)}` })
      : response;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('security headers', () => {
  test.each(['/api/health', '/api/v1/accounts', '/api/v1/nope'])('%s carries CSP without inline script, no framing, nosniff', async (url) => {
    const response = await t.app.inject({ method: 'GET', url });
    const csp = String(response.headers['content-security-policy']);
    const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name = '', ...values] = d.split(/\s+/);
      return [name, values] as const;
    }));
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(scriptSrc.length).toBeGreaterThan(0);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  test('JSON answers of the API allow nothing and skip the headers only documents use; pages keep them', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/accounts' });
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(api.headers['referrer-policy']).toBe('no-referrer');
    expect(api.headers['cross-origin-opener-policy']).toBeUndefined();
    const page = await t.app.inject({ method: 'GET', url: '/accounts' });
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  });
});

describe('errors', () => {
  const noStack = (body: string) => {
    expect(body).not.toMatch(/\bat\s+\S+\s+\(|\.ts:\d+|node_modules|stack/i);
  };

  test('an unknown /api route is a problem+json 404, in the request\'s language', async () => {
    const signedIn = expectProblem(await user.get('/api/v1/nothing-here'), 404, 'not_found');
    expect(signedIn.detail).toBe('Not found.');
    expect(signedIn.title).toBe('Not found');
    const es = expectProblem(await t.app.inject({ method: 'GET', url: '/api/zzz' }), 404, 'not_found');
    expect(es.detail).toBe('No se ha encontrado.');
    // Sign-in is decided by the matched route, so a path that matches none is a 404 for anyone
    // (the API document, public, lists every route anyway); a real route still asks to sign in.
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'not_found');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/accounts' }), 401, 'unauthenticated');
  });

  test('a malformed JSON body is a 400 problem, not a 500, and leaks no parser internals', async () => {
    const response = await user.request('POST', '/api/v1/accounts', undefined, { 'content-type': 'application/json' });
    const empty = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": "a@b.c", "password": ',
    });
    const problem = expectProblem(empty, 400, 'validation_failed');
    noStack(empty.body);
    expect(problem.detail).not.toMatch(/JSON|Unexpected/);
    // An empty body declared as JSON, through a signed-in session.
    expectProblem(response, 400, 'validation_failed');
  });

  test('a body of the wrong type or too large gets its own code', async () => {
    const form = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<email>a</email>' });
    expectProblem(form, 415, 'unsupported_media_type');
    const huge = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expectProblem(huge, 413, 'payload_too_large');
  });

  test('no error body ever carries a stack trace', async () => {
    const responses = await Promise.all([
      t.app.inject({ method: 'GET', url: '/api/v1/accounts/not-a-uuid', cookies: {} }),
      user.get('/api/v1/accounts/not-a-uuid'),
      user.get('/api/v1/accounts?cursor=%%%'),
      user.post('/api/v1/accounts', { kind: 'organization', name: 42 }),
      user.request('PATCH', '/api/v1/accounts/01900000-0000-7000-8000-000000000000', { version: 1 }, { 'if-match': 'garbage' }),
      user.get('/api/v1/bin'),
    ]);
    for (const response of responses) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      noStack(response.body);
    }
  });
});
