import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, binItemSchema, TimelineEntry, TimelineItem } from '@contract/accounts';
import type { AccountTree, Relationship, Trait } from '@contract/account-links';
import type { ListResponse } from '@contract/common';
import type { Contact } from '@contract/contacts';
import type { ListItem } from '@contract/lists';
import type { MergeResult } from '@contract/merges';
import type { z } from 'zod';
import { multipartFile } from '@server/test/multipart';
import { accountState, expectProblem } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

type BinItem = z.infer<typeof binItemSchema>;

let t: TestApp;
let admin: Client;
let agent: Client;
let other: Client;
let reason: ListItem;
let vip: ListItem;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all', name: 'Ana Admin' });
  agent = await t.user({ role: 'agent', scope: 'own', name: 'Pablo Agente' });
  other = await t.user({ role: 'agent', scope: 'own', name: 'Olga Otra' });
  reason = (await admin.post('/api/v1/lists/relationship_reason/items', { labels: { es: 'Proveedor', en: 'Supplier' } })).json<ListItem>();
  vip = (await admin.post('/api/v1/lists/characteristic/items', { labels: { es: 'VIP', en: 'VIP' } })).json<ListItem>();
});

afterAll(async () => {
  await t.close();
});

const ok = async (response: Promise<LightMyRequestResponse>, status = 201): Promise<LightMyRequestResponse> => {
  const answered = await response;
  expect(answered.statusCode, answered.body).toBe(status);
  return answered;
};
const items = async <T>(client: Client, url: string): Promise<T[]> => (await client.get(url)).json<{ items: T[] }>().items;
const contactNames = async (client: Client, id: string) => (await items<Contact>(client, `/api/v1/accounts/${id}/contacts`)).map((c) => c.person.name).sort();
const tagNames = async (client: Client, id: string) => (await items<{ name: string }>(client, `/api/v1/accounts/${id}/tags`)).map((tag) => tag.name).sort();
const ownerIds = async (id: string) => (await accountState(t.db, id)).ownerIds;
const entries = async (client: Client, id: string, query = '') =>
  (await client.get(`/api/v1/accounts/${id}/timeline?limit=200${query}`)).json<ListResponse<TimelineItem>>().items.filter((item): item is TimelineEntry => item.type === 'entry');

/** Everything hanging off an account, straight from the database: what a refused merge must leave alone. */
async function everything(): Promise<unknown> {
  const tables = ['accounts', 'contacts', 'account_relationships', 'activities', 'requests', 'documents', 'account_traits', 'account_tags', 'account_owners', 'audit_log'] as const;
  const counts: Record<string, unknown> = {};
  for (const table of tables) counts[table] = (await t.db.selectFrom(table).selectAll().execute()).map((row) => JSON.stringify(row)).sort();
  return counts;
}

type Duplicates = { survivor: Account; loser: Account; onlyLoser: Account; both: Account; partner: Account; department: Account; activityId: string; requestId: string; documentId: string };

