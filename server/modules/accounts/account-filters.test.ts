import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountListQuerySchema } from '@contract/accounts';
import { refreshStatistics } from '@server/db/statistics';
import { newId } from '@server/lib/ids';
import { loadActor } from '@server/modules/users/users.repo';
import type { Actor } from '@server/policies';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { testDialect } from '@server/test/test-db';
import { cheaperPlan, filteredAccounts, planList, type ListPlan, type SizedSet } from './account-filters.repo';
import { insertAccountsBulk } from './accounts.repo';

// The list chooses which set leads its query (the portfolio, a tag, a search word…) by size.
// Whatever it chooses, the rows must be the same: these tests run every plan on every query.

let t: TestApp;
let admin: Client;
const actors: Record<string, Actor> = {};
let tagId = '';
let otherOwnerId = '';
const now = new Date().toISOString();

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  const teamId = newId();
  await t.db.insertInto('teams').values({ id: teamId, name: 'Norte', created_at: now }).execute();
  const own = await t.user({ role: 'agent', scope: 'own', teamId });
  const mate = await t.user({ role: 'agent', scope: 'own', teamId });
  const team = await t.user({ role: 'agent', scope: 'team', teamId });
  const outsider = await t.user({ role: 'agent', scope: 'own' });
  otherOwnerId = mate.user.id;
  tagId = newId();
  await t.db.insertInto('tags').values({ id: tagId, name: 'VIP', name_norm: 'vip', color: null, created_at: now, created_by: null, updated_at: now, version: 1 }).execute();
  const owners = [[own.user.id], [mate.user.id], [outsider.user.id], [own.user.id, outsider.user.id]];
  const first = ['Ana', 'Ánxela', 'Bruno', 'Carmen'];
  for (let i = 0; i < 48; i++) {
    const account = await t.account(admin, i % 3 === 0
      ? { kind: 'organization', name: `Garcia Hermanos ${i}`, ownerIds: owners[i % 4] ?? [] }
      : { kind: 'person', firstName: first[i % 4] ?? 'X', lastName: i % 2 ? 'García' : 'Lopez', emails: [`p${i}@example.com`], ownerIds: owners[i % 4] ?? [] });
    if (i % 5 === 0) await t.db.insertInto('account_tags').values({ tag_id: tagId, account_id: account.id, created_at: now, created_by: null }).execute();
    if (i % 7 === 0) {
      await t.db.insertInto('account_traits').values({ id: newId(), account_id: account.id, kind: 'characteristic', item_key: 'pyme', note: null, created_at: now, created_by: null, updated_at: now }).execute();
    }
    if (i % 11 === 0) expect((await admin.delete(`/api/v1/accounts/${account.id}`)).statusCode).toBe(204);
  }
  for (const [key, client] of Object.entries({ admin, own, team, outsider })) {
    const actor = await loadActor(t.db, client.user.id);
    if (!actor) throw new Error('no actor');
    actors[key] = actor;
  }
  // Planner statistics, as a running database has them: plans weigh sets against the accounts' count.
  await refreshStatistics(t.db);
});

afterAll(async () => {
  await t.close();
});

const queries = (): Array<Record<string, string>> => [
  {},
  { kind: 'person' },
  { tagId },
  { ownerId: otherOwnerId },
  { q: 'ana' },
  { q: 'garcia ana' },
  { q: 'carmen garcia' },
  { q: 'p1' },
  { characteristic: 'pyme' },
  { tagId, q: 'garcia', kind: 'organization' },
  { kind: 'person', q: 'garcia' },
];

/** Every plan a query could get: the portfolio walked, the scope probed or read first with no set leading, and each set (membership or column) leading. */
function allPlans(query: Record<string, string>): ListPlan[] {
  const sets = (query.tagId ? 1 : 0) + (query.ownerId ? 1 : 0) + (query.characteristic ? 1 : 0) + (query.q ? 1 : 0) + (query.kind ? 1 : 0);
  const plans: ListPlan[] = [{ scope: 'walk', lead: null }, { scope: 'probe', lead: null }, { scope: 'portfolio', lead: null }];
  for (let lead = 0; lead < sets; lead++) plans.push({ scope: 'probe', lead }, { scope: 'portfolio', lead }, { scope: 'walk', lead });
  return plans;
}

