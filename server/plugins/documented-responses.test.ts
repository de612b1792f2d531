import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Problem } from '@contract/common';
import { buildWorld, type Operation, type Session, type World } from '@server/test/api-world';
import { encodeComponent, objectFor, queryValueFor, toJson } from '@server/test/hostile-arbitraries';

/**
 * The OpenAPI document matches what the routes answer: every route of it is asked as a client
 * would (nobody, a write without the CSRF header, an unknown field, ids of nothing, the agent, and
 * the admin with fitting input until it succeeds), and every status it answers is one the document
 * lists for it. The test suites also refuse undocumented statuses on every request they send
 * (documented-responses.ts), so a route's rarer answers are held to the document too.
 */

const seed = 20_261_211;
const fittingTries = 12;
const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Last, in this order: they end the admin's session or take away records the others read.
const lastOf = (operation: Operation): number => {
  if (operation.path === '/api/v1/auth/logout') return 4;
  if (operation.method === 'DELETE' && operation.path === '/api/v1/accounts/{id}') return 3;
  return operation.method === 'DELETE' || /purge|deactivate|undo/.test(operation.path) ? 2 : 1;
};

let world: World;
let documented: Map<string, Set<string>>;

const documentSchema = z.object({ paths: z.record(z.string(), z.record(z.string(), z.object({ responses: z.record(z.string(), z.unknown()) }))) });

beforeAll(async () => {
  world = await buildWorld();
  const document = documentSchema.parse((await world.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
  documented = new Map(Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, new Set(Object.keys(operation.responses))])));
}, 120_000);
afterAll(async () => world.t.close());

const sessionOf = (name: Session['name']): Session => {
  const found = world.sessions.find((session) => session.name === name);
  if (!found) throw new Error(`no ${name} session`);
  return found;
};

const urlOf = (operation: Operation, params: Record<string, string>, query: Array<[string, string]>): string => {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeComponent(params[name] ?? ''));
  return query.length === 0 ? path : `${path}?${query.map(([key, value]) => `${encodeComponent(key)}=${encodeComponent(value)}`).join('&')}`;
};

/** Fitting inputs for the operation, from its documented schemas, with real ids in its path. */
function fittingInputs(operation: Operation, index: number): Array<{ url: string; body: string | undefined }> {
  const pool = world.pools(operation.path);
  const params = Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, world.realIds(operation, p.name)[0] ?? 'x']));
  const query = fc.tuple(...operation.parameters.filter((p) => p.in === 'query').map((p) =>
    fc.tuple(fc.boolean(), queryValueFor(p.schema, pool, p.name, 'fit')).map(([sent, value]): Array<[string, string]> =>
      (sent || p.required) && p.name !== 'cursor' ? [[p.name, value]] : [])))
    .map((lists) => lists.flat());
  const body = operation.body ? objectFor(operation.body, pool, 'fit').map((value) => toJson(value)) : fc.constant(undefined);
  // The first try sends only what is required: the likeliest to succeed.
  const bare = { url: urlOf(operation, params, operation.parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, fc.sample(queryValueFor(p.schema, pool, p.name, 'fit'), { seed, numRuns: 1 })[0] ?? ''])), body: operation.body ? '{}' : undefined };
  const generated = fc.sample(fc.record({ query, body }), { seed: seed + index, numRuns: fittingTries });
  return [bare, ...generated.map((input) => ({ url: urlOf(operation, params, input.query), body: input.body }))];
}

