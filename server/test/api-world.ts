import type { LightMyRequestResponse } from 'fastify';
import { z } from 'zod';
import { csrfHeader } from '@contract/auth';
import type { Pools, Schema } from './hostile-arbitraries';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { multipartFile } from './multipart';
import { testApp, testPassword, type Client, type TestApp } from './test-app';

/**
 * A test app with a little of everything in it (two of each record, so every list has a second
 * page), the routes of its OpenAPI document, real ids for their path parameters and real cursors
 * for their lists: what tests that walk every route start from.
 */

/** A caller: a signed-in admin, a signed-in agent, or nobody (no cookie). */
export type Session = { name: 'admin' | 'agent' | 'anonymous'; cookie: string; csrf: string };
export type Operation = { method: string; path: string; parameters: Array<{ in: string; name: string; required: boolean; schema: Schema }>; body: Schema | null };

export type World = {
  t: TestApp;
  admin: Client;
  agent: Client;
  sessions: Session[];
  /** Every route of the OpenAPI document. */
  routes: Operation[];
  /** Real ids, list keys and (for a list route's path) real cursors. */
  pools: (path?: string) => Pools;
  /** Real ids (or list keys) a path parameter of the operation may take. */
  realIds: (operation: Operation, name: string) => string[];
  /** The operation's path with real ids in it. */
  realPath: (operation: Operation) => string;
  /** Sends a request as the session, with a raw body if one is given. */
  send: (session: Session, method: string, url: string, body?: { payload: string | Buffer; contentType: string }) => Promise<LightMyRequestResponse>;
};

const schemaLike = z.custom<Schema>((value) => typeof value === 'object' && value !== null);
const documentSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.object({
    parameters: z.array(z.object({ in: z.string(), name: z.string(), required: z.boolean().optional(), schema: schemaLike })).optional(),
    requestBody: z.object({ content: z.record(z.string(), z.object({ schema: schemaLike })) }).optional(),
  }))),
});

const idOf = (response: LightMyRequestResponse): string => {
  const parsed = z.object({ id: z.string() }).safeParse(response.json());
  if (!parsed.success) throw new Error(`no id in ${response.statusCode} ${response.body.slice(0, 200)}`);
  return parsed.data.id;
};

/** The kind of record a path parameter names: by its own name, else the collection just before it. */
function kindOfParameter(path: string, name: string): string {
  const byName: Record<string, string> = { personId: 'accounts', contactId: 'contacts', documentId: 'documents', traitId: 'any', relationshipId: 'any', tagId: 'tags', token: 'calendar' };
  if (byName[name]) return byName[name];
  const before = path.split(`{${name}}`)[0]?.split('/').filter((segment) => segment !== '' && !segment.startsWith('{')) ?? [];
  return before[before.length - 1] ?? 'any';
}