describe('list plans', () => {
  test.each(['admin', 'own', 'team', 'outsider'])('every plan gives %s the same rows in the same order', async (who) => {
    const actor = actors[who];
    if (!actor) throw new Error(who);
    for (const params of queries()) {
      const query = accountListQuerySchema.parse({ ...params, sort: 'name', limit: '200' });
      const run = async (plan: ListPlan) =>
        (await filteredAccounts(t.db, actor, query, plan).select('accounts.id').orderBy('accounts.name_norm').orderBy('accounts.id').execute()).map((row) => row.id);
      const plans = await planList(t.db, actor, query);
      const chosen = await run(plans.page);
      expect(await run(plans.count)).toEqual(chosen);
      expect(await run((await planList(t.db, actor, query, true)).count)).toEqual(chosen);
      for (const plan of allPlans(params)) expect(await run(plan), `${who} ${JSON.stringify(params)} ${JSON.stringify(plan)}`).toEqual(chosen);
      if (who !== 'admin') expect(plans.page.scope === 'walk' || plans.page.lead !== null, JSON.stringify(params)).toBe(true);
      if (who === 'admin' && Object.keys(params).length === 0) expect(chosen.length).toBe(43);
    }
  });

  test('an admin with no filter walks the sort index', async () => {
    const admin = actors.admin;
    if (!admin) throw new Error('admin');
    const walk = { scope: 'probe', lead: null };
    expect(await planList(t.db, admin, accountListQuerySchema.parse({}))).toMatchObject({ page: walk, count: walk });
  });

  test('a column filter leads a page in name order from its own index, and never one in another order', async () => {
    const admin = actors.admin;
    if (!admin) throw new Error('admin');
    const byName = await planList(t.db, admin, accountListQuerySchema.parse({ kind: 'organization' }));
    expect(byName).toMatchObject({ page: { scope: 'probe', lead: 0 }, count: { scope: 'probe', lead: 0 } });
    const byCreation = await planList(t.db, admin, accountListQuerySchema.parse({ kind: 'organization', sort: '-createdAt' }));
    expect(byCreation.count).toMatchObject({ scope: 'probe', lead: 0 });
  });
  test('a small set is read once while planning and leads by its ids, page and count alike', async () => {
    const admin = actors.admin;
    if (!admin) throw new Error('admin');
    const plans = await planList(t.db, admin, accountListQuerySchema.parse({ q: 'garcia carmen' }));
    expect(plans.page).toMatchObject({ scope: 'probe', lead: 0 });
    if (testDialect === 'sqlite') {
      // SQLite's index of terms and holders leads without reading ahead, and its count is the
      // size the plan read there.
      expect(plans.page.ids).toBeUndefined();
      expect(plans.indexCount?.size).toBeGreaterThan(0);
      return;
    }
    expect(plans.page.ids?.length).toBeGreaterThan(0);
    expect(plans.count.ids).toEqual(plans.page.ids);
  });

  // The intersection of the words' term ranges is computed whole before its first row comes out:
  // on PostgreSQL a small portfolio is walked instead, unless every word is rare. Runs last: it
  // adds accounts.
  test("an agent's several-word search walks the small portfolio rather than computing a common word's intersection", async () => {
    const own = actors.own;
    if (!own) throw new Error('own');
    // Rare words are read while planning, so the count knows what to expect (its portfolio is so
    // small here that walking it still wins).
    const rare = await planList(t.db, own, accountListQuerySchema.parse({ q: 'garcia carmen' }));
    expect(rare.count.matches).toBeGreaterThan(0);
    // 1,001 accounts of others with the word "comun": no longer rare, and none of them the agent's.
    const rows = Array.from({ length: 1_001 }, (_, i) => ({
      id: newId(), kind: 'person' as const, name: `Comun ${i}`, name_norm: `comun ${i}`, stage: 'lead', emails: '[]', phones: '[]', addresses: '[]',
      created_at: now, updated_at: now, version: 1,
    }));
    await t.db.transaction().execute((trx) => insertAccountsBulk(trx, rows, rows.map((row) => ({ account_id: row.id, term: 'comun' })), []));
    const common = await planList(t.db, own, accountListQuerySchema.parse({ q: 'comun carmen' }));
    if (testDialect === 'sqlite') {
      // SQLite's index of terms and holders intersects the words with the agent's portfolio
      // at once: none of theirs.
      expect(common.page).toMatchObject({ scope: 'walk', lead: 0 });
      expect(common.indexCount?.size).toBe(0);
      return;
    }
    expect(common.page).toMatchObject({ scope: 'walk', lead: null });
    expect(common.count).toMatchObject({ scope: 'walk', lead: null });
    expect(common.page.ids).toBeUndefined();
    expect(common.count.matches).toBeUndefined();
  });
});

