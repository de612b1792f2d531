import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem, TimelineEntry } from '@contract/accounts';
import type { AccountTree, Relationship, Trait } from '@contract/account-links';
import type { ListResponse } from '@contract/common';
import type { ListItem } from '@contract/lists';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { accountState, expectProblem } from '@server/test/state';

let t: TestApp;
let admin: Client;
let agent: Client;
let other: Client;
let vip: ListItem;
let retired: ListItem;
let sports: ListItem;
let supplier: ListItem;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
  other = await t.user({ role: 'agent', scope: 'own' });
  const add = async (list: string, es: string, en: string) =>
    (await admin.post(`/api/v1/lists/${list}/items`, { labels: { es, en } })).json<ListItem>();
  vip = await add('characteristic', 'Cliente VIP', 'VIP customer');
  retired = await add('characteristic', 'Antiguo', 'Old');
  sports = await add('interest_area', 'Deportes', 'Sports');
  supplier = await add('relationship_reason', 'Proveedor', 'Supplier');
  await admin.patch(`/api/v1/lists/characteristic/items/${retired.id}`, { version: retired.version, active: false });
});
afterAll(async () => t.close());

const ids = (response: { json: <T>() => T }) => response.json<ListResponse<AccountListItem>>().items.map((item) => item.id);
const traitRows = async () => t.db.selectFrom('account_traits').selectAll().orderBy('id').execute();
const relationshipRows = async () => t.db.selectFrom('account_relationships').selectAll().orderBy('id').execute();

describe('characteristics and interest areas', () => {
  test('an owner adds, edits and removes them; the history shows each change; the list filters by them', async () => {
    const account = await t.account(agent, { name: 'Rasgos SA' });
    const plain = await t.account(agent, { name: 'Sin rasgos SA' });
    const url = `/api/v1/accounts/${account.id}`;
    const added = await agent.post(`${url}/characteristics`, { key: vip.key, note: 'Paga puntual' });
    expect(added.statusCode).toBe(201);
    expect(added.json<Trait>()).toMatchObject({ kind: 'characteristic', key: vip.key, note: 'Paga puntual', createdBy: { id: agent.user.id } });
    const interest = await agent.post(`${url}/interests`, { key: sports.key, kind: 'unmet_need', note: 'Quiere patrocinar' });
    expect(interest.statusCode).toBe(201);
    // The same item twice is refused; the other kind of the same area is not.
    expectProblem(await agent.post(`${url}/characteristics`, { key: vip.key }), 400, 'validation_failed');
    expect((await agent.post(`${url}/interests`, { key: sports.key, kind: 'interest' })).statusCode).toBe(201);

    expect(ids(await agent.get(`/api/v1/accounts?characteristic=${vip.key}`))).toEqual([account.id]);
    expect(ids(await agent.get(`/api/v1/accounts?interest=${sports.key}`))).toEqual([account.id]);
    expect(ids(await agent.get(`/api/v1/accounts?interest=${sports.key}&interestKind=disinterest`))).toEqual([]);
    expect(ids(await agent.get(`/api/v1/accounts?interest=${sports.key}&interestKind=unmet_need`))).toEqual([account.id]);
    expect(ids(await agent.get('/api/v1/accounts?sort=name'))).toContain(plain.id);

    const traitId = interest.json<Trait>().id;
    const edited = await agent.patch(`${url}/interests/${traitId}`, { kind: 'disinterest', note: 'Ya no' });
    expect(edited.json<Trait>()).toMatchObject({ kind: 'disinterest', note: 'Ya no' });
    // Turning it into a kind the account already has for that area is refused.
    expectProblem(await agent.patch(`${url}/interests/${traitId}`, { kind: 'interest' }), 400, 'validation_failed');
    expect((await agent.delete(`${url}/characteristics/${added.json<Trait>().id}`)).statusCode).toBe(204);
    expect((await agent.get(`${url}/characteristics`)).json<{ items: Trait[] }>().items).toEqual([]);

    const history = (await agent.get(`${url}/timeline`)).json<ListResponse<TimelineEntry>>().items.map((entry) => entry.action);
    expect(history).toEqual(expect.arrayContaining(['characteristic_added', 'interest_added', 'interest_updated', 'characteristic_removed']));
  });

  test('the interest kind filters alone: every account with an unmet need, in any area, inside the portfolio', async () => {
    const music = (await admin.post('/api/v1/lists/interest_area/items', { labels: { es: 'Música', en: 'Music' } })).json<ListItem>();
    const needsSports = await t.account(agent, { name: 'Necesita deporte' });
    const needsMusic = await t.account(agent, { name: 'Necesita música' });
    const likesMusic = await t.account(agent, { name: 'Le gusta la música' });
    const hidden = await t.account(other, { name: 'Necesidad ajena' });
    await agent.post(`/api/v1/accounts/${needsSports.id}/interests`, { key: sports.key, kind: 'unmet_need' });
    await agent.post(`/api/v1/accounts/${needsMusic.id}/interests`, { key: music.key, kind: 'unmet_need' });
    await agent.post(`/api/v1/accounts/${likesMusic.id}/interests`, { key: music.key, kind: 'interest' });
    await other.post(`/api/v1/accounts/${hidden.id}/interests`, { key: music.key, kind: 'unmet_need' });
    const ours = [needsSports.id, needsMusic.id, likesMusic.id, hidden.id];
    const among = async (client: Client, query: string) => ids(await client.get(`/api/v1/accounts?${query}&limit=200`)).filter((id) => ours.includes(id)).sort();
    expect(await among(agent, 'interestKind=unmet_need')).toEqual([needsSports.id, needsMusic.id].sort());
    expect(await among(agent, `interestKind=unmet_need&interest=${music.key}`)).toEqual([needsMusic.id]);
    expect(await among(agent, 'interestKind=interest&q=musica')).toEqual([likesMusic.id]);
    expect(await among(admin, 'interestKind=unmet_need')).toEqual([needsSports.id, needsMusic.id, hidden.id].sort());
  });

  test('an inactive item is no longer offered; an unknown one is a field error', async () => {
    const account = await t.account(agent, { name: 'Inactivo SA' });
    const response = await agent.post(`/api/v1/accounts/${account.id}/characteristics`, { key: retired.key });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.[0]).toMatchObject({ field: 'key', code: 'unknown_list_item' });
    expectProblem(await agent.post(`/api/v1/accounts/${account.id}/interests`, { key: sports.key, kind: 'love' }), 400, 'validation_failed');
  });

  test('outside the portfolio: 404 on read and write, and nothing changes', async () => {
    const account = await t.account(agent, { name: 'Ajena SA' });
    const trait = (await agent.post(`/api/v1/accounts/${account.id}/characteristics`, { key: vip.key })).json<Trait>();
    const before = await traitRows();
    const url = `/api/v1/accounts/${account.id}`;
    expectProblem(await other.get(`${url}/characteristics`), 404, 'not_found');
    expectProblem(await other.post(`${url}/characteristics`, { key: vip.key }), 404, 'not_found');
    expectProblem(await other.patch(`${url}/characteristics/${trait.id}`, { note: 'hack' }), 404, 'not_found');
    expectProblem(await other.delete(`${url}/characteristics/${trait.id}`), 404, 'not_found');
    expect(await traitRows()).toEqual(before);
    expect(ids(await other.get(`/api/v1/accounts?characteristic=${vip.key}`))).toEqual([]);
  });
});

