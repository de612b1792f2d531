import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import type { Account } from '@contract/accounts';
import type { DashboardCell, DashboardChart } from '@contract/dashboard';
import { nowIso } from '@server/lib/time';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem } from '@server/test/state';

// Seed 003's dashboard: invoiced per month against last year, overdue invoices by company, projects
// by status and agreements waiting for signature, under each actor's scope (an agent never counts
// the companies of others' portfolios), money per currency. Both dialects (CARTERA_TEST_DIALECT).

let t: TestApp;
let admin: Client;
let manager: Client;
let ana: Client;
let bruno: Client;
let mine: Account;
let theirs: Account;

const range = `from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2026-07-01T00:00:00Z')}`;
const chart = async (client: Client, name: string, query = range): Promise<DashboardCell[]> =>
  expectOk<DashboardChart>(await client.get(`/api/v1/dashboard/${name}?${query}`)).cells;
const counts = (cells: DashboardCell[]) => Object.fromEntries(cells.map((cell) => [cell.key ?? 'none', cell.count]));
const total = async (client: Client, url: string) => expectOk<{ total: number }>(await client.get(url)).total;
const pastDue = new Date(Date.parse(nowIso()) - 40 * 86_400_000).toISOString().slice(0, 10);

async function invoice(client: Client, organization: Account, body: object): Promise<{ id: string; version: number }> {
  return expectOk(await client.post('/api/v1/invoices', {
    number: `F-${Math.random().toString(36).slice(2, 10)}`, organizationId: organization.id, currency: 'EUR', net: 10_000, tax: 2_100, dueDate: '2030-01-31', ...body,
  }), 201);
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  manager = await t.user({ role: 'manager', scope: 'all' });
  ana = await t.user({ role: 'agent', scope: 'own' });
  bruno = await t.user({ role: 'agent', scope: 'own' });
  mine = await t.account(admin, { kind: 'organization', name: 'Mía', ownerIds: [ana.user.id] });
  theirs = await t.account(admin, { kind: 'organization', name: 'Ajena', ownerIds: [bruno.user.id] });

  // Invoiced: March 2026 (EUR and USD), March 2025, a draft and a cancelled one that never count;
  // bruno's company billed in April, all due in 2030. Overdue: one of ana's (partly paid), two of bruno's.
  await invoice(admin, mine, { issueDate: '2026-03-10' });
  await invoice(admin, mine, { issueDate: '2026-03-11', currency: 'USD', net: 5_000, tax: 0 });
  await invoice(admin, mine, { issueDate: '2025-03-20', net: 20_000, tax: 0 });
  await invoice(admin, mine, { issueDate: '2026-03-12', status: 'draft' });
  const cancelled = await invoice(admin, mine, { issueDate: '2026-03-13' });
  expectOk(await admin.patch(`/api/v1/invoices/${cancelled.id}`, { version: cancelled.version, status: 'cancelled' }));
  await invoice(admin, theirs, { issueDate: '2026-04-02' });
  const owed = await invoice(admin, mine, { issueDate: pastDue, dueDate: pastDue });
  expectOk(await admin.post(`/api/v1/invoices/${owed.id}/payments`, { version: owed.version, amount: 2_100 }));
  await invoice(admin, theirs, { issueDate: pastDue, dueDate: pastDue });
  await invoice(admin, theirs, { issueDate: pastDue, dueDate: pastDue, currency: 'USD', net: 1_000, tax: 0 });

  const project = async (organization: Account, status: string, responsible: Client) =>
    expectOk(await admin.post('/api/v1/projects', { organizationId: organization.id, name: `Proyecto ${status}`, status, responsibleIds: [responsible.user.id] }), 201);
  await project(mine, 'active', ana);
  await project(mine, 'planned', ana);
  await project(theirs, 'active', bruno);

  // Waiting for signature: ana's sent one (EUR 5,000.00), bruno's signed by the customer; a signed one waits for nothing.
  const agreement = async (organization: Account, owner: Client, status: string, value?: object) => {
    const made = expectOk<{ id: string }>(await admin.post('/api/v1/agreements', { organizationId: organization.id, title: `Acuerdo ${status}`, ownerId: owner.user.id, ...value }), 201);
    await sql`update agreements set status = ${status} where id = ${made.id}`.execute(t.db);
  };
  await agreement(mine, ana, 'sent', { value: { amount: 500_000, currency: 'EUR' } });
  await agreement(theirs, bruno, 'signed_by_customer');
  await agreement(mine, ana, 'signed_by_both');
});
afterAll(async () => t.close());

