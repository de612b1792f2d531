import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Activity } from '@contract/activities';
import type { ListResponse } from '@contract/common';
import type { Board, Opportunity } from '@contract/opportunities';
import type { Quote } from '@contract/quotes';
import type { Request } from '@contract/requests';
import type { Team } from '@contract/users';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { pageDriveFor } from './portfolio-drive';

/**
 * Activities, requests and quotes lists, and the pipeline board's first cards and column pages,
 * read a portfolio two ways (portfolio-drive.ts): from the portfolio's accounts, or walking the
 * sort's index checking each row's account. Both must show a team member exactly the team's rows,
 * never a stranger's, a discarded account's, nor a teammate's private activity.
 */

let t: TestApp;
let admin: Client;
let stranger: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  stranger = await t.user({ role: 'agent', scope: 'own' });
});
afterAll(async () => t.close());

/** A team with a lead who sees its portfolio and a member who owns its accounts. */
async function team(name: string): Promise<{ lead: Client; mate: Client }> {
  const made = (await admin.post('/api/v1/teams', { name })).json<Team>();
  return { lead: await t.user({ role: 'agent', scope: 'team', teamId: made.id }), mate: await t.user({ role: 'agent', scope: 'own', teamId: made.id }) };
}

async function made<T>(client: Client, path: string, body: Record<string, unknown>): Promise<T> {
  const response = await client.post(path, body);
  if (response.statusCode !== 201) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}

type Deal = { id: string; stage: string; amount: number; currency: string };
let deals = 0;

/** An account of `owner` with one activity, one request, one quote and one opportunity (in one of two stages, in one of two currencies) on it. */
async function worked(owner: Client, name: string, privately = false) {
  const account = await t.account(admin, { kind: 'organization', name, ownerIds: [owner.user.id] });
  const activity = await made<Activity>(owner, '/api/v1/activities', { accountId: account.id, type: 'call', subject: name, startAt: new Date().toISOString(), private: privately });
  const request = await made<Request>(owner, '/api/v1/requests', { accountId: account.id, notes: name });
  const quote = await made<Quote>(owner, '/api/v1/quotes', { accountId: account.id });
  deals += 1;
  const terms = { stage: deals % 2 === 0 ? 'proposal' : 'qualification', amount: 100 * deals, currency: deals % 3 === 0 ? 'USD' : 'EUR' };
  const opportunity = await made<Opportunity>(owner, '/api/v1/opportunities', { organizationId: account.id, name, expectedCloseOn: '2027-01-01', ...terms });
  const deal: Deal = { id: opportunity.id, ...terms };
  return { account: account.id, activity: activity.id, request: request.id, quote: quote.id, deal };
}

/** Each column of the board as `client` sees it: its count and totals, and its cards, three on the first screen and the rest by the column's pages. */
async function boardColumns(client: Client) {
  const response = await client.get('/api/v1/opportunities/board?cards=3');
  expect(response.statusCode, response.body).toBe(200);
  const columns = [];
  for (const column of response.json<Board>().columns) {
    const ids = column.cards.map((card) => card.id);
    for (let cursor = column.nextCursor; cursor;) {
      const page = await client.get(`/api/v1/opportunities/board/column?stage=${column.stage}&limit=3&cursor=${encodeURIComponent(cursor)}`);
      expect(page.statusCode, page.body).toBe(200);
      const next = page.json<ListResponse<{ id: string }>>();
      ids.push(...next.items.map((item) => item.id));
      cursor = next.nextCursor;
    }
    columns.push({ stage: column.stage, count: column.count, sums: column.sums, ids: ids.sort() });
  }
  return columns;
}

/** What each column must hold: the deals of its stage, counted and summed per currency. */
function columnsOf(expected: Deal[], stages: string[]) {
  return stages.map((stage) => {
    const mine = expected.filter((deal) => deal.stage === stage);
    const currencies = [...new Set(mine.map((deal) => deal.currency))].sort();
    const sums = currencies.map((currency) => ({ currency, amount: mine.filter((deal) => deal.currency === currency).reduce((sum, deal) => sum + deal.amount, 0) }));
    return { stage, count: mine.length, sums, ids: mine.map((deal) => deal.id).sort() };
  });
}

async function everyId(client: Client, path: string): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let total = -1;
  do {
    const response = await client.get(`${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<ListResponse<{ id: string }>>();
    if (total < 0) total = page.total;
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return { ids: ids.sort(), total };
}

describe('a team member\'s activities, requests and quotes, whichever way the page reads the portfolio', () => {
  test('the drive: from the portfolio while P² ≤ 40 N, else walking the index; the admin always walks', () => {
    expect(pageDriveFor(null, 1_000_000)).toBe('probe');
    expect(pageDriveFor(5_000, 1_000_000)).toBe('portfolio');
    expect(pageDriveFor(50_000, 1_000_000)).toBe('probe');
    // Without planner statistics the portfolio stands for the table: up to 40 accounts lead.
    expect(pageDriveFor(40, null)).toBe('portfolio');
    expect(pageDriveFor(41, null)).toBe('probe');
  });

  // A portfolio's size is cached for a minute per holder, so each drive gets a team of its own.
  test.each([
    ['from the portfolio', 'Norte', 2],
    ['walking the index', 'Sur', 42],
  ])('the team\'s rows, none of a stranger\'s or a discarded account\'s, no teammate\'s private activity: %s', { timeout: 120_000 }, async (_drive, name, accounts) => {
    const { lead, mate } = await team(name);
    const strangers = await worked(stranger, `Ajena ${name}`);
    const secret = await worked(mate, `Secreta ${name}`, true);
    const discarded = await worked(mate, `Descartada ${name}`);
    expect((await admin.delete(`/api/v1/accounts/${discarded.account}`)).statusCode).toBe(204);
    const expected: { activities: string[]; requests: string[]; quotes: string[]; deals: Deal[] } = { activities: [], requests: [secret.request], quotes: [secret.quote], deals: [secret.deal] };
    // Past 40 accounts, with no planner statistics in a fresh test database, the page walks.
    for (let index = 1; index <= accounts; index += 1) {
      const rows = await worked(mate, `${name} ${index}`);
      expected.activities.push(rows.activity);
      expected.requests.push(rows.request);
      expected.quotes.push(rows.quote);
      expected.deals.push(rows.deal);
    }
    for (const [path, wanted, refused] of [
      ['/api/v1/activities', expected.activities, [strangers.activity, secret.activity, discarded.activity]],
      ['/api/v1/requests', expected.requests, [strangers.request, discarded.request]],
      ['/api/v1/quotes', expected.quotes, [strangers.quote, discarded.quote]],
      ['/api/v1/quotes?status=draft', expected.quotes, [strangers.quote, discarded.quote]],
      ['/api/v1/quotes?sort=-updatedAt', expected.quotes, [strangers.quote, discarded.quote]],
    ] as const) {
      const seen = await everyId(lead, path);
      expect(seen.ids, path).toEqual([...wanted].sort());
      expect(seen.total, path).toBe(wanted.length);
      for (const id of refused) expect(seen.ids, path).not.toContain(id);
    }
    // The board: every column's count and totals over the team's deals, and its cards, first and paged.
    const columns = await boardColumns(lead);
    expect(columns).toEqual(columnsOf(expected.deals, columns.map((column) => column.stage)));
    for (const id of [strangers.deal.id, discarded.deal.id]) expect(columns.flatMap((column) => column.ids)).not.toContain(id);
    // The responsible teammate still sees the private one (the sweep above is not vacuous).
    expect((await everyId(mate, '/api/v1/activities')).ids).toContain(secret.activity);
  });
});
