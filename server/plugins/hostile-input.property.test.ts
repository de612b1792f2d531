import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { csrfHeader } from '@contract/auth';
import { encodeComponent, hostileText, objectFor, queryValueFor, toJson, valueFor, type Mode, type Pools, type Schema } from '@server/test/hostile-arbitraries';
import { multipartFile } from '@server/test/multipart';
import { testApp, testPassword, type Client, type TestApp } from '@server/test/test-app';

/**
 * Every route of the OpenAPI document, as an admin and as an agent, with hostile text, numbers
 * and cursors in its path, query and body (from the documented schemas, mixed with real ids so
 * requests reach the database): no answer is a 5xx, and every 4xx is problem+json. Runs on the
 * dialect under test, with a fixed seed and a fixed number of runs per route.
 */

const seed = 20_261_201;
/** Runs per route and caller: the admin reaches every route's database work; the agent and nobody are mostly refused (cheap). */
const runsPerRoute = { admin: 6, agent: 3, anonymous: 2 };

type Session = { name: 'admin' | 'agent' | 'anonymous'; cookie: string; csrf: string };
type Operation = { method: string; path: string; parameters: Array<{ in: string; name: string; required: boolean; schema: Schema }>; body: Schema | null };
type Input = { params: Record<string, string>; query: Array<[string, string]>; body: unknown; sendBody: boolean };

const parameterSchema = z.object({ in: z.string(), name: z.string(), required: z.boolean().optional(), schema: z.custom<Schema>((value) => typeof value === 'object') });
const operationSchema = z.object({
  parameters: z.array(parameterSchema).optional(),
  requestBody: z.object({ content: z.record(z.string(), z.object({ schema: z.custom<Schema>((value) => typeof value === 'object') })) }).optional(),
});
const documentSchema = z.object({ paths: z.record(z.string(), z.record(z.string(), operationSchema)) });

// Logging out ends the caller's session and takes no input; the auth tests own it.
const skipped = new Set(['POST /api/v1/auth/logout']);
// Signing in replaces the caller's session (by design): it is tried without one.
const anonymousOnly = new Set(['POST /api/v1/auth/login']);

let t: TestApp;
let admin: Client;
let agent: Client;
const sessions: Session[] = [];
const ids = new Map<string, string[]>();
const words: string[] = [];
const cursors = new Map<string, string[]>();

const remember = (kind: string, id: string | undefined) => {
  if (id) ids.set(kind, [...(ids.get(kind) ?? []), id]);
};
const idOf = (response: LightMyRequestResponse): string => {
  const parsed = z.object({ id: z.string() }).safeParse(response.json());
  if (!parsed.success) throw new Error(`no id in ${response.statusCode} ${response.body.slice(0, 200)}`);
  return parsed.data.id;
};

async function sessionOf(name: Session['name'], email: string): Promise<Session> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: testPassword } });
  const cookie = response.cookies.find((c) => c.name === 'cartera_session')?.value ?? '';
  return { name, cookie, csrf: z.object({ csrfToken: z.string() }).parse(response.json()).csrfToken };
}

/** Real records of every kind the routes take ids of (two of each, so every list has a second page). */
async function seedRecords(): Promise<void> {
  const victim = await t.user({ role: 'agent', scope: 'own' });
  remember('users', victim.user.id);
  remember('teams', idOf(await admin.post('/api/v1/teams', { name: 'Equipo Sur' })));
  const org = await t.account(admin, { kind: 'organization', name: 'Hostil S.A.' });
  const person = await t.account(admin, { kind: 'person', firstName: 'Ana' });
  const agentsOwn = await t.account(agent, { kind: 'organization', name: 'De la agente' });
  for (const account of [org, person, agentsOwn]) remember('accounts', account.id);
  remember('contacts', idOf(await admin.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: person.id })));
  const past = new Date(Date.now() - 3_600_000).toISOString();
  for (const n of [1, 2]) {
    const binned = await t.account(admin, { kind: 'organization', name: `A la papelera ${n}` });
    await admin.delete(`/api/v1/accounts/${binned.id}`);
    remember('accounts', binned.id);
    const tag = idOf(await admin.post('/api/v1/tags', { name: `Feria ${n}` }));
    remember('tags', tag);
    await admin.put(`/api/v1/accounts/${org.id}/tags/${tag}`);
    remember('saved-views', idOf(await admin.post('/api/v1/saved-views', { name: `Mía ${n}`, query: {}, columns: ['stage'] })));
    remember('requests', idOf(await admin.post('/api/v1/requests', { accountId: org.id, requestedAt: past })));
    const activity = { accountId: org.id, type: 'call', subject: `Llamar ${n}`, startAt: past, dueAt: past, remindAt: new Date(Date.now() + 86_400_000).toISOString(), responsibleId: admin.user.id };
    remember('activities', idOf(await admin.post('/api/v1/activities', activity)));
    const upload = multipartFile(`oferta-${n}.txt`, 'hola');
    remember('documents', idOf(await asAdmin('POST', `/api/v1/accounts/${org.id}/documents`, upload.body, upload.headers['content-type'])));
    remember('imports', idOf(await asAdmin('POST', '/api/v1/imports?fileName=a.csv&kind=organization', 'name,city\nAcme,Lima\n', 'text/csv')));
  }
  const item = z.object({ id: z.string(), key: z.string() });
  const lists = z.object({ lists: z.record(z.string(), z.array(item)) }).parse((await admin.get('/api/v1/lists')).json()).lists;
  for (const [listKey, items] of Object.entries(lists)) {
    words.push(listKey);
    for (const entry of items) {
      remember('items', entry.id);
      words.push(entry.key);
    }
  }
  const feed = z.object({ url: z.string() }).safeParse((await admin.post('/api/v1/me/calendar-feed')).json());
  if (feed.success) remember('calendar', feed.data.url.split('/').pop());
}

