import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { InvoiceCard } from '@contract/invoices';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk } from '@server/test/state';

// The company card's tiles open the lists of what they count (web overview-counters): each list,
// filtered as the tile links it, holds exactly what the tile says, for each reader (an agent's
// private tasks and nobody else's; drafts and cancelled invoices not billed).

let t: TestApp;
let admin: Client;
let ana: Client;
let company: Account;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  ana = await t.user({ role: 'agent', scope: 'own' });
  const luis = await t.user({ role: 'agent', scope: 'own' });
  company = await t.account(admin, { name: 'Baldosas', ownerIds: [ana.user.id, luis.user.id] });
  const post = async (client: Client, path: string, body: object) => expectOk<{ id: string }>(await client.post(path, body), 201);
  await post(ana, '/api/v1/projects', { organizationId: company.id, name: 'Activo', status: 'active' });
  await post(ana, '/api/v1/projects', { organizationId: company.id, name: 'Planificado' });
  for (const [client, extra] of [[ana, {}], [ana, { private: true }], [luis, { private: true }]] as const) {
    await post(client, '/api/v1/activities', { accountId: company.id, type: 'task', subject: 'Tarea', startAt: '2027-01-10T09:00:00Z', ...extra });
  }
  const sent = await post(ana, '/api/v1/agreements', { organizationId: company.id, title: 'Marco' });
  await t.db.updateTable('agreements').set({ status: 'sent' }).where('id', '=', sent.id).execute();
  await post(ana, '/api/v1/agreements', { organizationId: company.id, title: 'Borrador' });
  const invoice = (number: string, currency: string, net: number, extra: object = {}) =>
    post(ana, '/api/v1/invoices', { organizationId: company.id, number, currency, net, tax: 0, issueDate: `${year}-03-01`, ...extra });
  await invoice('T-1', 'EUR', 1000);
  await invoice('T-2', 'USD', 300);
  await invoice('T-3', 'EUR', 77, { status: 'draft' });
  await invoice('T-4', 'EUR', 5000, { issueDate: `${year - 1}-12-31` });
  const cancelled = await invoice('T-5', 'EUR', 9);
  expectOk(await ana.patch(`/api/v1/invoices/${cancelled.id}`, { version: 1, status: 'cancelled' }));
});
afterAll(async () => t.close());

const total = async (client: Client, path: string) => expectOk<ListResponse<unknown>>(await client.get(path)).total;

describe("the tiles' lists", () => {
  test.each(['admin', 'ana'] as const)('hold what the tiles count (%s)', async (who) => {
    const client = { admin, ana }[who];
    const { overview } = expectOk<Account>(await client.get(`/api/v1/accounts/${company.id}`));
    expect(await total(client, `/api/v1/projects?organizationId=${company.id}&status=active`)).toBe(overview.activeProjects);
    expect(await total(client, `/api/v1/activities?accountId=${company.id}&type=task&status=scheduled`)).toBe(overview.openTasks);
    expect(await total(client, `/api/v1/agreements?organizationId=${company.id}&unsigned=true`)).toBe(overview.unsignedAgreements);
    const billed = expectOk<ListResponse<InvoiceCard>>(await client.get(`/api/v1/invoices?organizationId=${company.id}&issuedFrom=${year}-01-01&issuedTo=${year}-12-31&billed=true`));
    const sums = new Map<string, number>();
    for (const item of billed.items) sums.set(item.currency, (sums.get(item.currency) ?? 0) + item.total);
    expect([...sums].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => b.amount - a.amount)).toEqual(overview.invoicedThisYear);
  });

  test('an agent counts their own private task, not a colleague\'s; an admin both', async () => {
    expect(expectOk<Account>(await ana.get(`/api/v1/accounts/${company.id}`)).overview).toMatchObject({ activeProjects: 1, openTasks: 2, unsignedAgreements: 1 });
    expect(expectOk<Account>(await admin.get(`/api/v1/accounts/${company.id}`)).overview).toMatchObject({ openTasks: 3, invoicedThisYear: [{ currency: 'EUR', amount: 1000 }, { currency: 'USD', amount: 300 }] });
  });
});
