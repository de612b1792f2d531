import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import type { Account } from '@contract/accounts';
import { dashboardCharts, type DashboardCell, type DashboardChart, type DashboardChartName } from '@contract/dashboard';
import type { Opportunity } from '@contract/opportunities';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem } from '@server/test/state';

// Every chart's numbers under each actor's scope: an agent's counts leave out the accounts of
// others' portfolios (and everything hanging off them) and others' private activities; money is
// per currency. Both dialects (CARTERA_TEST_DIALECT).

let t: TestApp;
let admin: Client;
let manager: Client;
let ana: Client;
let bruno: Client;
let mine: Account;
let theirs: Account;
let vip: string;
let campaignId: string;

const range = `from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2027-01-01T00:00:00Z')}`;

async function chart(client: Client, name: string, query = range): Promise<DashboardCell[]> {
  return expectOk<DashboardChart>(await client.get(`/api/v1/dashboard/${name}?${query}`)).cells;
}
const counts = (cells: DashboardCell[]) => Object.fromEntries(cells.map((cell) => [cell.key ?? 'none', cell.count]));

async function opportunity(client: Client, organization: Account, body: object): Promise<Opportunity> {
  return expectOk<Opportunity>(await client.post('/api/v1/opportunities', { organizationId: organization.id, name: 'Trato', currency: 'EUR', expectedCloseOn: '2026-11-15', ...body }), 201);
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  manager = await t.user({ role: 'manager', scope: 'all' });
  ana = await t.user({ role: 'agent', scope: 'own' });
  bruno = await t.user({ role: 'agent', scope: 'own' });
  mine = await t.account(admin, { kind: 'organization', name: 'Mía', stage: 'lead', ownerIds: [ana.user.id] });
  theirs = await t.account(admin, { kind: 'organization', name: 'Ajena', stage: 'prospect', ownerIds: [bruno.user.id] });
  const shared = await t.account(admin, { kind: 'person', firstName: 'Compartida', stage: 'customer', ownerIds: [ana.user.id, bruno.user.id] });
  const brunos = await t.account(admin, { kind: 'person', firstName: 'Persona', stage: 'customer', ownerIds: [bruno.user.id] });
  const binned = await t.account(admin, { kind: 'person', firstName: 'Papelera', stage: 'lead', ownerIds: [ana.user.id] });
  // Created in March and May, with sources; the binned one counts nowhere.
  await sql`update accounts set created_at = ${'2026-03-05T10:00:00.000Z'}, source = 'web' where id in (${mine.id}, ${theirs.id})`.execute(t.db);
  await sql`update accounts set created_at = ${'2026-05-05T10:00:00.000Z'}, source = null where id in (${shared.id}, ${brunos.id}, ${binned.id})`.execute(t.db);
  vip = expectOk<{ id: string }>(await admin.post('/api/v1/tags', { name: 'VIP' }), 201).id;
  for (const account of [shared, brunos, binned]) expect((await admin.put(`/api/v1/accounts/${account.id}/tags/${vip}`)).statusCode).toBeLessThan(300);
  expect((await admin.delete(`/api/v1/accounts/${binned.id}`)).statusCode).toBeLessThan(300);

  for (const [accountId, status, channel] of [[mine.id, 'new', 'phone'], [theirs.id, 'new', 'web_form'], [shared.id, 'contacted', 'phone']] as const) {
    expectOk(await admin.post('/api/v1/requests', { accountId, status, channel, requestedAt: '2026-04-02T09:00:00Z' }), 201);
  }
  const activity = async (client: Client, body: object) => expectOk(await client.post('/api/v1/activities', { subject: 'Seguimiento', ...body }), 201);
  // Overdue (scheduled, due in the past), one of them bruno's private one on the shared account.
  await activity(ana, { accountId: mine.id, type: 'call', startAt: '2026-02-01T10:00:00Z' });
  await activity(bruno, { accountId: shared.id, type: 'call', startAt: '2026-02-02T10:00:00Z', private: true });
  await activity(bruno, { accountId: theirs.id, type: 'visit', startAt: '2026-02-03T10:00:00Z', status: 'done' });

  await opportunity(ana, mine, { amount: 100_000, stage: 'proposal', probability: 50 });
  await opportunity(ana, mine, { amount: 3_000, currency: 'USD', stage: 'proposal', probability: 50, expectedCloseOn: '2026-12-01' });
  await opportunity(bruno, theirs, { amount: 90_000, stage: 'proposal', probability: 50 });
  const won = await opportunity(ana, mine, { amount: 40_000 });
  const lost = await opportunity(ana, mine, { amount: 7_000, currency: 'USD' });
  expectOk(await ana.post(`/api/v1/opportunities/${won.id}/move`, { version: won.version, stage: 'won' }));
  expectOk(await ana.post(`/api/v1/opportunities/${lost.id}/move`, { version: lost.version, stage: 'lost', lostReason: 'price' }));
  await sql`update opportunities set closed_at = ${'2026-03-10T12:00:00.000Z'} where id in (${won.id}, ${lost.id})`.execute(t.db);
  const theirsWon = await opportunity(bruno, theirs, { amount: 55_000 });
  expectOk(await bruno.post(`/api/v1/opportunities/${theirsWon.id}/move`, { version: theirsWon.version, stage: 'won' }));
  await sql`update opportunities set closed_at = ${'2026-03-20T12:00:00.000Z'} where id = ${theirsWon.id}`.execute(t.db);

  // An older campaign and the latest (by start), with members of both agents' portfolios.
  expectOk(await admin.post('/api/v1/campaigns', { name: 'Feria 2025', startsOn: '2025-03-01', endsOn: '2025-03-31' }), 201);
  campaignId = expectOk<{ id: string }>(await admin.post('/api/v1/campaigns', { name: 'Feria 2026', startsOn: '2026-03-01', endsOn: '2026-03-31' }), 201).id;
  for (const [accountId, status, responsibleId] of [[mine.id, 'interested', ana.user.id], [shared.id, 'to_contact', bruno.user.id], [theirs.id, 'interested', bruno.user.id]] as const) {
    expectOk(await admin.post(`/api/v1/campaigns/${campaignId}/members`, { accountId, status, responsibleId }), 201);
  }

  // Quotes issued in March: ana's draft, a sent one past its validity, two accepted in April (EUR
  // and USD) and one accepted in May; bruno's accepted one on his own account. Totals: 1,210 a line.
  const quote = async (client: Client, account: Account, status: string, body: object = {}, decidedAt: string | null = null) => {
    const made = expectOk<{ id: string }>(await client.post('/api/v1/quotes', {
      accountId: account.id, issueDate: '2026-03-05', validUntil: '2026-04-04', lines: [{ description: 'Servicio', quantity: 1, unitPrice: 1000, taxRate: 21 }], ...body,
    }), 201);
    await sql`update quotes set status = ${status}, decided_at = ${decidedAt} where id = ${made.id}`.execute(t.db);
  };
  await quote(ana, mine, 'draft');
  await quote(ana, mine, 'sent');
  await quote(ana, mine, 'accepted', {}, '2026-04-10T10:00:00.000Z');
  await quote(ana, mine, 'accepted', { currency: 'USD', exchangeRate: '0.92' }, '2026-04-11T10:00:00.000Z');
  await quote(ana, mine, 'accepted', {}, '2026-05-02T10:00:00.000Z');
  await quote(bruno, theirs, 'accepted', {}, '2026-04-12T10:00:00.000Z');
});
afterAll(async () => t.close());