/** Real next-page cursors of every list route, read as the admin one row at a time, for forging from. */
async function collectCursors(routes: Operation[]): Promise<void> {
  for (const operation of routes.filter((route) => route.method === 'GET' && route.parameters.some((p) => p.name === 'cursor'))) {
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => pools().ids(kindOfParameter(operation.path, name))[0] ?? '');
    const page = z.object({ nextCursor: z.string().nullable() }).safeParse((await admin.get(`${path}?limit=1`)).json());
    if (page.success && page.data.nextCursor) cursors.set(operation.path, [page.data.nextCursor]);
  }
}

/** A raw body (a file, a CSV) sent as the admin. */
const asAdmin = (method: 'POST', url: string, payload: Buffer | string, contentType: string) => {
  const session = sessions[0];
  return t.app.inject({ method, url, payload, headers: { 'content-type': contentType, [csrfHeader]: session?.csrf ?? '' }, cookies: { cartera_session: session?.cookie ?? '' } });
};

/** Real ids for a path parameter: by the collection the path names before it, or the parameter's own name. */
function pools(path = ''): Pools {
  return {
    words,
    cursors: cursors.get(path) ?? [],
    ids: (hint) => {
      if (hint === 'any') return [...ids.values()].flat();
      const found = ids.get(hint) ?? [];
      return found.length > 0 ? found : [...ids.values()].flat();
    },
  };
}

function kindOfParameter(path: string, name: string): string {
  const byName: Record<string, string> = { contactId: 'contacts', documentId: 'documents', traitId: 'any', relationshipId: 'any', tagId: 'tags', token: 'calendar' };
  if (byName[name]) return byName[name];
  const before = path.split(`{${name}}`)[0]?.split('/').filter((segment) => segment !== '' && !segment.startsWith('{')) ?? [];
  return before[before.length - 1] ?? 'any';
}

function operations(document: z.infer<typeof documentSchema>): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: (operation.parameters ?? []).map((p) => ({ in: p.in, name: p.name, required: p.required ?? false, schema: p.schema })),
      body: operation.requestBody?.content['application/json']?.schema ?? null,
    })));
}

/** Path parameters: real ids of the right kind mostly, else ids of nothing, or hostile text. */
function paramsFor(operation: Operation, pool: Pools, mode: Mode): fc.Arbitrary<Record<string, string>> {
  const parameters = operation.parameters.filter((p) => p.in === 'path');
  return fc.tuple(...parameters.map((p) => {
    const real = p.name === 'key' ? fc.constantFrom(...(words.length > 0 ? words : ['stage'])) : fc.constantFrom(...pool.ids(kindOfParameter(operation.path, p.name)));
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
  const pool = pools(operation.path);
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
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all', language: 'es' });
  agent = await t.user({ role: 'agent', scope: 'own', language: 'en' });
  sessions.push(await sessionOf('admin', admin.user.email), await sessionOf('agent', agent.user.email), { name: 'anonymous', cookie: '', csrf: '' });
  await seedRecords();
});
afterAll(async () => t.close());

/** Sends one generated request as the session; a defect found is added to the list. */
async function send(operation: Operation, session: Session, input: Input, defects: string[]): Promise<void> {
  const url = urlOf(operation, input);
  const body = input.sendBody && input.body !== undefined ? toJson(input.body) : undefined;
  const response = await t.app.inject({
    method: operation.method,
    url,
    cookies: session.cookie === '' ? {} : { cartera_session: session.cookie },
    headers: { [csrfHeader]: session.csrf, ...(input.sendBody ? { 'content-type': 'application/json' } : {}) },
    ...(body === undefined ? {} : { payload: body }),
  });
  const defect = defectOf(response);
  if (defect) defects.push(`${session.name} ${operation.method} ${url.slice(0, 300)} ${(body ?? '').slice(0, 300)} → ${defect}`);
}

describe('hostile input on every route of the OpenAPI document', () => {
  test('no 5xx, and every 4xx is problem+json: as an admin, an agent and nobody', { timeout: 120_000 }, async () => {
    const document = documentSchema.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
    const routes = operations(document).filter((operation) => !skipped.has(`${operation.method} ${operation.path}`));
    expect(routes.length).toBeGreaterThan(90);
    await collectCursors(routes);
    // Every list of the issue (bin, imports, requests, activities, tags, saved views) is forged from a real cursor.
    for (const list of ['/bin', '/imports', '/requests', '/activities', '/tags', '/saved-views']) expect(cursors.has(`/api/v1${list}`), list).toBe(true);
    const defects: string[] = [];
    let sent = 0;
    for (const [index, operation] of routes.entries()) {
      const route = `${operation.method} ${operation.path}`;
      for (const session of sessions) {
        const numRuns = anonymousOnly.has(route) ? (session.cookie === '' ? runsPerRoute.admin : 0) : runsPerRoute[session.name];
        if (numRuns === 0) continue;
        await fc.assert(fc.asyncProperty(inputFor(operation), async (input) => send(operation, session, input, defects)), { seed: seed + index, numRuns });
        sent += numRuns;
      }
    }
    expect(defects).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * (runsPerRoute.admin + runsPerRoute.agent) - 20);
    // The sessions lived through it: the run tested the routes, not the login page.
    for (const session of sessions.filter((candidate) => candidate.cookie !== '')) {
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { cartera_session: session.cookie } });
      expect(me.statusCode).toBe(200);
    }
  });
});