describe('relationships', () => {
  test('shown on both accounts with the reason; removable from either side; in both histories', async () => {
    const a = await t.account(agent, { name: 'Alfa SA' });
    const b = await t.account(agent, { name: 'Beta SA' });
    const created = await agent.post(`/api/v1/accounts/${a.id}/relationships`, { otherId: b.id, reason: supplier.key, note: 'Nos vende tornillos' });
    expect(created.statusCode).toBe(201);
    expect(created.json<Relationship>()).toMatchObject({ other: { id: b.id, name: 'Beta SA' }, reason: supplier.key });
    const fromB = (await agent.get(`/api/v1/accounts/${b.id}/relationships`)).json<{ items: Relationship[] }>().items;
    expect(fromB.map((r) => [r.other.name, r.reason])).toEqual([['Alfa SA', supplier.key]]);
    // The same pair and reason, from the other side, is the same relationship.
    expectProblem(await agent.post(`/api/v1/accounts/${b.id}/relationships`, { otherId: a.id, reason: supplier.key }), 400, 'validation_failed');
    expectProblem(await agent.post(`/api/v1/accounts/${a.id}/relationships`, { otherId: a.id, reason: supplier.key }), 400, 'validation_failed');
    const history = (await agent.get(`/api/v1/accounts/${b.id}/timeline`)).json<ListResponse<TimelineEntry>>().items;
    const entry = history.find((item) => item.action === 'relationship_added');
    expect(entry?.changes).toContainEqual({ field: 'relatedAccount', before: null, after: 'Alfa SA' });
    expect((await agent.delete(`/api/v1/accounts/${b.id}/relationships/${created.json<Relationship>().id}`)).statusCode).toBe(204);
    expect((await agent.get(`/api/v1/accounts/${a.id}/relationships`)).json<{ items: Relationship[] }>().items).toEqual([]);
  });

  test('a related account outside the portfolio never appears, and cannot be linked or unlinked', async () => {
    const mine = await t.account(agent, { name: 'Mía SA' });
    const theirs = await t.account(other, { name: 'Secreta SA' });
    // An admin links them; the agent sees their account without the other side.
    const link = (await admin.post(`/api/v1/accounts/${mine.id}/relationships`, { otherId: theirs.id, reason: supplier.key })).json<Relationship>();
    const seen = await agent.get(`/api/v1/accounts/${mine.id}/relationships`);
    expect(seen.json<{ items: Relationship[] }>().items).toEqual([]);
    expect(seen.body).not.toContain('Secreta');
    // Nor in the history, where the link's entry names the other side.
    const history = await agent.get(`/api/v1/accounts/${mine.id}/timeline`);
    expect(history.json<ListResponse<TimelineEntry>>().items.map((entry) => entry.action)).not.toContain('relationship_added');
    expect(history.body).not.toContain('Secreta');
    expect((await admin.get(`/api/v1/accounts/${mine.id}/timeline`)).body).toContain('Secreta');
    const before = await relationshipRows();
    const refused = await agent.post(`/api/v1/accounts/${mine.id}/relationships`, { otherId: theirs.id, reason: 'otro' });
    expect(expectProblem(refused, 400, 'validation_failed').errors?.[0]).toMatchObject({ field: 'otherId', code: 'unknown_account' });
    expectProblem(await agent.delete(`/api/v1/accounts/${mine.id}/relationships/${link.id}`), 404, 'not_found');
    expectProblem(await other.post(`/api/v1/accounts/${mine.id}/relationships`, { otherId: theirs.id, reason: supplier.key }), 404, 'not_found');
    expect(await relationshipRows()).toEqual(before);
  });
});

