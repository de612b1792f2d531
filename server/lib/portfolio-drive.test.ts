import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Activity } from '@contract/activities';
import type { ListResponse } from '@contract/common';
import type { Quote } from '@contract/quotes';
import type { Request } from '@contract/requests';
import type { Team } from '@contract/users';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { pageDriveFor } from './portfolio-drive';

/**
 * Activities, requests and quotes lists read a portfolio two ways (portfolio-drive.ts): from the
 * portfolio's accounts, or walking the sort's index checking each row's account. Both must show
 * a team member exactly the team's rows, never a stranger's, a discarded account's, nor a
 * teammate's private activity.
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

/** An account of `owner` with one activity, one request and one quote on it. */
async function worked(owner: Client, name: string, privately = false) {
  const account = await t.account(admin, { kind: 'organization', name, ownerIds: [owner.user.id] });
  const activity = await made<Activity>(owner, '/api/v1/activities', { accountId: account.id, type: 'call', subject: name, startAt: new Date().toISOString(), private: privately });
  const request = await made<Request>(owner, '/api/v1/requests', { accountId: account.id, notes: name });
  const quote = await made<Quote>(owner, '/api/v1/quotes', { accountId: account.id });
  return { account: account.id, activity: activity.id, request: request.id, quote: quote.id };
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
    const expected: { activities: string[]; requests: string[]; quotes: string[] } = { activities: [], requests: [secret.request], quotes: [secret.quote] };
    // Past 40 accounts, with no planner statistics in a fresh test database, the page walks.
    for (let index = 1; index <= accounts; index += 1) {
      const rows = await worked(mate, `${name} ${index}`);
      expected.activities.push(rows.activity);
      expected.requests.push(rows.request);
      expected.quotes.push(rows.quote);
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
    // The responsible teammate still sees the private one (the sweep above is not vacuous).
    expect((await everyId(mate, '/api/v1/activities')).ids).toContain(secret.activity);
  });
});
