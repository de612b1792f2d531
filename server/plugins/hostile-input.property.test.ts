import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { buildWorld, type Operation, type Session, type World } from '@server/test/api-world';
import { encodeComponent, hostileText, objectFor, queryValueFor, toJson, valueFor, type Mode, type Pools } from '@server/test/hostile-arbitraries';

/**
 * Every route of the OpenAPI document, as an admin, an agent and nobody, with hostile text,
 * numbers and cursors in its path, query and body (from the documented schemas, mixed with real
 * ids and real cursors so requests reach the database): no answer is a 5xx, and every 4xx is
 * problem+json. Runs on the dialect under test, with a fixed seed and fixed runs per route.
 */

const seed = 20_261_201;
/** Runs per route and caller: the admin reaches every route's database work; the agent and nobody are mostly refused (cheap). */
const runsPerRoute = { admin: 6, agent: 3, anonymous: 2 };

type Input = { params: Record<string, string>; query: Array<[string, string]>; body: unknown; sendBody: boolean };

// Logging out ends the caller's session and takes no input; the auth tests own it.
const skipped = new Set(['POST /api/v1/auth/logout']);
// Signing in replaces the caller's session (by design): it is tried without one.
const anonymousOnly = new Set(['POST /api/v1/auth/login']);

let world: World;

/** Path parameters: real ids of the right kind mostly, else ids of nothing, or hostile text. */
function paramsFor(operation: Operation, pool: Pools, mode: Mode): fc.Arbitrary<Record<string, string>> {
  const parameters = operation.parameters.filter((p) => p.in === 'path');
  return fc.tuple(...parameters.map((p) => {
    const real = fc.constantFrom(...world.realIds(operation, p.name));
    const strange = fc.oneof(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', '..', '.', '%2F', '1e308', '-0'), hostileText(true));
    const value = mode === 'fit' ? real : fc.oneof({ arbitrary: real, weight: 1 }, { arbitrary: strange, weight: 2 });
    return value.map((picked): [string, string] => [p.name, picked]);
  })).map((entries) => Object.fromEntries(entries));
}

/** Query parameters, each sent or not; `focus` is always sent and mixed while the rest fit. */
function queryFor(operation: Operation, pool: Pools, mode: Mode, focus?: string): fc.Arbitrary<Array<[string, string]>> {
  const parameters = operation.parameters.filter((p) => p.in === 'query' && (mode === 'mixed' || p.name !== 'cursor' || pool.cursors.length > 0));
  return fc.tuple(...parameters.map((p) => {
    const own: Mode = p.name === focus ? 'mixed' : mode;
    return fc.tuple(fc.integer({ min: 0, max: 9 }), queryValueFor(p.schema, pool, p.name, own), fc.boolean()).map(([roll, value, twice]): Array<[string, string]> => {
      // Optional parameters are sent more often than not; the focus, and a cursor where the route has real ones, nearly always.
      const odds = p.name === focus ? 10 : p.required || (p.name === 'cursor' && pool.cursors.length > 0) ? 9 : 6;
      if (roll >= odds) return [];
      // Sometimes the same parameter twice: a query parser then hands over an array.
      return own === 'mixed' && twice && roll === 0 ? [[p.name, value], [p.name, value]] : [[p.name, value]];
    });
  })).map((lists) => lists.flat());
}

/**
 * A request's parts: sometimes everything hostile at once, more often one hostile part (a query
 * parameter, a body property or a path parameter) among fitting ones, which gets further in.
 */
function inputFor(operation: Operation): fc.Arbitrary<Input> {
  const pool = world.pools(operation.path);
  const body = (mode: Mode, focus?: string) => operation.body
    ? (focus !== undefined ? objectFor(operation.body, pool, 'fit', focus) : valueFor(operation.body, pool, mode))
    : fc.constant(undefined);
  const build = (params: fc.Arbitrary<Record<string, string>>, query: fc.Arbitrary<Array<[string, string]>>, sent: fc.Arbitrary<unknown>, mode: Mode) =>
    fc.record({ params, query, body: sent, sendBody: fc.integer({ min: 0, max: 9 }).map((roll) => (operation.body !== null ? mode === 'fit' || roll < 9 : roll < 2)) });
  const queryNames = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const bodyKeys = Object.keys(operation.body?.properties ?? {});
  const focused: Array<fc.Arbitrary<Input>> = [
    ...queryNames.map((name) => build(paramsFor(operation, pool, 'fit'), queryFor(operation, pool, 'fit', name), body('fit'), 'fit')),
    ...bodyKeys.map((key) => build(paramsFor(operation, pool, 'fit'), queryFor(operation, pool, 'fit'), body('fit', key), 'fit')),
  ];
  if (operation.parameters.some((p) => p.in === 'path')) focused.push(build(paramsFor(operation, pool, 'mixed'), queryFor(operation, pool, 'fit'), body('fit'), 'fit'));
  const everything = build(paramsFor(operation, pool, 'mixed'), queryFor(operation, pool, 'mixed'), body('mixed'), 'mixed');
  const fitting = build(paramsFor(operation, pool, 'fit'), queryFor(operation, pool, 'fit'), body('fit'), 'fit');
  return fc.oneof(
    { arbitrary: everything, weight: 2 },
    { arbitrary: fitting, weight: 1 },
    ...(focused.length > 0 ? [{ arbitrary: fc.oneof(...focused), weight: 4 }] : []),
  );
}

function urlOf(operation: Operation, input: Input): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeComponent(input.params[name] ?? ''));
  const query = input.query.map(([key, value]) => `${encodeComponent(key)}=${encodeComponent(value)}`).join('&');
  return query === '' ? path : `${path}?${query}`;
}