describe('departments and subsidiaries', () => {
  test('children through parentId; the parent shows its tree; the list filters by parent', async () => {
    const group = await t.account(agent, { name: 'Grupo SA' });
    const sales = await t.account(agent, { name: 'Ventas', parentId: group.id });
    const north = await t.account(agent, { name: 'Ventas Norte', parentId: sales.id });
    expect(sales.parent).toEqual({ id: group.id, name: 'Grupo SA' });
    const tree = (await agent.get(`/api/v1/accounts/${group.id}/tree`)).json<AccountTree>();
    expect(tree.items.map((node) => [node.name, node.depth, node.parentId])).toEqual([['Ventas', 1, group.id], ['Ventas Norte', 2, sales.id]]);
    expect((await agent.get(`/api/v1/accounts/${north.id}/tree`)).json<AccountTree>().parent?.name).toBe('Ventas');
    expect(ids(await agent.get(`/api/v1/accounts?parentId=${group.id}`))).toEqual([sales.id]);
  });

  test('cycles, persons and unknown parents are refused and nothing changes', async () => {
    const top = await t.account(agent, { name: 'Arriba SA' });
    const middle = await t.account(agent, { name: 'Medio', parentId: top.id });
    const bottom = await t.account(agent, { name: 'Abajo', parentId: middle.id });
    const before = await accountState(t.db, top.id);
    for (const parentId of [top.id, bottom.id, middle.id]) {
      const response = await agent.patch(`/api/v1/accounts/${top.id}`, { version: top.version, parentId });
      expect(expectProblem(response, 400, 'validation_failed').errors?.[0]).toMatchObject({ field: 'parentId', code: 'parent_cycle' });
    }
    expect(await accountState(t.db, top.id)).toEqual(before);
    const person = await agent.post('/api/v1/accounts', { kind: 'person', firstName: 'Ana', parentId: top.id });
    expect(expectProblem(person, 400, 'validation_failed').errors?.[0]).toMatchObject({ field: 'parentId', code: 'not_for_kind' });
    const hidden = await t.account(other, { name: 'Oculta SA' });
    const unknown = await agent.post('/api/v1/accounts', { kind: 'organization', name: 'Hija', parentId: hidden.id });
    expect(expectProblem(unknown, 400, 'validation_failed').errors?.[0]).toMatchObject({ field: 'parentId', code: 'unknown_account' });
    // Moving a branch elsewhere is fine, and clearing the parent too.
    const moved = await agent.patch(`/api/v1/accounts/${bottom.id}`, { version: bottom.version, parentId: top.id });
    expect(moved.json<Account>().parentId).toBe(top.id);
    const cleared = await agent.patch(`/api/v1/accounts/${bottom.id}`, { version: bottom.version + 1, parentId: null });
    expect(cleared.json<Account>()).toMatchObject({ parentId: null, parent: null });
  });

  test('the tree stops at the portfolio: a hidden child and everything below it do not appear', async () => {
    const root = await t.account(agent, { name: 'Raíz SA' });
    const visible = await t.account(agent, { name: 'Visible', parentId: root.id });
    const hidden = await t.account(admin, { name: 'Escondida', parentId: root.id, ownerIds: [other.user.id] });
    await t.account(admin, { name: 'Nieta', parentId: hidden.id, ownerIds: [agent.user.id] });
    const response = await agent.get(`/api/v1/accounts/${root.id}/tree`);
    expect(response.json<AccountTree>().items.map((node) => node.id)).toEqual([visible.id]);
    expect(response.body).not.toMatch(/Escondida|Nieta/);
    // A child whose parent the actor cannot see shows no parent: no name, no id.
    const child = await t.account(admin, { name: 'Hijo visible', parentId: hidden.id, ownerIds: [agent.user.id] });
    const seen = (await agent.get(`/api/v1/accounts/${child.id}`)).json<Account>();
    expect(seen).toMatchObject({ parentId: null, parent: null });
    expect(JSON.stringify(seen)).not.toContain(hidden.id);
    expect(JSON.stringify(seen)).not.toContain('Escondida');
    expectProblem(await other.get(`/api/v1/accounts/${root.id}/tree`), 404, 'not_found');
  });
});