describe('the OpenAPI document lists every status a route answers', () => {
  test('success and the common refusals of every route are documented', { timeout: 240_000 }, async () => {
    const routes = [...world.routes].sort((a, b) => lastOf(a) - lastOf(b));
    expect(routes.length).toBeGreaterThan(90);
    const undocumented: string[] = [];
    const neverSucceeded: string[] = [];
    const missingRefusals: string[] = [];
    for (const [index, operation] of routes.entries()) {
      const route = `${operation.method} ${operation.path}`;
      const listed = documented.get(route) ?? new Set<string>();
      const ask = async (session: Session, url: string, body?: string, csrf = true): Promise<LightMyRequestResponse> => {
        const response = await world.send(csrf ? session : { ...session, csrf: '' }, operation.method, url, body === undefined ? undefined : { payload: body, contentType: 'application/json' });
        if (!listed.has(String(response.statusCode))) undocumented.push(`${route} as ${session.name}: ${response.statusCode} ${response.body.slice(0, 160)}`);
        return response;
      };
      const expectRefusal = (response: LightMyRequestResponse, status: number, code: string, what: string) => {
        const problem = response.statusCode === status ? response.json<Problem>() : null;
        if (problem?.code !== code) missingRefusals.push(`${route} ${what}: ${response.statusCode} ${response.body.slice(0, 160)}`);
      };
      const isPublic = route === 'POST /api/v1/auth/login' || route === 'GET /api/health' || route.includes('/setup') || route.includes('/calendar/{token}');
      const plain = world.realPath(operation);
      const emptyBody = operation.body ? '{}' : undefined;

      const nobody = await ask(sessionOf('anonymous'), plain, emptyBody);
      if (!isPublic) expectRefusal(nobody, 401, 'unauthenticated', 'anonymous');
      if (isPublic || route === 'POST /api/v1/auth/logout') continue;
      const admin = sessionOf('admin');
      if (writes.has(operation.method)) expectRefusal(await ask(admin, plain, emptyBody, false), 403, 'csrf_failed', 'without CSRF');
      // A field the contract does not know is refused by name, in the body or the query string.
      if (operation.body?.type === 'object') {
        const unknown = await ask(admin, plain, JSON.stringify({ notAField: 1 }));
        if (unknown.statusCode !== 404) expectRefusal(unknown, 400, 'validation_failed', 'with an unknown body field');
      }
      if (operation.method === 'GET') {
        const unknown = await ask(admin, `${plain}?notAField=1`);
        if (unknown.statusCode !== 404) expectRefusal(unknown, 400, 'validation_failed', 'with an unknown query field');
      }
      const idParams = operation.parameters.filter((p) => p.in === 'path' && p.schema.format === 'uuid');
      if (idParams.length > 0) {
        const nothing = Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.schema.format === 'uuid' ? '0193a000-0000-7000-8000-000000000000' : world.realIds(operation, p.name)[0] ?? 'x']));
        await ask(admin, urlOf(operation, nothing, []), emptyBody);
      }
      const inputs = fittingInputs(operation, index);
      const first = inputs[0];
      if (first) await ask(sessionOf('agent'), first.url, first.body);
      let succeeded = false;
      for (const input of inputs) {
        const response = await ask(admin, input.url, input.body);
        if (response.statusCode < 300) {
          succeeded = true;
          break;
        }
      }
      if (!succeeded) neverSucceeded.push(route);
    }
    expect(undocumented).toEqual([]);
    expect(missingRefusals).toEqual([]);
    // Input generated from the document alone reaches success on most routes; the others need
    // meaning a schema does not carry (a current version, an organization's own fields, a file,
    // a registry account), and their successes are held to the document by the API tests that
    // make them (every test suite refuses an undocumented status).
    expect(routes.length - neverSucceeded.length, neverSucceeded.join('\n')).toBeGreaterThan(routes.length / 2);
  });

  test('an unknown field is named in the refusal, in Spanish and English', async () => {
    const [admin, agent] = world.sessions;
    if (!admin || !agent) throw new Error('sessions missing');
    const body = JSON.stringify({ kind: 'organization', name: 'Con país', country: 'ES', addresses: { visit: { city: 'Lugo', zip: '27001' } } });
    const spanish = await world.send(admin, 'POST', '/api/v1/accounts', { payload: body, contentType: 'application/json' });
    expect(spanish.statusCode).toBe(400);
    expect(spanish.json<Problem>()).toMatchObject({ code: 'validation_failed' });
    expect(spanish.json<Problem>().errors?.sort((a, b) => b.field.localeCompare(a.field))).toEqual([
      { field: 'country', code: 'unknown_field', message: 'Campo no admitido.' },
      { field: 'addresses.visit.zip', code: 'unknown_field', message: 'Campo no admitido.' },
    ]);
    const english = await world.send(agent, 'GET', '/api/v1/accounts?tagIds=x');
    expect(english.json<Problem>()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'querystring.tagIds', code: 'unknown_field', message: 'Field not accepted.' }] });
    const requests = await world.send(agent, 'GET', '/api/v1/requests?onlyLatest=true');
    expect(requests.json<Problem>().errors).toEqual([{ field: 'querystring.onlyLatest', code: 'unknown_field', message: 'Field not accepted.' }]);
    // The field the contract does know still works.
    expect((await world.send(agent, 'GET', '/api/v1/requests?latestOnly=true')).statusCode).toBe(200);
  });
});
