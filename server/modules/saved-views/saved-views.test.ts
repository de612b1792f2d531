import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ListResponse } from '@contract/common';
import type { AccountListItem } from '@contract/accounts';
import type { SavedView } from '@contract/saved-views';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectProblem } from '@server/test/state';

let t: TestApp;
let admin: Client;
let ana: Client;
let bruno: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  ana = await t.user({ role: 'agent', scope: 'own' });
  bruno = await t.user({ role: 'agent', scope: 'own' });
});
afterAll(async () => t.close());

const rows = () => t.db.selectFrom('saved_views').selectAll().orderBy('id').execute();
const names = async (client: Client) => (await client.get('/api/v1/saved-views')).json<ListResponse<SavedView>>().items.map((view) => view.name);
const save = async (client: Client, body: object) => {
  const response = await client.post('/api/v1/saved-views', body);
  expect(response.statusCode).toBe(201);
  return response.json<SavedView>();
};

describe('saved views of the accounts list', () => {
  test('filters, sort and columns saved under a name; private views stay private, shared ones show to all', async () => {
    const mine = await save(ana, { name: 'Mis clientes de Madrid', query: { stage: 'customer', city: 'Madrid', sort: '-updatedAt' }, columns: ['stage', 'city', 'email'] });
    expect(mine).toMatchObject({ shared: false, query: { stage: 'customer', city: 'Madrid', sort: '-updatedAt' }, columns: ['stage', 'city', 'email'], owner: { id: ana.user.id }, abilities: { update: true, delete: true } });
    await save(ana, { name: 'Proveedores', shared: true, query: { stage: 'proveedor' }, columns: ['stage'] });
    expect(await names(ana)).toEqual(['Mis clientes de Madrid', 'Proveedores']);
    expect(await names(bruno)).toEqual(['Proveedores']);
    const shared = (await bruno.get('/api/v1/saved-views')).json<ListResponse<SavedView>>().items[0];
    expect(shared?.abilities).toEqual({ update: false, delete: false });
  });

  test('bad filters or columns are field errors and nothing is saved', async () => {
    const before = await rows();
    expectProblem(await ana.post('/api/v1/saved-views', { name: 'Mala', query: { sort: 'password' }, columns: [] }), 400, 'validation_failed');
    expectProblem(await ana.post('/api/v1/saved-views', { name: 'Mala', query: {}, columns: ['password_hash'] }), 400, 'validation_failed');
    expectProblem(await ana.post('/api/v1/saved-views', { name: '', query: {}, columns: [] }), 400, 'validation_failed');
    expect(await rows()).toEqual(before);
  });

  test('the owner renames, shares and deletes; others get 404 for private views and 403 for shared ones', async () => {
    const view = await save(ana, { name: 'Borrador', query: { kind: 'person' }, columns: ['email'] });
    const before = await rows();
    expectProblem(await bruno.patch(`/api/v1/saved-views/${view.id}`, { version: 1, name: 'Robada' }), 404, 'not_found');
    expectProblem(await bruno.delete(`/api/v1/saved-views/${view.id}`), 404, 'not_found');
    expectProblem(await admin.patch(`/api/v1/saved-views/${view.id}`, { version: 1, name: 'Robada' }), 404, 'not_found');
    expect(await rows()).toEqual(before);

    const shared = await ana.patch(`/api/v1/saved-views/${view.id}`, { version: 1, name: 'Personas', shared: true });
    expect(shared.json<SavedView>()).toMatchObject({ name: 'Personas', shared: true, version: 2 });
    expectProblem(await ana.patch(`/api/v1/saved-views/${view.id}`, { version: 1, name: 'Vieja' }), 412, 'stale_version');
    const sharedRows = await rows();
    expectProblem(await bruno.patch(`/api/v1/saved-views/${view.id}`, { version: 2, name: 'Robada' }), 403, 'forbidden');
    expectProblem(await bruno.delete(`/api/v1/saved-views/${view.id}`), 403, 'forbidden');
    expect(await rows()).toEqual(sharedRows);
    expect((await ana.delete(`/api/v1/saved-views/${view.id}`)).statusCode).toBe(204);
    expect(await names(bruno)).not.toContain('Personas');
  });

  test('an admin may delete a shared view but not change it', async () => {
    const view = await save(bruno, { name: 'Compartida de Bruno', shared: true, query: {}, columns: [] });
    expectProblem(await admin.patch(`/api/v1/saved-views/${view.id}`, { version: 1, name: 'Otra' }), 403, 'forbidden');
    expect((await admin.delete(`/api/v1/saved-views/${view.id}`)).statusCode).toBe(204);
  });
});