export async function buildWorld(): Promise<World> {
  const t = await testApp();
  const admin = await t.user({ role: 'admin', scope: 'all', language: 'es' });
  const agent = await t.user({ role: 'agent', scope: 'own', language: 'en' });
  const sessionOf = async (name: Session['name'], email: string): Promise<Session> => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: testPassword } });
    const cookie = response.cookies.find((c) => c.name === 'cartera_session')?.value ?? '';
    return { name, cookie, csrf: z.object({ csrfToken: z.string() }).parse(response.json()).csrfToken };
  };
  const asAdmin = await sessionOf('admin', admin.user.email);
  const sessions: Session[] = [asAdmin, await sessionOf('agent', agent.user.email), { name: 'anonymous', cookie: '', csrf: '' }];
  const send: World['send'] = (session, method, url, body) => t.app.inject({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).parse(method),
    url,
    cookies: session.cookie === '' ? {} : { cartera_session: session.cookie },
    headers: { [csrfHeader]: session.csrf, ...(body ? { 'content-type': body.contentType } : {}) },
    ...(body ? { payload: body.payload } : {}),
  });

  const ids = new Map<string, string[]>();
  const words: string[] = [];
  const cursors = new Map<string, string[]>();
  const remember = (kind: string, id: string | undefined) => {
    if (id) ids.set(kind, [...(ids.get(kind) ?? []), id]);
  };
  const pools = (path = ''): Pools => ({
    words,
    cursors: cursors.get(path) ?? [],
    ids: (hint) => {
      const all = [...ids.values()].flat();
      return hint === 'any' ? all : (ids.get(hint) ?? all);
    },
  });
  const realIds = (operation: Operation, name: string): string[] => (name === 'key' ? ['industry', ...words] : pools().ids(kindOfParameter(operation.path, name)));
  const realPath = (operation: Operation) => operation.path.replace(/\{(\w+)\}/g, (_, name: string) => realIds(operation, name)[0] ?? 'x');

  // Records of every kind the routes take ids of.
  const rawAsAdmin = (url: string, payload: string | Buffer, contentType: string) => send(asAdmin, 'POST', url, { payload, contentType });
  remember('users', (await t.user({ role: 'agent', scope: 'own' })).user.id);
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
    remember('documents', idOf(await rawAsAdmin(`/api/v1/accounts/${org.id}/documents`, upload.body, upload.headers['content-type'])));
    remember('imports', idOf(await rawAsAdmin('/api/v1/imports?fileName=a.csv&kind=organization', 'name,city\nAcme,Lima\n', 'text/csv')));    remember('opportunities', idOf(await admin.post('/api/v1/opportunities', {
      organizationId: org.id, name: `Trato ${n}`, amount: 1000 * n, currency: 'EUR', expectedCloseOn: '2027-01-01', people: [{ personId: person.id, role: 'user' }],
    })));
    remember('quotes', idOf(await admin.post('/api/v1/quotes', { accountId: org.id, lines: [{ description: `Línea ${n}`, quantity: 1, unitPrice: 100, taxRate: 21 }] })));
    remember('agreements', idOf(await admin.post('/api/v1/agreements', { organizationId: org.id, title: `Acuerdo ${n}`, type: 'nda', renewalRemindOn: '2027-06-01', value: { amount: 500 * n, currency: 'EUR' } })));
    remember('products', idOf(await admin.post('/api/v1/products', { code: `P-${n}`, name: `Producto ${n}`, kind: 'product', unit: 'unit', price: 100 * n, currency: 'EUR' })));
    const campaign = idOf(await admin.post('/api/v1/campaigns', { name: `Campaña ${n}`, price: 990, currency: 'EUR', startsOn: '2026-12-01', endsOn: '2027-01-31' }));
    remember('campaigns', campaign);
    for (const member of [org, person]) remember('members', idOf(await admin.post(`/api/v1/campaigns/${campaign}/members`, { accountId: member.id, status: 'converted' })));
  }
  for (const rate of z.object({ items: z.array(z.object({ id: z.string() })) }).parse((await admin.get('/api/v1/tax-rates')).json()).items) remember('tax-rates', rate.id);
  for (const template of z.object({ items: z.array(z.object({ id: z.string() })) }).parse((await admin.get('/api/v1/agreement-templates')).json()).items) remember('agreement-templates', template.id);
  // A finished "send agreement from template" job with two companies in its report (no mail is set up here to run one).
  const bulkJob = (await enqueueJob(t.db, { kind: 'agreements.bulk_send', payload: {}, createdBy: admin.user.id })).id;
  await t.db.updateTable('jobs').set({ status: 'done', finished_at: past }).where('id', '=', bulkJob).execute();
  for (const company of [org, agentsOwn]) {
    await t.db.insertInto('agreement_bulk_rows').values({ job_id: bulkJob, organization_id: company.id, outcome: 'no_email', agreement_id: null, reason: null, processed_at: past }).execute();
  }
  remember('bulk', bulkJob);
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

  const document = documentSchema.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
  const routes: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: (operation.parameters ?? []).map((p) => ({ in: p.in, name: p.name, required: p.required ?? false, schema: p.schema })),
      body: operation.requestBody?.content['application/json']?.schema ?? null,
    })));

  // Real next-page cursors of every list route, read as the admin one row at a time.
  for (const operation of routes.filter((route) => route.method === 'GET' && route.parameters.some((p) => p.name === 'cursor'))) {
    const page = z.object({ nextCursor: z.string().nullable() }).safeParse((await admin.get(`${realPath(operation)}?limit=1`)).json());
    if (page.success && page.data.nextCursor) cursors.set(operation.path, [page.data.nextCursor]);
  }
  return { t, admin, agent, sessions, routes, pools, realIds, realPath, send };
}
