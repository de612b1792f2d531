import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { ListItem } from '@contract/lists';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let admin: Client;
let agent: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
});
afterAll(async () => t.close());

const items = async (client: Client, key: string, includeInactive = false) =>
  (await client.get(`/api/v1/lists/${key}/items?includeInactive=${includeInactive}`)).json<{ items: ListItem[] }>().items;

describe('configurable lists', () => {
  test('the built-in stages are seeded in order, active and system', async () => {
    const stages = await items(agent, 'account_stage');
    expect(stages.map((item) => item.key)).toEqual(['lead', 'prospect', 'customer']);
    expect(stages.every((item) => item.system && item.active)).toBe(true);
    expect(stages[1]?.labels).toEqual({ es: 'Prospecto', en: 'Prospect' });
  });

  test('an admin adds an item with labels in both languages and a colour; the key comes from the Spanish label', async () => {
    const response = await admin.post('/api/v1/lists/account_stage/items', { labels: { es: 'Proveedor', en: 'Supplier' }, color: '#fab005' });
    expect(response.statusCode).toBe(201);
    const item = response.json<ListItem>();
    expect(item).toMatchObject({ key: 'proveedor', color: '#fab005', position: 3, active: true, system: false });
    const again = await admin.post('/api/v1/lists/account_stage/items', { labels: { es: 'Proveedor', en: 'Vendor' } });
    expect(again.json<ListItem>().key).toBe('proveedor_2');
  });

  test('an agent may read lists but not change them, and a refused write changes nothing', async () => {
    const before = await items(admin, 'industry', true);
    const response = await agent.post('/api/v1/lists/industry/items', { labels: { es: 'Banca', en: 'Banking' } });
    expect(response.statusCode).toBe(403);
    expect(await items(admin, 'industry', true)).toEqual(before);
    const stage = (await items(agent, 'account_stage'))[0];
    const patch = await agent.patch(`/api/v1/lists/account_stage/items/${stage?.id}`, { version: 1, labels: { es: 'X', en: 'X' } });
    expect(patch.statusCode).toBe(403);
    expect((await items(agent, 'account_stage'))[0]?.labels.es).toBe('Lead');
  });

  test('rename, recolour and a stale version refused with 412', async () => {
    const industry = (await admin.post('/api/v1/lists/industry/items', { labels: { es: 'Salud', en: 'Health' } })).json<ListItem>();
    const renamed = await admin.patch(`/api/v1/lists/industry/items/${industry.id}`, { version: 1, labels: { es: 'Sanidad', en: 'Healthcare' }, color: '#12b886' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<ListItem>()).toMatchObject({ key: 'salud', labels: { es: 'Sanidad', en: 'Healthcare' }, color: '#12b886', version: 2 });
    const stale = await admin.patch(`/api/v1/lists/industry/items/${industry.id}`, { version: 1, labels: { es: 'Otra', en: 'Other' } });
    expect(stale.statusCode).toBe(412);
    expect((await items(admin, 'industry')).find((item) => item.id === industry.id)?.labels.es).toBe('Sanidad');
  });

  test('built-in stages cannot be deactivated', async () => {
    const lead = (await items(admin, 'account_stage'))[0];
    const response = await admin.patch(`/api/v1/lists/account_stage/items/${lead?.id}`, { version: lead?.version, active: false });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: Array<{ field: string; code: string }> }>().errors[0]).toMatchObject({ field: 'active', code: 'system_item' });
  });

  test('reordering puts items in the order given', async () => {
    const before = await items(admin, 'account_stage', true);
    const reversed = [...before].reverse().map((item) => item.id);
    const response = await admin.put('/api/v1/lists/account_stage/order', { ids: reversed });
    expect(response.statusCode).toBe(200);
    expect((await items(admin, 'account_stage', true)).map((item) => item.id)).toEqual(reversed);
    await admin.put('/api/v1/lists/account_stage/order', { ids: before.map((item) => item.id) });
  });

  test('an unknown list key is a 400, an unknown item a 404', async () => {
    expect((await admin.get('/api/v1/lists/nope/items')).statusCode).toBe(400);
    expect((await admin.patch('/api/v1/lists/industry/items/01a20541-0000-7000-8000-000000000000', { version: 1, color: null })).statusCode).toBe(404);
  });
});

describe('accounts use list items', () => {
  test('stage, industry and source must be active items; a deactivated item stays where it is used and is no longer accepted for others', async () => {
    const retail = (await admin.post('/api/v1/lists/industry/items', { labels: { es: 'Comercio', en: 'Retail' } })).json<ListItem>();
    const web = (await admin.post('/api/v1/lists/source/items', { labels: { es: 'Web', en: 'Website' } })).json<ListItem>();
    const account = await t.account(agent, { name: 'Tienda', stage: 'proveedor', industry: retail.key, source: web.key });
    expect(account).toMatchObject({ stage: 'proveedor', industry: 'comercio', source: 'web' });

    const bad = await agent.post('/api/v1/accounts', { kind: 'organization', name: 'X', stage: 'unknown', industry: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: Array<{ field: string; code: string }> }>().errors[0]).toMatchObject({ field: 'stage', code: 'unknown_list_item' });

    await admin.patch(`/api/v1/lists/industry/items/${retail.id}`, { version: retail.version, active: false });
    expect((await items(agent, 'industry')).some((item) => item.id === retail.id)).toBe(false);
    const keep = await agent.patch(`/api/v1/accounts/${account.id}`, { version: account.version, notes: 'still retail' });
    expect(keep.statusCode).toBe(200);
    expect(keep.json<Account>().industry).toBe('comercio');
    const other = await agent.post('/api/v1/accounts', { kind: 'organization', name: 'Y', industry: 'comercio' });
    expect(other.statusCode).toBe(400);

    const filtered = await agent.get('/api/v1/accounts?industry=comercio&source=web');
    expect(filtered.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id)).toEqual([account.id]);
  });
});
