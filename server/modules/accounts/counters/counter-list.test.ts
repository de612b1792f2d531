import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem } from '@server/test/state';

// The company list sorted and filtered by its counters (issue 22 item 4), for readers who see
// different things: an agent sees their portfolio and, of the private tasks, only their own; a
// CRM manager and an admin see every private task; a manager every account but no one's private
// tasks. A filter or a sort never lets a record the reader may not see count.

let t: TestApp;
let admin: Client;
let manager: Client;
let crm: Client;
let ana: Client;
let luis: Client;
const ids: Record<'alfa' | 'beta' | 'gamma', string> = { alfa: '', beta: '', gamma: '' };

const year = new Date().getUTCFullYear();
const task = async (client: Client, accountId: string, extra: object = {}) =>
  expectOk(await client.post('/api/v1/activities', { accountId, type: 'task', subject: 'Tarea', startAt: '2027-01-10T09:00:00Z', ...extra }), 201);
const invoice = async (organizationId: string, number: string, currency: string, net: number, issueDate = `${year}-02-01`) =>
  expectOk(await admin.post('/api/v1/invoices', { organizationId, number, currency, net, tax: 0, issueDate }), 201);

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  manager = await t.user({ role: 'manager', scope: 'all' });
  crm = await t.user({ role: 'agent', scope: 'own', crmManager: true });
  ana = await t.user({ role: 'agent', scope: 'own' });
  luis = await t.user({ role: 'agent', scope: 'own' });
  const shared = [ana.user.id, luis.user.id, crm.user.id];
  const alfa: Account = await t.account(admin, { name: 'Alfa', ownerIds: shared });
  const beta: Account = await t.account(admin, { name: 'Beta', ownerIds: shared });
  const gamma: Account = await t.account(admin, { name: 'Gamma', ownerIds: [luis.user.id] });
  Object.assign(ids, { alfa: alfa.id, beta: beta.id, gamma: gamma.id });
  // Alfa: one shared task, two private ones of Ana's, three of Luis's. Beta: two shared. Gamma (Luis's only): five shared.
  for (const [client, count, extra] of [[ana, 1, {}], [ana, 2, { private: true }], [luis, 3, { private: true }]] as const) {
    for (let i = 0; i < count; i++) await task(client, alfa.id, extra);
  }
  for (let i = 0; i < 2; i++) await task(ana, beta.id);
  for (let i = 0; i < 5; i++) await task(luis, gamma.id);
  // Alfa: 10.00 EUR this year, 5,000.00 USD, and 10,000.00 EUR last year; Beta 30.00 EUR; Gamma 999.99 EUR.
  await invoice(alfa.id, 'A-1', 'EUR', 1000);
  await invoice(alfa.id, 'A-2', 'USD', 500_000);
  await invoice(alfa.id, 'A-3', 'EUR', 1_000_000, `${year - 1}-06-01`);
  await invoice(beta.id, 'B-1', 'EUR', 3000);
  await invoice(gamma.id, 'G-1', 'EUR', 99_999);
});
afterAll(async () => t.close());

const nameOf = (id: string) => Object.entries(ids).find(([, value]) => value === id)?.[0] ?? id;

async function list(client: Client, query: string): Promise<Array<{ name: string; openTasks?: number; invoiced?: AccountListItem['overview']['invoicedThisYear'] }>> {
  const page = expectOk<ListResponse<AccountListItem>>(await client.get(`/api/v1/accounts?${query}&counters=openTasks,invoicedThisYear&limit=2`));
  const items = [...page.items];
  let cursor = page.nextCursor;
  while (cursor) {
    const next = expectOk<ListResponse<AccountListItem>>(await client.get(`/api/v1/accounts?${query}&counters=openTasks,invoicedThisYear&limit=2&cursor=${encodeURIComponent(cursor)}`));
    items.push(...next.items);
    cursor = next.nextCursor;
  }
  expect(page.total).toBe(items.length);
  return items.map((item) => ({ name: nameOf(item.id), openTasks: item.overview.openTasks, invoiced: item.overview.invoicedThisYear }));
}
const names = async (client: Client, query: string) => (await list(client, query)).map((row) => row.name);

