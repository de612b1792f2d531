import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountListQuerySchema } from '@contract/accounts';
import { refreshStatistics } from '@server/db/statistics';
import { newId } from '@server/lib/ids';
import { loadActor } from '@server/modules/users/users.repo';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { accountScopeOf, type Actor } from '@server/policies';
import { insertAccountsBulk } from '../accounts.repo';
import { listAccountPage } from './page.repo';
import { planList, type ListPlan } from './plan.repo';
import { filteredAccounts } from './query.repo';

// The list chooses which set leads its query (the portfolio, a tag, a search word…) by size.
// Whatever it chooses, the rows must be the same: these tests run every plan on every query.
// Which plan is chosen, and what it costs, is the bench's business (see docs/lists.md).

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
    if (i % 4 === 1) {
      await t.db.insertInto('account_traits').values({ id: newId(), account_id: account.id, kind: 'unmet_need', item_key: 'deporte', note: null, created_at: now, created_by: null, updated_at: now }).execute();
    }
    if (i % 3 === 0) {
      const level = ['high', 'none', 'medium'][(i % 9) / 3] ?? 'none';
      await t.db.insertInto('account_credit').values({ account_id: account.id, monitoring: null, risk_level: level, signals: '[]', checked_at: now, changed_at: null, check_error: null, updated_at: now }).execute();
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
  { interestKind: 'unmet_need' },
  { risk: 'at_risk' },
  { risk: 'high', q: 'garcia' },
]

/** Every plan a query could get: the portfolio walked, the scope probed or read first with no set leading, and each set (membership or column) leading. */
function allPlans(query: Record<string, string>): ListPlan[] {
  const sets = ['tagId', 'ownerId', 'characteristic', 'interestKind', 'risk', 'q', 'kind'].filter((field) => query[field]).length;
  const plans: ListPlan[] = [{ drive: 'walk', lead: null }, { drive: 'probe', lead: null }, { drive: 'portfolio', lead: null }];
  for (let lead = 0; lead < sets; lead++) plans.push({ drive: 'probe', lead }, { drive: 'portfolio', lead }, { drive: 'walk', lead });
  return plans;
}

describe('list plans', () => {
  test.each(['admin', 'own', 'team', 'outsider'])('every plan gives %s the same rows in the same order', async (who) => {
    const actor = actors[who];
    if (!actor) throw new Error(who);
    for (const params of queries()) {
      const query = accountListQuerySchema.parse({ ...params, sort: 'name', limit: '200' });
      const scope = accountScopeOf(actor);
      const run = async (plan: ListPlan) =>
        (await filteredAccounts(t.db, scope, query, plan).select('accounts.id').orderBy('accounts.name_norm').orderBy('accounts.id').execute()).map((row) => row.id);
      const plans = await planList(t.db, scope, query);
      const chosen = await run(plans.page);
      expect(await run(plans.count)).toEqual(chosen);
      expect(await run((await planList(t.db, scope, query, true)).count)).toEqual(chosen);
      for (const plan of allPlans(params)) expect(await run(plan), `${who} ${JSON.stringify(params)} ${JSON.stringify(plan)}`).toEqual(chosen);
      // What the API answers is what every plan finds, total included.
      const page = await listAccountPage(t.db, scope, query);
      expect(page.rows.map((row) => row.id)).toEqual(chosen);
      expect(page).toMatchObject({ total: chosen.length, totalIsEstimate: false });
      if (who === 'admin' && Object.keys(params).length === 0) expect(chosen.length).toBe(43);
    }
  });

  // The intersection of the words' term ranges is computed whole before its first row comes out:
  // an agent's small portfolio may be walked instead. Runs last: it adds accounts.
  test("an agent's several-word search finds what an admin's finds within the portfolio, rare words or common", async () => {
    const own = actors.own;
    const admin = actors.admin;
    if (!own || !admin) throw new Error('actors');
    // 1,001 accounts of others with the word "comun": no longer rare, and none of them the agent's.
    const rows = Array.from({ length: 1_001 }, (_, i) => ({
      id: newId(), kind: 'person' as const, name: `Comun ${i}`, name_norm: `comun ${i}`, stage: 'lead', emails: '[]', phones: '[]', addresses: '[]',
      created_at: now, updated_at: now, version: 1,
    }));
    await t.db.transaction().execute((trx) => insertAccountsBulk(trx, rows, rows.map((row) => ({ account_id: row.id, term: 'comun' })), []));
    await t.db.insertInto('account_owners').values({ account_id: rows[0]?.id ?? '', user_id: own.id }).execute();
    const ownScope = accountScopeOf(own);
    const adminScope = accountScopeOf(admin);
    for (const q of ['garcia carmen', 'comun carmen', 'comun', 'comun 1']) {
      const query = accountListQuerySchema.parse({ q, limit: '200' });
      const mine = await listAccountPage(t.db, ownScope, query);
      const all = await listAccountPage(t.db, adminScope, query);
      const held = new Set((await t.db.selectFrom('portfolio_accounts').select('id').where('holder_id', '=', own.id).execute()).map((row) => row.id));
      expect(mine.rows.map((row) => row.id), q).toEqual(all.rows.map((row) => row.id).filter((id) => held.has(id)));
      expect(mine.total, q).toBe(mine.rows.length);
    }
  });
});