describe('choosing a plan at a million accounts', () => {
  const million = 1_000_000;
  const page = (sets: SizedSet[]) => cheaperPlan(sets, million, 51, true);
  const count = (sets: SizedSet[]) => cheaperPlan(sets, million, 10_001, false);

  test('a common search word (40,000 accounts): the page walks the name index, the count reads the word', () => {
    expect(page([{ lead: 0, size: 40_000 }])).toMatchObject({ scope: 'probe', lead: null });
    expect(count([{ lead: 0, size: 40_000 }])).toMatchObject({ scope: 'probe', lead: 0 });
  });

  test('an e-mail prefix (3 accounts) leads both', () => {
    expect(page([{ lead: 0, size: 3 }])).toMatchObject({ scope: 'probe', lead: 0 });
    expect(count([{ lead: 0, size: 3 }])).toMatchObject({ scope: 'probe', lead: 0 });
  });

  test('two common words that rarely meet (20,000 and 40,000): the rarer leads the page too', () => {
    expect(page([{ lead: 0, size: 20_000 }, { lead: 1, size: 40_000 }])).toMatchObject({ scope: 'probe', lead: 0 });
  });

  test('a tag on 30% of accounts is checked, never read whole', () => {
    expect(page([{ lead: 0, size: 300_000 }])).toMatchObject({ scope: 'probe', lead: null });
    expect(count([{ lead: 0, size: 300_000 }])).toMatchObject({ scope: 'probe', lead: null });
  });

  test('a city of 67,000 accounts: a page by creation date walks that index, by name the city leads; the count reads the city', () => {
    const city = (inOrder: boolean): SizedSet[] => [{ lead: 0, size: 67_000, inOrder }];
    expect(page(city(false))).toMatchObject({ scope: 'probe', lead: null });
    expect(page(city(true))).toMatchObject({ scope: 'probe', lead: 0 });
    expect(count(city(true))).toMatchObject({ scope: 'probe', lead: 0 });
  });

  test('a tiny city leads even a page sorted another way', () => {
    expect(page([{ lead: 0, size: 40, inOrder: false }])).toMatchObject({ scope: 'probe', lead: 0 });
  });

  test("a portfolio is walked in page order, an agent's 5,000 or a team's 50,000, page and count", () => {
    for (const size of [5000, 50_000]) {
      expect(page([{ lead: 'scope', size, inOrder: true }])).toMatchObject({ scope: 'walk', lead: null });
      expect(count([{ lead: 'scope', size, inOrder: true }])).toMatchObject({ scope: 'walk', lead: null });
    }
  });

  test("a rare word leads an agent's list and probes the portfolio; a common one is checked on the walk", () => {
    const agent = (word: number): SizedSet[] => [{ lead: 'scope', size: 5000, inOrder: true }, { lead: 0, size: word, probed: true }];
    expect(page(agent(3))).toMatchObject({ scope: 'walk', lead: 0 });
    expect(count(agent(3))).toMatchObject({ scope: 'walk', lead: 0 });
    expect(page(agent(40_000))).toMatchObject({ scope: 'walk', lead: null });
  });

  test("a team's 50,000 counted for a common word read the word's accounts; its page still walks", () => {
    const team: SizedSet[] = [{ lead: 'scope', size: 50_000, inOrder: true }, { lead: 0, size: 40_000, probed: true }];
    expect(count(team)).toMatchObject({ scope: 'walk', lead: 0 });
    expect(page(team)).toMatchObject({ scope: 'walk', lead: null });
  });

  test('a rare column leads an actor\'s list from its own index, checked against the portfolio', () => {
    expect(count([{ lead: 'scope', size: 50_000, inOrder: true }, { lead: 0, size: 40, inOrder: true, column: true }])).toMatchObject({ scope: 'probe', lead: 0 });
  });
});