describe('more than N open tasks', () => {
  test.each([
    ['admin', 2, ['alfa', 'gamma']],
    ['crm', 2, ['alfa']],
    ['manager', 1, ['beta', 'gamma']],
    // Ana sees Alfa's shared task and her own two private ones (3), not Luis's three.
    ['ana', 2, ['alfa']],
    ['ana', 3, []],
    ['luis', 3, ['gamma', 'alfa']],
    ['luis', 4, ['gamma']],
    ['ana', 0, ['alfa', 'beta']],
  ] as const)('%s, more than %i: %j', async (who, above, expected) => {
    const client = { admin, crm, manager, ana, luis }[who];
    expect(new Set(await names(client, `openTasksAbove=${above}`))).toEqual(new Set(expected));
  });

  test('agrees with the column each reader sees', async () => {
    for (const client of [admin, crm, manager, ana, luis]) {
      const rows = await list(client, 'sort=name');
      for (const above of [0, 1, 2, 3, 4, 6]) {
        const wanted = rows.filter((row) => (row.openTasks ?? 0) > above).map((row) => row.name);
        expect(await names(client, `openTasksAbove=${above}&sort=name`), `${client.user.name} > ${above}`).toEqual(wanted);
      }
    }
  });
});

describe('sorted by open tasks', () => {
  test('those who see every private task sort by all of them', async () => {
    // Alfa 6, Gamma 5, Beta 2.
    expect(await names(admin, 'sort=-openTasks')).toEqual(['alfa', 'gamma', 'beta']);
    expect(await names(crm, 'sort=-openTasks')).toEqual(['alfa', 'beta']);
  });

  test("anyone else sorts by the tasks that are not private: their own private ones show in the column but do not move the order", async () => {
    // Ana's column: Alfa 3 (one shared, two hers), Beta 2; ordered by the shared ones, Beta 2 before Alfa 1.
    expect(await list(ana, 'sort=-openTasks')).toMatchObject([{ name: 'beta', openTasks: 2 }, { name: 'alfa', openTasks: 3 }]);
    expect(await names(ana, 'sort=openTasks')).toEqual(['alfa', 'beta']);
    // Luis's seven private tasks never lift Alfa for the manager, who sees none of them.
    expect(await list(manager, 'sort=-openTasks')).toMatchObject([{ name: 'gamma', openTasks: 5 }, { name: 'beta', openTasks: 2 }, { name: 'alfa', openTasks: 1 }]);
  });
});

describe('invoiced this year', () => {
  test('above an amount of the base currency, this year only, what the reader may see', async () => {
    expect(new Set(await names(admin, 'invoicedAbove=1500'))).toEqual(new Set(['beta', 'gamma']));
    expect(await names(ana, 'invoicedAbove=1500')).toEqual(['beta']);
    // Alfa's 10,000.00 EUR were last year.
    expect(await names(admin, 'invoicedAbove=100000')).toEqual([]);
    expect(await names(admin, 'invoicedAbove=0&invoicedCurrency=EUR&sort=name')).toEqual(['alfa', 'beta', 'gamma']);
  });

  test('in another currency, never added to the base one', async () => {
    expect(await names(ana, 'invoicedAbove=1500&invoicedCurrency=USD')).toEqual(['alfa']);
    expect(await names(ana, 'invoicedAbove=500000&invoicedCurrency=usd')).toEqual([]);
    expect(await names(luis, 'invoicedCurrency=USD')).toEqual(['alfa']);
  });

  test('sorted by the base currency: an account billed in another only sorts by what it billed in the base one', async () => {
    expect(await list(admin, 'sort=-invoicedThisYear')).toEqual([
      { name: 'gamma', openTasks: 5, invoiced: [{ currency: 'EUR', amount: 99_999 }] },
      { name: 'beta', openTasks: 2, invoiced: [{ currency: 'EUR', amount: 3000 }] },
      { name: 'alfa', openTasks: 6, invoiced: [{ currency: 'USD', amount: 500_000 }, { currency: 'EUR', amount: 1000 }] },
    ]);
    expect(await names(ana, 'sort=-invoicedThisYear')).toEqual(['beta', 'alfa']);
    expect(await names(luis, 'sort=invoicedThisYear')).toEqual(['alfa', 'beta', 'gamma']);
  });

  test('bad amounts and currencies are refused by name', async () => {
    for (const query of ['invoicedAbove=-1', 'invoicedAbove=1.5', 'invoicedCurrency=XYZ', 'invoicedCurrency=EURO', 'openTasksAbove=muchas', 'sort=-invoiced']) {
      const problem = expectProblem(await ana.get(`/api/v1/accounts?${query}`), 400, 'validation_failed');
      expect(JSON.stringify(problem), query).toContain(query.split('=')[0] ?? '');
    }
  });
});
