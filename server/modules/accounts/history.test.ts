import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem, TimelineBatch, TimelineEntry, TimelineItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Import } from '@contract/imports';
import { JobWorker } from '@server/jobs/worker';
import { expectProblem, uniqueWord } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

// Issue 17.3: a history a person can read. What one import or bulk action wrote on an account is
// one expandable item; a contact entry says who; the history filters by kind; and the portfolio
// rule holds inside groups (no hidden name, no hidden count).

let t: TestApp;
let admin: Client;
let agent: Client;
let other: Client;
let worker: JobWorker;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
  other = await t.user({ role: 'agent', scope: 'own' });
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
});

afterAll(async () => {
  await worker.stop();
  await t.close();
});

const history = async (client: Client, id: string, query = ''): Promise<ListResponse<TimelineItem>> => {
  const response = await client.get(`/api/v1/accounts/${id}/timeline${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ListResponse<TimelineItem>>();
};

/** Every item of a history, page by page along its keyset cursor. */
async function allPages(client: Client, id: string, query: string, limit: number): Promise<TimelineItem[]> {
  const items: TimelineItem[] = [];
  let cursor: string | null = null;
  do {
    const page: ListResponse<TimelineItem> = await history(client, id, `?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const isBatch = (item: TimelineItem): item is TimelineBatch => item.type === 'batch';
const isEntry = (item: TimelineItem): item is TimelineEntry => item.type === 'entry';

/** Imports people of one company (the company created by the import), owned by the admin and `ownerIds`. */
async function importPeople(client: Client, company: string, people: string[], ownerIds: string[]): Promise<Import> {
  const csv = `Nombre;Apellidos;Empresa;Cargo\n${people.map((name) => `${name};${company};${company} SA;`).join('\n')}\n`;
  const upload = await client.request('POST', '/api/v1/imports?fileName=gente.csv&kind=person', Buffer.from(csv, 'utf8'), { 'content-type': 'application/octet-stream' });
  expect(upload.statusCode, upload.body).toBe(201);
  const imp = upload.json<Import>();
  const started = await client.post(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping, rules: { ...imp.rules, ownerIds } });
  expect(started.statusCode, started.body).toBe(200);
  await worker.drain();
  const done = (await client.get(`/api/v1/imports/${imp.id}`)).json<Import>();
  expect(done).toMatchObject({ status: 'done', failed: 0 });
  return done;
}

const companyOf = async (client: Client, name: string): Promise<AccountListItem> => {
  const found = (await client.get(`/api/v1/accounts?q=${encodeURIComponent(name)}&kind=organization`)).json<ListResponse<AccountListItem>>().items;
  const company = found.find((item) => item.name === name);
  if (!company) throw new Error(`${name} not found`);
  return company;
};

describe('what one import did is one entry', () => {
  test('12 contacts linked by an import: one item saying so, manual entries beside it, each contact named when expanded', async () => {
    const word = uniqueWord('Imp');
    const people = Array.from({ length: 12 }, (_, index) => `Persona${index}`);
    const imp = await importPeople(admin, word, people, [admin.user.id, agent.user.id]);
    const company = await companyOf(agent, `${word} SA`);
    const full = (await agent.get(`/api/v1/accounts/${company.id}`)).json<Account>();
    expect((await agent.patch(`/api/v1/accounts/${company.id}`, { version: full.version, website: 'https://imp.example' })).statusCode).toBe(200);

    const items = (await history(agent, company.id)).items;
    expect(items.map((item) => item.type)).toEqual(['entry', 'batch']);
    const [manual, batch] = items;
    expect(manual).toMatchObject({ type: 'entry', action: 'updated', batch: null });
    // Paged one item at a time along the keyset, the same items in the same order.
    expect(await allPages(agent, company.id, '', 1)).toEqual(items);
    expect(batch).toMatchObject({
      type: 'batch', id: `import:${imp.id}`, kind: 'import', count: 13, actor: { id: admin.user.id },
      actions: [{ action: 'contact_added', count: 12 }, { action: 'created', count: 1 }],
    });

    // Expanded, a page at a time: every contact once, each naming the person added.
    const expanded = (await allPages(agent, company.id, `&batch=import:${imp.id}`, 5)).filter(isEntry);
    expect(expanded).toHaveLength(13);
    const added = expanded.filter((entry) => entry.action === 'contact_added');
    expect(added.map((entry) => entry.related?.name).sort()).toEqual(people.map((name) => `${name} ${word}`).sort());
    expect(added.every((entry) => entry.related?.kind === 'person' && entry.batch?.kind === 'import')).toBe(true);

    // The person's own history: the import's two entries (created, linked to the company), as one item.
    const person = added[0]?.related?.id ?? '';
    const personItems = (await history(agent, person)).items;
    expect(personItems).toEqual([expect.objectContaining({ type: 'batch', count: 2, actions: expect.arrayContaining([{ action: 'contact_added', count: 1 }]) })]);
    const link = (await history(agent, person, `?batch=import:${imp.id}`)).items.filter(isEntry).find((entry) => entry.action === 'contact_added');
    expect(link?.related).toEqual({ id: company.id, name: `${word} SA`, kind: 'organization' });
  });

  test('inside a group, the portfolio holds: a hidden person is not named, listed or counted', async () => {
    const word = uniqueWord('Mix');
    const imp = await importPeople(admin, word, ['Ana', 'Berta', 'Carla'], [admin.user.id, agent.user.id]);
    const company = await companyOf(agent, `${word} SA`);
    const hidden = (await admin.get(`/api/v1/accounts?q=Berta ${word}&kind=person`)).json<ListResponse<AccountListItem>>().items[0];
    const berta = (await admin.get(`/api/v1/accounts/${hidden?.id ?? ''}`)).json<Account>();
    expect((await admin.put(`/api/v1/accounts/${berta.id}/owners`, { version: berta.version, ownerIds: [other.user.id] })).statusCode).toBe(200);

    const response = await agent.get(`/api/v1/accounts/${company.id}/timeline`);
    expect(response.body).not.toContain('Berta');
    const [batch] = response.json<ListResponse<TimelineItem>>().items.filter(isBatch);
    expect(batch?.count).toBe(3);
    expect(batch?.actions).toEqual([{ action: 'contact_added', count: 2 }, { action: 'created', count: 1 }]);
    const expanded = await agent.get(`/api/v1/accounts/${company.id}/timeline?batch=import:${imp.id}`);
    expect(expanded.body).not.toContain('Berta');
    expect(expanded.body).not.toContain(berta.id);
    expect(expanded.json<ListResponse<TimelineItem>>().total).toBe(3);
    // The admin sees the three.
    expect((await history(admin, company.id)).items.filter(isBatch)[0]?.actions[0]).toEqual({ action: 'contact_added', count: 3 });
    // Someone who cannot see the company gets nothing at all.
    expectProblem(await other.get(`/api/v1/accounts/${company.id}/timeline?batch=import:${imp.id}`), 404, 'not_found');
  });

  test('a bulk action writes one entry per account, marked as the bulk action', async () => {
    const accounts = [await t.account(agent, { name: uniqueWord('Granel') }), await t.account(agent, { name: uniqueWord('Granel') })];
    const tag = (await agent.post('/api/v1/tags', { name: uniqueWord('lote') })).json<{ id: string }>();
    const started = await agent.post('/api/v1/accounts/bulk', { selection: { ids: accounts.map((account) => account.id) }, action: { type: 'addTag', tagId: tag.id } });
    expect(started.statusCode, started.body).toBe(202);
    const { jobId } = started.json<{ jobId: string }>();
    await worker.drain();
    for (const account of accounts) {
      const [latest] = (await history(agent, account.id)).items;
      expect(latest).toMatchObject({ type: 'entry', action: 'tag_added', batch: { id: `bulk:${jobId}`, kind: 'bulk' } });
    }
  });
});

describe('filtering the history by kind', () => {
  test('fields, owners, contacts, activities, documents and tags each show their own entries', async () => {
    const account = await t.account(agent, { name: uniqueWord('Filtro') });
    const person = await t.account(agent, { kind: 'person', firstName: 'Filtrada' });
    const full = (await agent.get(`/api/v1/accounts/${account.id}`)).json<Account>();
    expect((await agent.patch(`/api/v1/accounts/${account.id}`, { version: full.version, notes: 'Nota' })).statusCode).toBe(200);
    expect((await agent.put(`/api/v1/accounts/${account.id}/owners`, { version: full.version + 1, ownerIds: [agent.user.id, other.user.id] })).statusCode).toBe(200);
    expect((await agent.post(`/api/v1/accounts/${account.id}/contacts`, { otherId: person.id })).statusCode).toBe(201);
    expect((await agent.post('/api/v1/activities', { accountId: account.id, type: 'call', subject: 'Llamar', startAt: new Date().toISOString() })).statusCode).toBe(201);
    const tag = (await agent.post('/api/v1/tags', { name: uniqueWord('filtro') })).json<{ id: string }>();
    expect((await agent.put(`/api/v1/accounts/${account.id}/tags/${tag.id}`)).statusCode).toBe(204);

    const actions = async (kinds: string) => (await history(agent, account.id, `?kinds=${kinds}`)).items.filter(isEntry).map((entry) => entry.action);
    expect(await actions('fields')).toEqual(['updated', 'created']);
    expect(await actions('owners')).toEqual(['owners_changed']);
    expect(await actions('contacts')).toEqual(['contact_added']);
    expect(await actions('activities')).toEqual(['activity_created']);
    expect(await actions('documents')).toEqual([]);
    expect(await actions('tags')).toEqual(['tag_added']);
    expect(await actions('owners,tags')).toEqual(['tag_added', 'owners_changed']);
    expect((await history(agent, account.id, '?kinds=owners')).total).toBe(1);
    expectProblem(await agent.get(`/api/v1/accounts/${account.id}/timeline?kinds=gossip`), 400, 'validation_failed');
    expectProblem(await agent.get(`/api/v1/accounts/${account.id}/timeline?batch=import:nope`), 400, 'validation_failed');
  });
});