describe('the dashboard counts under the actor’s scope', () => {
  test('accounts by stage: the agent’s portfolio only, never the bin', async () => {
    expect(counts(await chart(ana, 'accounts-by-stage'))).toEqual({ lead: 1, prospect: 0, customer: 1 });
    expect(counts(await chart(admin, 'accounts-by-stage'))).toEqual({ lead: 1, prospect: 1, customer: 2 });
  });

  test('new accounts per month and source, in the asker’s months', async () => {
    const cells = (await chart(admin, 'new-accounts')).map((cell) => [cell.key, cell.series, cell.count]);
    expect(cells).toEqual([['2026-03', 'web', 2], ['2026-05', null, 2]]);
    expect((await chart(ana, 'new-accounts')).map((cell) => [cell.key, cell.series, cell.count])).toEqual([['2026-03', 'web', 1], ['2026-05', null, 1]]);
    // Lima's March begins five hours after UTC's: an account made at 03:00 UTC on 1 April is still March there.
    await sql`update accounts set created_at = ${'2026-04-01T03:00:00.000Z'} where id = ${mine.id}`.execute(t.db);
    const lima = await chart(admin, 'new-accounts', `from=${encodeURIComponent('2026-03-01T05:00:00Z')}&to=${encodeURIComponent('2026-05-01T05:00:00Z')}&timeZone=America/Lima`);
    expect(lima.map((cell) => [cell.key, cell.count, cell.from, cell.to])).toEqual([['2026-03', 2, '2026-03-01T05:00:00.000Z', '2026-04-01T05:00:00.000Z']]);
    await sql`update accounts set created_at = ${'2026-03-05T10:00:00.000Z'} where id = ${mine.id}`.execute(t.db);
  });

  test('people per tag', async () => {
    expect((await chart(ana, 'people-by-tag')).map((cell) => [cell.key, cell.label, cell.count])).toEqual([[vip, 'VIP', 1]]);
    expect(counts(await chart(admin, 'people-by-tag'))).toEqual({ [vip]: 2 });
  });

  test('requests by status and by channel', async () => {
    expect(counts(await chart(ana, 'requests-by-status'))).toMatchObject({ new: 1, contacted: 1, none: 0 });
    expect(counts(await chart(admin, 'requests-by-status'))).toMatchObject({ new: 2, contacted: 1 });
    expect(counts(await chart(ana, 'requests-by-channel'))).toMatchObject({ phone: 2, web_form: 0 });
    // Outside the range, nothing.
    const december = `from=${encodeURIComponent('2026-12-01T00:00:00Z')}&to=${encodeURIComponent('2027-01-01T00:00:00Z')}`;
    expect(Object.values(counts(await chart(admin, 'requests-by-status', december))).every((count) => count === 0)).toBe(true);
  });

  test('activities by status (overdue highlighted) and type: never another user’s private one', async () => {
    const anas = await chart(ana, 'activities-by-status');
    expect(counts(anas)).toEqual({ scheduled: 0, overdue: 1, done: 0, cancelled: 0 });
    expect(anas.find((cell) => cell.key === 'overdue')?.highlight).toBe(true);
    expect(counts(await chart(admin, 'activities-by-status'))).toEqual({ scheduled: 0, overdue: 2, done: 1, cancelled: 0 });
    expect(counts(await chart(bruno, 'activities-by-type'))).toMatchObject({ call: 1, visit: 1 });
    expect(counts(await chart(ana, 'activities-by-type'))).toMatchObject({ call: 1, visit: 0 });
  });

  test('opportunities by stage: count and amount per currency, never summed across currencies', async () => {
    const proposal = (await chart(ana, 'opportunities-by-stage')).find((cell) => cell.key === 'proposal');
    expect(proposal).toMatchObject({ count: 2, sums: [{ currency: 'EUR', amount: 100_000 }, { currency: 'USD', amount: 3_000 }] });
    const all = (await chart(admin, 'opportunities-by-stage')).find((cell) => cell.key === 'proposal');
    expect(all).toMatchObject({ count: 3, sums: [{ currency: 'EUR', amount: 190_000 }, { currency: 'USD', amount: 3_000 }] });
  });

  test('won and lost per month of closing, with the lost reasons', async () => {
    const cells = (await chart(ana, 'won-lost')).map((cell) => [cell.key, cell.series, cell.reason, cell.count, cell.sums]);
    expect(cells).toEqual([
      ['2026-03', 'lost', 'price', 1, [{ currency: 'USD', amount: 7_000 }]],
      ['2026-03', 'won', null, 1, [{ currency: 'EUR', amount: 40_000 }]],
    ]);
    expect((await chart(admin, 'won-lost')).find((cell) => cell.series === 'won')).toMatchObject({ count: 2, sums: [{ currency: 'EUR', amount: 95_000 }] });
  });

  test('a campaign\'s members by status: the latest campaign unless one is chosen, only the asker\'s portfolio', async () => {
    const answer = expectOk<DashboardChart>(await ana.get(`/api/v1/dashboard/campaign-members?${range}`));
    expect(answer.campaign).toEqual({ id: campaignId, name: 'Feria 2026' });
    expect(counts(answer.cells)).toEqual({ to_contact: 1, contacted: 0, interested: 1, not_interested: 0, converted: 0 });
    expect(counts(await chart(admin, 'campaign-members', `${range}&campaignId=${campaignId}`))).toMatchObject({ to_contact: 1, interested: 2 });
    // The owner filter is the members' responsible user.
    expect(counts(await chart(manager, 'campaign-members', `${range}&ownerId=${bruno.user.id}`))).toMatchObject({ to_contact: 1, interested: 1 });
    expectProblem(await ana.get(`/api/v1/dashboard/campaign-members?${range}&campaignId=${'0'.repeat(8)}-0000-7000-8000-000000000000`), 404, 'not_found');
  });

  test('the forecast: open amounts × probability per month of expected close and currency', async () => {
    expect((await chart(ana, 'forecast')).map((cell) => [cell.key, cell.series, cell.count, cell.sums, cell.from, cell.to])).toEqual([
      ['2026-11', 'EUR', 1, [{ currency: 'EUR', amount: 50_000 }], '2026-11-01', '2026-11-30'],
      ['2026-12', 'USD', 1, [{ currency: 'USD', amount: 1_500 }], '2026-12-01', '2026-12-31'],
    ]);
    expect((await chart(admin, 'forecast')).find((cell) => cell.series === 'EUR')).toMatchObject({ count: 2, sums: [{ currency: 'EUR', amount: 95_000 }] });
  });
});