describe('saved views of any list', () => {
  const listed = async (client: Client, list: string) =>
    (await client.get(`/api/v1/saved-views?list=${list}`)).json<ListResponse<SavedView>>().items.map((view) => [view.list, view.name]);

  test('activities and requests keep views of their own, with their own filters and columns', async () => {
    const calls = await save(ana, { list: 'activities', name: 'Mis llamadas', query: { type: 'call', status: 'scheduled', mine: 'true', sort: 'startAt' }, columns: ['subject', 'account', 'status'] });
    expect(calls).toMatchObject({ list: 'activities', query: { type: 'call', status: 'scheduled', mine: 'true', sort: 'startAt' }, columns: ['subject', 'account', 'status'] });
    const latest = await save(ana, { list: 'requests', name: 'Últimas web', query: { channel: 'web_form', latestOnly: '1' }, columns: ['lead', 'status'] });
    // Stored as the list's own query reads it.
    expect(latest.query).toEqual({ channel: 'web_form', latestOnly: 'true' });
    expect(await listed(ana, 'activities')).toEqual([['activities', 'Mis llamadas']]);
    expect(await listed(ana, 'requests')).toEqual([['requests', 'Últimas web']]);
    expect((await listed(ana, 'accounts')).every(([list]) => list === 'accounts')).toBe(true);
    const renamed = await ana.patch(`/api/v1/saved-views/${calls.id}`, { version: 1, query: { status: 'done' }, columns: ['result'] });
    expect(renamed.json<SavedView>()).toMatchObject({ list: 'activities', query: { status: 'done' }, columns: ['result'] });
  });

  test("a view is checked against its own list: another list's sort, filter value or column is a field error and nothing is saved", async () => {
    const before = await rows();
    const refused = [
      { list: 'activities', name: 'Mala', query: { sort: 'name' }, columns: [] },
      { list: 'activities', name: 'Mala', query: {}, columns: ['email'] },
      { list: 'requests', name: 'Mala', query: { handled: 'quizás' }, columns: [] },
      { list: 'tasks', name: 'Mala', query: {}, columns: [] },
    ];
    const fields = [];
    for (const body of refused) fields.push(expectProblem(await ana.post('/api/v1/saved-views', body), 400, 'validation_failed').errors?.map((error) => error.field));
    expect(fields).toEqual([['query.sort'], ['columns.0'], ['query.handled'], ['list']]);
    const view = await save(ana, { list: 'requests', name: 'Buena', query: {}, columns: [] });
    const afterCreate = await rows();
    expectProblem(await ana.patch(`/api/v1/saved-views/${view.id}`, { version: 1, columns: ['stage'] }), 400, 'validation_failed');
    expect(await rows()).toEqual(afterCreate);
    expect(afterCreate.length).toBe(before.length + 1);
    expectProblem(await ana.get('/api/v1/saved-views?list=tasks'), 400, 'validation_failed');
  });
});

describe('saved views of the accounts list keep the overview counters', () => {
  const task = async (accountId: string) =>
    expect((await admin.post('/api/v1/activities', { accountId, type: 'task', subject: 'Llamar', startAt: '2027-01-10T09:00:00Z' })).statusCode).toBe(201);
  const openView = async (client: Client, query: Record<string, string>) =>
    (await client.get(`/api/v1/accounts?${new URLSearchParams(query).toString()}`)).json<ListResponse<AccountListItem>>().items;

  test('a view shown with the open tasks column, sorted and filtered by it, opens exactly so', async () => {
    const many = await t.account(admin, { name: 'Muchas Tareas SL', ownerIds: [ana.user.id] });
    const some = await t.account(admin, { name: 'Cuatro Tareas SL', ownerIds: [ana.user.id] });
    const few = await t.account(admin, { name: 'Pocas Tareas SL', ownerIds: [ana.user.id] });
    for (const [account, count] of [[many, 6], [some, 4], [few, 1]] as const) for (let i = 0; i < count; i++) await task(account.id);

    const saved = { counters: 'openTasks', sort: '-openTasks', openTasksAbove: '3' };
    const view = await save(ana, { name: 'Clientes con tareas abiertas', query: saved, columns: ['stage', 'owners'] });
    expect(view).toMatchObject({ query: saved, columns: ['stage', 'owners'] });
    const listed = (await ana.get('/api/v1/saved-views')).json<ListResponse<SavedView>>().items.find((item) => item.id === view.id);
    expect(listed).toMatchObject({ name: 'Clientes con tareas abiertas', query: saved, columns: ['stage', 'owners'] });

    // Its query is the accounts list's: the column's numbers come back, filtered and in its order.
    const rowsShown = await openView(ana, listed?.query ?? {});
    expect(rowsShown.map((item) => [item.name, item.overview.openTasks, item.overview.invoicedThisYear])).toEqual([
      ['Muchas Tareas SL', 6, undefined],
      ['Cuatro Tareas SL', 4, undefined],
    ]);
  });

  test('several counter columns, the invoiced sort and filters are stored as the list reads them; the owner overwrites them', async () => {
    const view = await save(ana, {
      name: 'Facturación',
      query: { counters: 'invoicedThisYear,activeProjects,invoicedThisYear', sort: 'invoicedThisYear', invoicedAbove: '100000', invoicedCurrency: 'eur' },
      columns: [],
    });
    expect(view.query).toEqual({ counters: 'invoicedThisYear,activeProjects', sort: 'invoicedThisYear', invoicedAbove: '100000', invoicedCurrency: 'EUR' });
    const changed = await ana.patch(`/api/v1/saved-views/${view.id}`, { version: 1, query: { counters: 'unsignedAgreements', sort: '-unsignedAgreements' } });
    expect(changed.json<SavedView>()).toMatchObject({ version: 2, query: { counters: 'unsignedAgreements', sort: '-unsignedAgreements' } });
    // Columns no longer shown are not kept.
    const cleared = await ana.patch(`/api/v1/saved-views/${view.id}`, { version: 2, query: { counters: '' } });
    expect(cleared.json<SavedView>().query).toEqual({});
  });

  test('an unknown counter is a field error, on create and on update, and nothing is saved', async () => {
    const view = await save(ana, { name: 'Con contadores', query: { counters: 'openTasks' }, columns: [] });
    const before = await rows();
    for (const counters of ['salary', 'openTasks,salary', 'open_tasks']) {
      const created = expectProblem(await ana.post('/api/v1/saved-views', { name: 'Mala', query: { counters }, columns: [] }), 400, 'validation_failed');
      expect(created.errors?.map((error) => error.field)).toEqual(['query.counters']);
      const updated = expectProblem(await ana.patch(`/api/v1/saved-views/${view.id}`, { version: 1, query: { counters } }), 400, 'validation_failed');
      expect(updated.errors?.map((error) => error.field)).toEqual(['query.counters']);
    }
    expect(await rows()).toEqual(before);
  });
});
