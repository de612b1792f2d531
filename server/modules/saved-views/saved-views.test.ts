import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ListResponse } from '@contract/common';
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