describe('quotes on the dashboard', () => {
  test('quotes issued in the range by status (a sent one past its validity is expired), totals per currency; none of another portfolio', async () => {
    const anas = await chart(ana, 'quotes-by-status');
    expect(counts(anas)).toEqual({ draft: 1, sent: 0, accepted: 3, declined: 0, expired: 1, superseded: 0 });
    expect(anas.find((cell) => cell.key === 'accepted')?.sums).toEqual([{ currency: 'EUR', amount: 2420 }, { currency: 'USD', amount: 1210 }]);
    expect(counts(await chart(admin, 'quotes-by-status'))).toMatchObject({ accepted: 4 });
    // Issued before the range: none counted.
    expect(Object.values(counts(await chart(ana, 'quotes-by-status', `from=${encodeURIComponent('2026-06-01T00:00:00Z')}&to=${encodeURIComponent('2027-01-01T00:00:00Z')}`))).every((n) => n === 0)).toBe(true);
  });

  test('accepted quotes per month of acceptance, one bar per currency, never summed across currencies', async () => {
    const cells = (await chart(ana, 'quotes-accepted')).map((cell) => [cell.key, cell.series, cell.count, cell.sums, cell.from, cell.to]);
    expect(cells).toEqual([
      ['2026-04', 'EUR', 1, [{ currency: 'EUR', amount: 1210 }], '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'],
      ['2026-04', 'USD', 1, [{ currency: 'USD', amount: 1210 }], '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'],
      ['2026-05', 'EUR', 1, [{ currency: 'EUR', amount: 1210 }], '2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'],
    ]);
    expect((await chart(admin, 'quotes-accepted')).find((cell) => cell.key === '2026-04' && cell.series === 'EUR')).toMatchObject({ count: 2, sums: [{ currency: 'EUR', amount: 2420 }] });
    // Months on the asker's clock: 01:00 on 1 May in Madrid is still April in UTC, and May there.
    const madrid = `${range}&timeZone=Europe/Madrid`;
    expect((await chart(ana, 'quotes-accepted', madrid)).map((cell) => cell.key)).toEqual(['2026-04', '2026-04', '2026-05']);
  });

  test('a manager narrows them to an owner or a team; an agent naming another owner is refused and told nothing', async () => {
    expect(counts(await chart(manager, 'quotes-by-status', `${range}&ownerId=${bruno.user.id}`))).toMatchObject({ accepted: 1, draft: 0 });
    const team = expectOk<{ id: string }>(await admin.post('/api/v1/teams', { name: 'Cotizaciones' }), 201);
    await sql`update users set team_id = ${team.id} where id = ${ana.user.id}`.execute(t.db);
    expect((await chart(manager, 'quotes-accepted', `${range}&teamId=${team.id}`)).reduce((sum, cell) => sum + cell.count, 0)).toBe(3);
    await sql`update users set team_id = null where id = ${ana.user.id}`.execute(t.db);
    expectProblem(await ana.get(`/api/v1/dashboard/quotes-accepted?${range}&ownerId=${bruno.user.id}`), 403, 'forbidden');
    expectProblem(await ana.get(`/api/v1/dashboard/quotes-by-status?from=nonsense&to=${encodeURIComponent('2026-01-01T00:00:00Z')}`), 400, 'validation_failed');
  });
});