/** What is wrong with an answer: a 5xx, or a 4xx that is not problem+json with its status and a code. */
function defectOf(response: LightMyRequestResponse): string | null {
  if (response.statusCode >= 500) return `${response.statusCode} ${response.body.slice(0, 300)}`;
  if (response.statusCode < 400) return null;
  if (!/^application\/problem\+json/.test(String(response.headers['content-type']))) return `${response.statusCode} not problem+json: ${response.body.slice(0, 200)}`;
  const problem = z.object({ status: z.number(), code: z.string().min(1), detail: z.string().min(1) }).safeParse(response.json());
  if (!problem.success || problem.data.status !== response.statusCode) return `${response.statusCode} malformed problem: ${response.body.slice(0, 200)}`;
  return null;
}

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => world.t.close());

/** Sends one generated request as the session; a defect found is added to the list. */
async function send(operation: Operation, session: Session, input: Input, defects: string[]): Promise<void> {
  const url = urlOf(operation, input);
  const body = input.sendBody && input.body !== undefined ? toJson(input.body) : undefined;
  const response = await world.send(session, operation.method, url, input.sendBody ? { payload: body ?? '', contentType: 'application/json' } : undefined);
  const defect = defectOf(response);
  if (defect) defects.push(`${session.name} ${operation.method} ${url.slice(0, 300)} ${(body ?? '').slice(0, 300)} → ${defect}`);
}

describe('hostile input on every route of the OpenAPI document', () => {
  test('no 5xx, and every 4xx is problem+json: as an admin, an agent and nobody', { timeout: 120_000 }, async () => {
    const routes = world.routes.filter((operation) => !skipped.has(`${operation.method} ${operation.path}`));
    expect(routes.length).toBeGreaterThan(90);
    // Every list of the issue (bin, imports, requests, activities, tags, saved views) is forged from a real cursor.
    for (const list of ['/bin', '/imports', '/requests', '/activities', '/tags', '/saved-views']) expect(world.pools(`/api/v1${list}`).cursors, list).not.toEqual([]);
    const defects: string[] = [];
    let sent = 0;
    for (const [index, operation] of routes.entries()) {
      const route = `${operation.method} ${operation.path}`;
      for (const session of world.sessions) {
        const numRuns = anonymousOnly.has(route) ? (session.name === 'anonymous' ? runsPerRoute.admin : 0) : runsPerRoute[session.name];
        if (numRuns === 0) continue;
        await fc.assert(fc.asyncProperty(inputFor(operation), async (input) => send(operation, session, input, defects)), { seed: seed + index, numRuns });
        sent += numRuns;
      }
    }
    expect(defects).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * (runsPerRoute.admin + runsPerRoute.agent));
    // The sessions lived through it: the run tested the routes, not the login page.
    for (const session of world.sessions.filter((candidate) => candidate.name !== 'anonymous')) {
      expect((await world.send(session, 'GET', '/api/v1/me')).statusCode).toBe(200);
    }
  });
});