describe('billing on the dashboard, under the actor’s scope', () => {
  test('invoiced per month, per currency, beside the same month a year earlier; drafts and cancelled never count', async () => {
    const cells = (await chart(admin, 'invoiced-per-month')).filter((cell) => cell.key === '2026-03' || cell.key === '2026-04');
    expect(cells.map((cell) => [cell.key, cell.series, cell.previousYear ?? false, cell.count, cell.sums?.[0]?.amount])).toEqual([
      ['2026-03', 'EUR', false, 1, 12_100], ['2026-03', 'USD', false, 1, 5_000], ['2026-03', 'EUR', true, 1, 20_000],
      ['2026-04', 'EUR', false, 1, 12_100],
    ]);
    expect(cells.find((cell) => cell.previousYear)).toMatchObject({ from: '2025-03-01', to: '2025-03-31' });
    // Ana's dashboard leaves out bruno's company.
    expect((await chart(ana, 'invoiced-per-month')).filter((cell) => cell.key === '2026-04')).toEqual([]);
  });

  test('overdue invoices by company: how many and what is still owed, per currency', async () => {
    const cells = await chart(admin, 'invoices-overdue');
    expect(cells.map((cell) => [cell.label, cell.count, cell.sums])).toEqual([
      ['Ajena', 2, [{ currency: 'EUR', amount: 12_100 }, { currency: 'USD', amount: 1_000 }]],
      ['Mía', 1, [{ currency: 'EUR', amount: 10_000 }]],
    ]);
    expect((await chart(ana, 'invoices-overdue')).map((cell) => cell.key)).toEqual([mine.id]);
  });

  test('projects by status and agreements waiting for signature', async () => {
    expect(counts(await chart(admin, 'projects-by-status'))).toEqual({ planned: 1, active: 2, on_hold: 0, done: 0, cancelled: 0 });
    expect(counts(await chart(ana, 'projects-by-status'))).toMatchObject({ planned: 1, active: 1 });
    expect(await chart(admin, 'agreements-waiting')).toMatchObject([
      { key: 'sent', count: 1, sums: [{ currency: 'EUR', amount: 500_000 }] }, { key: 'signed_by_customer', count: 1, sums: [] },
    ]);
    expect(counts(await chart(ana, 'agreements-waiting'))).toEqual({ sent: 1, signed_by_customer: 0 });
  });

  test('a manager narrows them to an owner or a team; an agent naming another owner is refused', async () => {
    const owner = `${range}&ownerId=${bruno.user.id}`;
    expect((await chart(manager, 'invoices-overdue', owner)).map((cell) => cell.key)).toEqual([theirs.id]);
    expect(counts(await chart(manager, 'projects-by-status', owner))).toMatchObject({ active: 1, planned: 0 });
    expect(counts(await chart(manager, 'agreements-waiting', owner))).toEqual({ sent: 0, signed_by_customer: 1 });
    const team = expectOk<{ id: string }>(await admin.post('/api/v1/teams', { name: 'Cobros' }), 201);
    await sql`update users set team_id = ${team.id} where id = ${ana.user.id}`.execute(t.db);
    const query = `${range}&teamId=${team.id}`;
    expect((await chart(manager, 'invoiced-per-month', query)).filter((cell) => cell.key === '2026-04')).toEqual([]);
    expect(counts(await chart(manager, 'projects-by-status', query))).toMatchObject({ active: 1, planned: 1 });
    expect(counts(await chart(manager, 'agreements-waiting', query))).toEqual({ sent: 1, signed_by_customer: 0 });
    await sql`update users set team_id = null where id = ${ana.user.id}`.execute(t.db);
    expectProblem(await ana.get(`/api/v1/dashboard/invoices-overdue?${owner}`), 403, 'forbidden');
  });
});

describe('every slice is its list, filtered to exactly what it counts', () => {
  const listOf = (name: string, cell: DashboardCell): string => {
    switch (name) {
      case 'invoiced-per-month': return `/api/v1/invoices?issuedFrom=${cell.from ?? ''}&issuedTo=${cell.to ?? ''}&currency=${cell.series ?? ''}&billed=true`;
      case 'invoices-overdue': return `/api/v1/invoices?status=overdue&organizationId=${cell.key ?? ''}`;
      case 'projects-by-status': return `/api/v1/projects?status=${cell.key ?? ''}`;
      default: return `/api/v1/agreements?status=${cell.key ?? ''}`;
    }
  };
  test.each(['invoiced-per-month', 'invoices-overdue', 'projects-by-status', 'agreements-waiting'])('%s', async (name) => {
    for (const client of [ana, admin, manager]) {
      const cells = await chart(client, name);
      for (const cell of cells) expect(await total(client, listOf(name, cell)), listOf(name, cell)).toBe(cell.count);
      expect(cells.reduce((sum, cell) => sum + cell.count, 0)).toBeGreaterThan(0);
    }
  });
});