/** Charts of projects, agreements and invoices: their data and links are checked in dashboard-billing.test.ts. */
const billingCharts = new Set<string>(['invoiced-per-month', 'invoices-overdue', 'projects-by-status', 'agreements-waiting']);
type SellingChart = Exclude<DashboardChartName, 'invoiced-per-month' | 'invoices-overdue' | 'projects-by-status' | 'agreements-waiting'>;
const sellingCharts = dashboardCharts.filter((name): name is SellingChart => !billingCharts.has(name));

/** The list (API) a cell's link opens, or null for a part no list filter names (no source, no reason). */
function listOf(chart: SellingChart, cell: DashboardCell): string | null {
  const key = cell.key ?? '';
  const work = `from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2027-01-01T00:00:00Z')}`;
  switch (chart) {
    case 'accounts-by-stage': return `/api/v1/accounts?stage=${key}`;
    case 'new-accounts': return cell.series ? `/api/v1/accounts?createdFrom=${cell.from ?? ''}&createdTo=${cell.to ?? ''}&source=${cell.series}` : null;
    case 'people-by-tag': return `/api/v1/accounts?kind=person&tagId=${key}`;
    case 'requests-by-status': return cell.key ? `/api/v1/requests?status=${key}&${work}` : null;
    case 'requests-by-channel': return cell.key ? `/api/v1/requests?channel=${key}&${work}` : null;
    case 'activities-by-status':
      return `/api/v1/activities?${key === 'overdue' ? 'overdue=true' : key === 'scheduled' ? 'status=scheduled&overdue=false' : `status=${key}`}&${work}`;
    case 'activities-by-type': return `/api/v1/activities?type=${key}&${work}`;
    case 'campaign-members': return `/api/v1/campaigns/${campaignId}/members?status=${key}`;
    case 'opportunities-by-stage': return `/api/v1/opportunities?stage=${key}`;
    case 'won-lost':
      if (cell.series === 'lost' && !cell.reason) return null;
      return `/api/v1/opportunities?status=${cell.series ?? ''}&closedFrom=${cell.from ?? ''}&closedTo=${cell.to ?? ''}${cell.reason ? `&lostReason=${cell.reason}` : ''}`;
    case 'forecast': return `/api/v1/opportunities?status=open&closeFrom=${cell.from ?? ''}&closeTo=${cell.to ?? ''}&currency=${cell.series ?? ''}`;
    case 'quotes-by-status': return `/api/v1/quotes?status=${key}&issuedFrom=2026-01-01&issuedTo=2026-12-31`;
    case 'quotes-accepted': return `/api/v1/quotes?status=accepted&decidedFrom=${cell.from ?? ''}&decidedTo=${cell.to ?? ''}&currency=${cell.series ?? ''}`;
  }
}

