import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import type { Account } from '@contract/accounts';
import type { Activity } from '@contract/activities';
import { unsignedAgreementStatuses, type Agreement } from '@contract/agreements';
import type { Invoice } from '@contract/invoices';
import type { Project } from '@contract/projects';
import type { Db } from '@server/db/database';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk } from '@server/test/state';

// The company list sorts and filters by counters its triggers keep on each account and on the
// account's portfolio rows (2026-12-12T1100-account-counters). Written at once from many
// requests (projects opened and closed, tasks added, finished and made private, agreements signed
// and withdrawn, invoices issued, paid and cancelled), they must end equal to the records counted
// afresh, on both dialects.

let t: TestApp;
let admin: Client;
let ana: Client;
let luis: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  ana = await t.user({ role: 'agent', scope: 'own' });
  luis = await t.user({ role: 'agent', scope: 'own' });
});
afterAll(async () => t.close());

const year = String(new Date().getUTCFullYear());
const billed = ['issued', 'partly_paid', 'paid'] as const;

type Kept = { active_projects: number; open_tasks: number; open_tasks_shared: number; unsigned_agreements: number; invoiced_this_year: number };

/** The counters recounted from the records: what the triggers must hold. */
async function recounted(db: Db, id: string): Promise<{ kept: Kept; invoiced: string[] }> {
  const count = async (query: Promise<{ n: number | string } | undefined>) => Number((await query)?.n ?? 0);
  const tasks = db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', id).where('type', '=', 'task').where('status', '=', 'scheduled');
  const invoiced = await db.selectFrom('invoices').select(['currency', sql<string>`substr(issue_date, 1, 4)`.as('year'), (eb) => eb.fn.sum<number>('total').as('amount')])
    .where('organization_id', '=', id).where('status', 'in', billed).groupBy(['currency', sql`substr(issue_date, 1, 4)`]).execute();
  const basis = await db.selectFrom('account_counter_basis').selectAll().executeTakeFirstOrThrow();
  return {
    kept: {
      active_projects: await count(db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', id).where('status', '=', 'active').executeTakeFirst()),
      open_tasks: await count(tasks.executeTakeFirst()),
      open_tasks_shared: await count(tasks.where('is_private', '=', false).executeTakeFirst()),
      unsigned_agreements: await count(db.selectFrom('agreements').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', id).where('status', 'in', unsignedAgreementStatuses).executeTakeFirst()),
      invoiced_this_year: Number(invoiced.find((row) => row.year === basis.year && row.currency === basis.currency)?.amount ?? 0),
    },
    invoiced: invoiced.filter((row) => Number(row.amount) !== 0).map((row) => `${row.year} ${row.currency} ${Number(row.amount)}`).sort(),
  };
}

/** What the triggers keep: the account's columns, each of its portfolio rows' and its per-year sums. */
async function kept(db: Db, id: string): Promise<{ account: Kept; portfolio: Kept[]; invoiced: string[] }> {
  const columns = ['active_projects', 'open_tasks', 'open_tasks_shared', 'unsigned_agreements', 'invoiced_this_year'] as const;
  const account = await db.selectFrom('accounts').select(columns).where('id', '=', id).executeTakeFirstOrThrow();
  const portfolio = await db.selectFrom('portfolio_accounts').select(columns).where('id', '=', id).execute();
  const invoiced = await db.selectFrom('account_invoiced').selectAll().where('account_id', '=', id).where('amount', '<>', 0).execute();
  return { account, portfolio, invoiced: invoiced.map((row) => `${row.year} ${row.currency} ${Number(row.amount)}`).sort() };
}

async function expectExact(id: string): Promise<Kept> {
  const truth = await recounted(t.db, id);
  const held = await kept(t.db, id);
  expect(held.account).toEqual(truth.kept);
  expect(held.portfolio.length).toBeGreaterThan(0);
  for (const row of held.portfolio) expect(row).toEqual(truth.kept);
  expect(held.invoiced).toEqual(truth.invoiced);
  return truth.kept;
}

const task = (client: Client, accountId: string, subject: string, extra: object = {}) =>
  client.post('/api/v1/activities', { accountId, type: 'task', subject, startAt: '2027-01-10T09:00:00Z', ...extra });
/** An agreement sent (sending itself mails the customer: the status is set directly here). */
async function sentAgreement(client: Client, organizationId: string, title: string): Promise<Agreement> {
  const made = expectOk<Agreement>(await client.post('/api/v1/agreements', { organizationId, title }), 201);
  await t.db.updateTable('agreements').set({ status: 'sent' }).where('id', '=', made.id).execute();
  return expectOk<Agreement>(await client.get(`/api/v1/agreements/${made.id}`));
}
const invoice = (client: Client, organizationId: string, number: string, extra: object = {}) =>
  client.post('/api/v1/invoices', { organizationId, number, currency: 'EUR', net: 1000, tax: 210, issueDate: `${year}-03-01`, ...extra });

describe('the company counters kept by triggers', () => {
  test('follow each kind of write: tasks, projects, invoices in two currencies and another year', async () => {
    const company: Account = await t.account(ana, { name: 'Contada' });
    const first = expectOk<Activity>(await task(ana, company.id, 'Abierta'), 201);
    expectOk(await task(ana, company.id, 'Privada', { private: true }), 201);
    expectOk(await ana.post('/api/v1/activities', { accountId: company.id, type: 'call', subject: 'No es tarea', startAt: '2027-01-10T09:00:00Z' }), 201);
    expect(await expectExact(company.id)).toMatchObject({ open_tasks: 2, open_tasks_shared: 1 });
    expectOk(await ana.patch(`/api/v1/activities/${first.id}`, { version: first.version, private: true }));
    expect(await expectExact(company.id)).toMatchObject({ open_tasks: 2, open_tasks_shared: 0 });

    const project = expectOk<Project>(await ana.post('/api/v1/projects', { organizationId: company.id, name: 'Arranque', status: 'active' }), 201);
    expect(await expectExact(company.id)).toMatchObject({ active_projects: 1 });
    expectOk(await ana.patch(`/api/v1/projects/${project.id}`, { version: project.version, status: 'done' }));
    expect(await expectExact(company.id)).toMatchObject({ active_projects: 0 });

    const agreement = await sentAgreement(ana, company.id, 'Cooperación');
    expectOk(await ana.post('/api/v1/agreements', { organizationId: company.id, title: 'Borrador' }), 201);
    expect(await expectExact(company.id)).toMatchObject({ unsigned_agreements: 1 });
    const byCustomer = expectOk<Agreement>(await ana.post(`/api/v1/agreements/${agreement.id}/status`, { version: agreement.version, status: 'signed_by_customer', name: 'Cliente' }));
    expect(await expectExact(company.id)).toMatchObject({ unsigned_agreements: 1 });
    expectOk(await ana.post(`/api/v1/agreements/${agreement.id}/status`, { version: byCustomer.version, status: 'signed_by_both' }));
    expect(await expectExact(company.id)).toMatchObject({ unsigned_agreements: 0 });

    const draft = expectOk<Invoice>(await invoice(ana, company.id, 'F-1', { status: 'draft' }), 201);
    expect(await expectExact(company.id)).toMatchObject({ invoiced_this_year: 0 });
    expectOk(await ana.patch(`/api/v1/invoices/${draft.id}`, { version: draft.version, status: 'issued' }));
    expectOk(await invoice(ana, company.id, 'F-2', { currency: 'USD' }), 201);
    expectOk(await invoice(ana, company.id, 'F-3', { issueDate: `${Number(year) - 1}-12-31` }), 201);
    const held = await kept(t.db, company.id);
    expect(held.invoiced).toEqual([`${Number(year) - 1} EUR 1210`, `${year} EUR 1210`, `${year} USD 1210`]);
    expect(await expectExact(company.id)).toMatchObject({ invoiced_this_year: 1210 });
    // A portfolio row made later (an owner added, the account back from the bin) starts with the counters.
    const current = expectOk<Account>(await ana.get(`/api/v1/accounts/${company.id}`));
    expectOk(await ana.put(`/api/v1/accounts/${company.id}/owners`, { version: current.version, ownerIds: [ana.user.id, luis.user.id] }));
    expect((await kept(t.db, company.id)).portfolio).toHaveLength(2);
    await expectExact(company.id);
  });

  test('stay exact under concurrent writes on one company', async () => {
    const company: Account = await t.account(admin, { name: 'Concurrida', ownerIds: [ana.user.id, luis.user.id] });
    const projects = await Promise.all(Array.from({ length: 6 }, async (_, i) =>
      expectOk<Project>(await ana.post('/api/v1/projects', { organizationId: company.id, name: `P${i}`, status: i < 4 ? 'active' : 'planned' }), 201)));
    const tasks = await Promise.all(Array.from({ length: 10 }, async (_, i) => expectOk<Activity>(await task(i % 2 ? ana : luis, company.id, `T${i}`), 201)));
    const issued = await Promise.all(Array.from({ length: 6 }, async (_, i) => expectOk<Invoice>(await invoice(ana, company.id, `C-${i}`, { net: 100 * (i + 1), tax: 0 }), 201)));
    const drafts = await Promise.all(Array.from({ length: 4 }, async (_, i) => expectOk<Invoice>(await invoice(luis, company.id, `D-${i}`, { status: 'draft', net: 7 * (i + 1), tax: 0 }), 201)));
    const agreements = await Promise.all(Array.from({ length: 6 }, async (_, i) => sentAgreement(i % 2 ? ana : luis, company.id, `A${i}`)));
    await expectExact(company.id);
    const move = (client: Client, agreement: Agreement, body: object) => client.post(`/api/v1/agreements/${agreement.id}/status`, { version: agreement.version, ...body });

    const writes = [
      ...projects.map((project, i) => ana.patch(`/api/v1/projects/${project.id}`, { version: project.version, status: ['done', 'active', 'on_hold'][i % 3] })),
      ...tasks.slice(0, 5).map((activity) => luis.post(`/api/v1/activities/${activity.id}/done`, { version: activity.version })),
      ...tasks.slice(5, 7).map((activity) => ana.patch(`/api/v1/activities/${activity.id}`, { version: activity.version, private: true })),
      ...Array.from({ length: 8 }, (_, i) => task(i % 2 ? ana : luis, company.id, `N${i}`, { private: i % 3 === 0 })),
      ...issued.slice(0, 3).map((row) => ana.patch(`/api/v1/invoices/${row.id}`, { version: row.version, status: 'cancelled' })),
      ...issued.slice(3, 5).map((row) => luis.post(`/api/v1/invoices/${row.id}/payments`, { version: row.version, amount: 50 })),
      ...drafts.map((row) => luis.patch(`/api/v1/invoices/${row.id}`, { version: row.version, status: 'issued' })),
      ...Array.from({ length: 5 }, (_, i) => invoice(i % 2 ? ana : luis, company.id, `N-${i}`, { currency: i % 2 ? 'USD' : 'EUR', net: 1000 + i, tax: 0 })),
      ...agreements.slice(0, 2).map((agreement) => move(ana, agreement, { status: 'signed_by_customer', name: 'Cliente' })),
      ...agreements.slice(2, 4).map((agreement) => move(luis, agreement, { status: 'terminated' })),
      ...agreements.slice(4, 5).map((agreement) => move(ana, agreement, { status: 'draft' })),
      ...Array.from({ length: 3 }, (_, i) => ana.post('/api/v1/agreements', { organizationId: company.id, title: `N${i}` })),
    ];
    const answers = await Promise.all(writes);
    expect(answers.map((answer) => answer.statusCode).filter((status) => status >= 300)).toEqual([]);
    const counted = await expectExact(company.id);
    // Of four active projects one stays so; one of the two planned ones is opened.
    expect(counted.active_projects).toBe(2);
    expect(counted.open_tasks).toBe(13);
    expect(counted.unsigned_agreements).toBe(3);
  });

  test('refused writes change no counter', async () => {
    const company: Account = await t.account(ana, { name: 'Ajena' });
    const project = expectOk<Project>(await ana.post('/api/v1/projects', { organizationId: company.id, name: 'Suyo', status: 'active' }), 201);
    const open = expectOk<Activity>(await task(ana, company.id, 'Suya'), 201);
    const billedOne = expectOk<Invoice>(await invoice(ana, company.id, 'R-1'), 201);
    const before = await kept(t.db, company.id);
    // Luis does not hold the company: every write is refused as not found.
    expect((await luis.patch(`/api/v1/projects/${project.id}`, { version: project.version, status: 'done' })).statusCode).toBe(404);
    expect((await luis.post(`/api/v1/activities/${open.id}/done`, { version: open.version })).statusCode).toBe(404);
    expect((await luis.patch(`/api/v1/invoices/${billedOne.id}`, { version: billedOne.version, status: 'cancelled' })).statusCode).toBe(404);
    expect((await task(luis, company.id, 'Intrusa')).statusCode).toBe(404);
    expect((await invoice(luis, company.id, 'R-2')).statusCode).toBe(404);
    // A stale version changes nothing either.
    expect((await ana.patch(`/api/v1/invoices/${billedOne.id}`, { version: billedOne.version + 5, status: 'cancelled' })).statusCode).toBe(412);
    expect(await kept(t.db, company.id)).toEqual(before);
    await expectExact(company.id);
  });
});