/** Two records of one company: the loser has its own contact, a shared one, a relationship, work, a document, tags, an owner, a characteristic and a department. */
async function duplicates(): Promise<Duplicates> {
  const survivor = await t.account(agent, { name: 'Talleres Pérez SL', emails: ['info@talleres.example'], website: 'https://talleres.example' });
  const loser = await t.account(admin, { name: 'Talleres Perez', emails: ['ventas@talleres.example'], phones: ['+34 600 100 200'], ownerIds: [agent.user.id, other.user.id] });
  const onlyLoser = await t.account(agent, { kind: 'person', firstName: 'Lucía', lastName: 'Solo' });
  const both = await t.account(agent, { kind: 'person', firstName: 'Marta', lastName: 'Ambas' });
  const partner = await t.account(agent, { name: 'Proveedor Tornillos SA' });
  await ok(agent.post(`/api/v1/accounts/${loser.id}/contacts`, { otherId: onlyLoser.id, position: 'Gerente' }));
  await ok(agent.post(`/api/v1/accounts/${loser.id}/contacts`, { otherId: both.id }));
  await ok(agent.post(`/api/v1/accounts/${survivor.id}/contacts`, { otherId: both.id }));
  await ok(agent.post(`/api/v1/accounts/${loser.id}/relationships`, { otherId: partner.id, reason: reason.key }));
  const idOf = (response: LightMyRequestResponse) => response.json<{ id: string }>().id;
  const activityId = idOf(await ok(agent.post('/api/v1/activities', { accountId: loser.id, type: 'call', subject: 'Llamar a Talleres', startAt: new Date().toISOString() })));
  const requestId = idOf(await ok(agent.post('/api/v1/requests', { accountId: loser.id, notes: 'Presupuesto' })));
  const { body, headers } = multipartFile('contrato.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
  const documentId = idOf(await ok(agent.request('POST', `/api/v1/accounts/${loser.id}/documents`, body, headers)));
  const onLoser = (await ok(agent.post('/api/v1/tags', { name: `solo-${loser.id.slice(-6)}` }))).json<{ id: string }>();
  const shared = (await ok(agent.post('/api/v1/tags', { name: `ambas-${loser.id.slice(-6)}` }))).json<{ id: string }>();
  await ok(agent.put(`/api/v1/accounts/${loser.id}/tags/${onLoser.id}`), 204);
  await ok(agent.put(`/api/v1/accounts/${loser.id}/tags/${shared.id}`), 204);
  await ok(agent.put(`/api/v1/accounts/${survivor.id}/tags/${shared.id}`), 204);
  await ok(agent.post(`/api/v1/accounts/${loser.id}/characteristics`, { key: vip.key, note: 'Paga puntual' }));
  const department = await t.account(agent, { name: 'Talleres Perez Norte', parentId: loser.id });
  return { survivor, loser, onlyLoser, both, partner, department, activityId, requestId, documentId };
}

describe('merging duplicates', () => {
  let d: Duplicates;
  let merge: MergeResult;

  beforeAll(async () => {
    d = await duplicates();
  });

  test('everything moves to the survivor, which takes the fields chosen; the loser goes to the bin', async () => {
    const response = await agent.post('/api/v1/accounts/merge', {
      survivorId: d.survivor.id, loserIds: [d.loser.id], fields: { emails: d.loser.id, phones: d.loser.id },
      versions: { [d.survivor.id]: d.survivor.version, [d.loser.id]: (await admin.get(`/api/v1/accounts/${d.loser.id}`)).json<Account>().version },
    });
    expect(response.statusCode, response.body).toBe(201);
    merge = response.json<MergeResult>();
    expect(merge).toMatchObject({
      survivorId: d.survivor.id, loserIds: [d.loser.id],
      moved: { contacts: 1, relationships: 1, activities: 1, requests: 1, documents: 1, characteristics: 1, departments: 1, tags: 1, owners: 1 },
    });

    const survivor = (await agent.get(`/api/v1/accounts/${d.survivor.id}`)).json<Account>();
    expect(survivor).toMatchObject({
      name: 'Talleres Pérez SL', website: 'https://talleres.example', emails: ['ventas@talleres.example'], phones: ['+34 600 100 200'],
      version: d.survivor.version + 1, overview: { contacts: 2, documents: 1, openActivities: 1 },
    });
    expect(await contactNames(agent, d.survivor.id)).toEqual(['Lucía Solo', 'Marta Ambas']);
    expect((await items<Relationship>(agent, `/api/v1/accounts/${d.survivor.id}/relationships`)).map((r) => r.other.id)).toEqual([d.partner.id]);
    expect((await items<Relationship>(agent, `/api/v1/accounts/${d.partner.id}/relationships`)).map((r) => r.other.id)).toEqual([d.survivor.id]);
    expect((await items<{ id: string }>(agent, `/api/v1/activities?accountId=${d.survivor.id}`)).map((a) => a.id)).toEqual([d.activityId]);
    expect((await items<{ id: string }>(agent, `/api/v1/requests?accountId=${d.survivor.id}`)).map((r) => r.id)).toEqual([d.requestId]);
    expect((await items<{ id: string }>(agent, `/api/v1/accounts/${d.survivor.id}/documents`)).map((doc) => doc.id)).toEqual([d.documentId]);
    expect((await items<Trait>(agent, `/api/v1/accounts/${d.survivor.id}/characteristics`)).map((trait) => trait.note)).toEqual(['Paga puntual']);
    expect(await tagNames(agent, d.survivor.id)).toHaveLength(2);
    expect(await ownerIds(d.survivor.id)).toEqual([agent.user.id, other.user.id].sort());
    expect((await agent.get(`/api/v1/accounts/${d.survivor.id}/tree`)).json<AccountTree>().items.map((node) => node.id)).toEqual([d.department.id]);
    expect((await agent.get(`/api/v1/accounts/${d.department.id}`)).json<Account>().parent).toEqual({ id: d.survivor.id, name: 'Talleres Pérez SL' });
    // The search finds the survivor by the loser's e-mail, and the list no longer shows the loser.
    expect((await items<{ id: string }>(agent, '/api/v1/accounts?q=ventas@talleres.example')).map((a) => a.id)).toEqual([d.survivor.id]);

    expectProblem(await agent.get(`/api/v1/accounts/${d.loser.id}`), 404, 'not_found');
    const bin = (await admin.get('/api/v1/bin')).json<ListResponse<BinItem>>().items.find((item) => item.id === d.loser.id);
    expect(bin?.mergedInto).toEqual({ mergeId: merge.id, id: d.survivor.id, name: 'Talleres Pérez SL' });
  });

  test('the history moves too and records the merge on both; the loser\'s id appears nowhere', async () => {
    const history = await agent.get(`/api/v1/accounts/${d.survivor.id}/timeline?limit=200`);
    expect(history.body).not.toContain(d.loser.id);
    const survivorEntries = await entries(agent, d.survivor.id);
    expect(survivorEntries[0]).toMatchObject({
      action: 'merged', entity: 'account_merge', entityId: merge.id, batch: { kind: 'merge' },
      changes: expect.arrayContaining([{ field: 'mergedAccounts', before: null, after: ['Talleres Perez'] }, { field: 'phones', before: [], after: ['+34 600 100 200'] }]),
    });
    // The loser's own story: its creation and its contacts, named by their person.
    expect(survivorEntries.filter((entry) => entry.action === 'created')).toHaveLength(2);
    expect(survivorEntries.filter((entry) => entry.action === 'contact_added').map((entry) => entry.related?.name).sort()).toEqual(['Lucía Solo', 'Marta Ambas', 'Marta Ambas']);
    // A person linked to the loser now reads as linked to the survivor.
    const lucia = (await entries(agent, d.onlyLoser.id)).find((entry) => entry.action === 'contact_added');
    expect(lucia?.related).toEqual({ id: d.survivor.id, name: 'Talleres Pérez SL', kind: 'organization' });
    // The loser's history records it, for the admin who finds it in the bin.
    const loserRows = await t.db.selectFrom('audit_log').select(['action', 'changes']).where('account_id', '=', d.loser.id).where('entity', '=', 'account_merge').execute();
    expect(loserRows.map((row) => [row.action, JSON.parse(row.changes)])).toEqual([['merged_into', [{ field: 'survivor', before: null, after: 'Talleres Pérez SL' }]]]);
    // Filtered to fields, the merge is there.
    expect((await entries(agent, d.survivor.id, '&kinds=fields'))[0]?.action).toBe('merged');
  });

  test('the bin will not restore a merged account alone; undo is for admins', async () => {
    expectProblem(await admin.post(`/api/v1/bin/accounts/${d.loser.id}/restore`), 409, 'merged_account');
    expectProblem(await agent.post(`/api/v1/accounts/merges/${merge.id}/undo`), 404, 'not_found');
    expect((await accountState(t.db, d.loser.id)).discardedAt).not.toBeNull();
  });

  test('undo brings the loser back with what was moved; an edit made since stays', async () => {
    const survivor = (await agent.get(`/api/v1/accounts/${d.survivor.id}`)).json<Account>();
    await ok(agent.patch(`/api/v1/accounts/${d.survivor.id}`, { version: survivor.version, phones: ['+34 600 999 999'], notes: 'Después de fusionar' }), 200);
    await ok(admin.post(`/api/v1/accounts/merges/${merge.id}/undo`), 204);

    const back = (await agent.get(`/api/v1/accounts/${d.loser.id}`)).json<Account>();
    expect(back).toMatchObject({ name: 'Talleres Perez', emails: ['ventas@talleres.example'] });
    expect(await contactNames(agent, d.loser.id)).toEqual(['Lucía Solo', 'Marta Ambas']);
    expect(await contactNames(agent, d.survivor.id)).toEqual(['Marta Ambas']);
    expect((await items<Relationship>(agent, `/api/v1/accounts/${d.loser.id}/relationships`)).map((r) => r.other.id)).toEqual([d.partner.id]);
    expect(await items(agent, `/api/v1/accounts/${d.survivor.id}/relationships`)).toEqual([]);
    expect((await items<{ id: string }>(agent, `/api/v1/activities?accountId=${d.loser.id}`)).map((a) => a.id)).toEqual([d.activityId]);
    expect((await items<{ id: string }>(agent, `/api/v1/requests?accountId=${d.loser.id}`)).map((r) => r.id)).toEqual([d.requestId]);
    expect((await items<{ id: string }>(agent, `/api/v1/accounts/${d.loser.id}/documents`)).map((doc) => doc.id)).toEqual([d.documentId]);
    expect(await items(agent, `/api/v1/accounts/${d.survivor.id}/characteristics`)).toEqual([]);
    expect(await tagNames(agent, d.survivor.id)).toHaveLength(1);
    expect(await tagNames(agent, d.loser.id)).toHaveLength(2);
    expect(await ownerIds(d.survivor.id)).toEqual([agent.user.id]);
    expect((await agent.get(`/api/v1/accounts/${d.department.id}`)).json<Account>().parentId).toBe(d.loser.id);
    const restored = (await agent.get(`/api/v1/accounts/${d.survivor.id}`)).json<Account>();
    // E-mails go back; the phones were edited after the merge, so the edit stays.
    expect(restored).toMatchObject({ emails: ['info@talleres.example'], phones: ['+34 600 999 999'], notes: 'Después de fusionar' });
    expect((await entries(agent, d.survivor.id))[0]).toMatchObject({ action: 'merge_undone', batch: null });
    expect((await entries(agent, d.survivor.id)).filter((entry) => entry.action === 'created')).toHaveLength(1);
    expect((await admin.get('/api/v1/bin')).json<ListResponse<BinItem>>().items.some((item) => item.id === d.loser.id)).toBe(false);
    expectProblem(await admin.post(`/api/v1/accounts/merges/${merge.id}/undo`), 404, 'not_found');
  });
});

describe('a merge that is refused changes nothing', () => {
  test('an account outside the agent\'s portfolio: 404, as if it did not exist', async () => {
    const mine = await t.account(agent, { name: 'Mía SA' });
    const theirs = await t.account(other, { name: 'Suya SA' });
    const before = await everything();
    expectProblem(await agent.post('/api/v1/accounts/merge', { survivorId: mine.id, loserIds: [theirs.id] }), 404, 'not_found');
    expectProblem(await agent.post('/api/v1/accounts/merge', { survivorId: theirs.id, loserIds: [mine.id] }), 404, 'not_found');
    expect(await everything()).toEqual(before);
  });

  test('different kinds, the same account twice, a field from elsewhere, a stale version: clear errors', async () => {
    const org = await t.account(agent, { name: 'Org Fusión' });
    const org2 = await t.account(agent, { name: 'Org Fusión 2' });
    const person = await t.account(agent, { kind: 'person', firstName: 'Persona' });
    const before = await everything();
    const kinds = expectProblem(await agent.post('/api/v1/accounts/merge', { survivorId: org.id, loserIds: [person.id] }), 400, 'validation_failed');
    expect(kinds.errors?.map((e) => [e.field, e.code])).toEqual([['loserIds', 'wrong_kind']]);
    expectProblem(await agent.post('/api/v1/accounts/merge', { survivorId: org.id, loserIds: [org.id] }), 400, 'validation_failed');
    const field = expectProblem(await agent.post('/api/v1/accounts/merge', { survivorId: org.id, loserIds: [org2.id], fields: { name: person.id } }), 400, 'validation_failed');
    expect(field.errors?.map((e) => [e.field, e.code])).toEqual([['fields.name', 'unknown_account']]);
    expectProblem(await agent.post('/api/v1/accounts/merge', { survivorId: org.id, loserIds: [org2.id], fields: { colour: org2.id } }), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/accounts/merge', { survivorId: org.id, loserIds: [org2.id], versions: { [org2.id]: org2.version + 5 } }), 412, 'stale_version');
    expect(await everything()).toEqual(before);
  });
});

describe('more than two, and people', () => {
  test('three people into one: each contact once, the survivor\'s own kept; undo returns each to its own', async () => {
    const company = await t.account(agent, { name: 'Empresa de Personas' });
    const people = [
      await t.account(agent, { kind: 'person', firstName: 'Juan', lastName: 'García' }),
      await t.account(agent, { kind: 'person', firstName: 'Juan', lastName: 'Garcia', emails: ['juan@garcia.example'] }),
      await t.account(agent, { kind: 'person', firstName: 'J.', lastName: 'García' }),
    ];
    for (const person of people) await ok(agent.post(`/api/v1/accounts/${person.id}/contacts`, { otherId: company.id }));
    const [survivor, ...losers] = people.map((person) => person.id);
    const merged = await agent.post('/api/v1/accounts/merge', { survivorId: survivor, loserIds: losers, fields: { emails: losers[0] } });
    expect(merged.statusCode, merged.body).toBe(201);
    expect(merged.json<MergeResult>().moved.contacts).toBe(0);
    expect((await items<Contact>(agent, `/api/v1/accounts/${company.id}/contacts`)).map((c) => c.person.id)).toEqual([survivor]);
    expect((await agent.get(`/api/v1/accounts/${survivor ?? ''}`)).json<Account>()).toMatchObject({ name: 'Juan García', emails: ['juan@garcia.example'] });
    await ok(admin.post(`/api/v1/accounts/merges/${merged.json<MergeResult>().id}/undo`), 204);
    expect((await items<Contact>(agent, `/api/v1/accounts/${company.id}/contacts`)).map((c) => c.person.id).sort()).toEqual([...people.map((p) => p.id)].sort());
  });

  test('a department merged into its parent leaves the survivor without a parent, not its own', async () => {
    const parent = await t.account(agent, { name: 'Grupo Padre' });
    const child = await t.account(agent, { name: 'Grupo Padre (depto)', parentId: parent.id });
    const merged = await agent.post('/api/v1/accounts/merge', { survivorId: child.id, loserIds: [parent.id], fields: { name: parent.id } });
    expect(merged.statusCode, merged.body).toBe(201);
    expect((await agent.get(`/api/v1/accounts/${child.id}`)).json<Account>()).toMatchObject({ name: 'Grupo Padre', parentId: null });
  });
});