describe('every slice is its list, filtered to exactly what it counts', () => {
  test.each(sellingCharts)('%s', async (name) => {
    for (const client of [ana, admin]) {
      const cells = await chart(client, name);
      let linked = 0;
      for (const cell of cells) {
        const url = listOf(name, cell);
        if (!url) continue;
        const list = expectOk<{ total: number }>(await client.get(url.replaceAll('+', '%2B')));
        expect(list.total, `${url}`).toBe(cell.count);
        linked += cell.count;
      }
      expect(linked).toBeGreaterThan(0);
    }
  });
});

describe('whose work: an owner or a team, for managers', () => {
  test('a team: its accounts, and the work of its users', async () => {
    const team = expectOk<{ id: string }>(await admin.post('/api/v1/teams', { name: 'Norte' }), 201);
    await sql`update users set team_id = ${team.id} where id = ${bruno.user.id}`.execute(t.db);
    await sql`update accounts set team_id = ${team.id} where id = ${theirs.id}`.execute(t.db);
    const query = `${range}&teamId=${team.id}`;
    expect(counts(await chart(manager, 'accounts-by-stage', query))).toEqual({ lead: 0, prospect: 1, customer: 0 });
    // Bruno's private call is his: a manager without the CRM manager permission does not count it.
    expect(counts(await chart(manager, 'activities-by-type', query))).toMatchObject({ call: 0, visit: 1 });
    expect((await chart(manager, 'won-lost', query)).map((cell) => [cell.series, cell.count])).toEqual([['won', 1]]);
    expect(expectOk<{ total: number }>(await manager.get(`/api/v1/opportunities?teamId=${team.id}`)).total).toBe(2);
    expect(expectOk<{ total: number }>(await manager.get(`/api/v1/requests?teamId=${team.id}`)).total).toBe(0);
    await sql`update users set team_id = null where id = ${bruno.user.id}`.execute(t.db);
  });

  test('a manager narrows every chart to one owner', async () => {
    const query = `${range}&ownerId=${bruno.user.id}`;
    expect(counts(await chart(manager, 'accounts-by-stage', query))).toEqual({ lead: 0, prospect: 1, customer: 2 });
    expect(counts(await chart(manager, 'activities-by-status', query))).toEqual({ scheduled: 0, overdue: 0, done: 1, cancelled: 0 });
    expect((await chart(manager, 'opportunities-by-stage', query)).find((cell) => cell.key === 'proposal')).toMatchObject({ count: 1 });
  });

  test('an agent may name only themself: another owner or a team is refused (403), not answered', async () => {
    expect(counts(await chart(ana, 'accounts-by-stage', `${range}&ownerId=${ana.user.id}`))).toEqual({ lead: 1, prospect: 0, customer: 1 });
    expectProblem(await ana.get(`/api/v1/dashboard/accounts-by-stage?${range}&ownerId=${bruno.user.id}`), 403, 'forbidden');
    const team = expectOk<{ id: string }>(await admin.post('/api/v1/teams', { name: 'Ventas' }), 201);
    expectProblem(await ana.get(`/api/v1/dashboard/forecast?${range}&teamId=${team.id}`), 403, 'forbidden');
  });

  test('bad input is a clear 400', async () => {
    expectProblem(await admin.get(`/api/v1/dashboard/accounts-by-stage?from=${encodeURIComponent('2026-05-01T00:00:00Z')}&to=${encodeURIComponent('2026-01-01T00:00:00Z')}`), 400, 'validation_failed');
    expectProblem(await admin.get(`/api/v1/dashboard/nonsense?${range}`), 400, 'validation_failed');
    expectProblem(await admin.get(`/api/v1/dashboard/forecast?${range}&timeZone=Mars/Olympus`), 400, 'validation_failed');
  });
});
