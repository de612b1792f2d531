import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { newId } from '@server/lib/ids';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { testDialect } from '@server/test/test-db';
import { filterColumns } from './account-filters';
import { accountSorts } from './sorts';

// The filter registry and the sort table say which columns a list reads, and which of them a
// portfolio's rows carry. The database must agree, on each dialect: a column the registry names
// that portfolio_accounts lacks, or that its triggers do not keep in step, would fail an agent's
// list at run time (or quietly show stale rows); a filter without an index would walk every account.

let t: TestApp;
let admin: Client;
let agent: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
});
afterAll(async () => t.close());

async function liveColumns(table: string): Promise<string[]> {
  const rows = testDialect === 'postgres'
    ? (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(t.db)).rows
    : (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(t.db)).rows;
  return rows.map((row) => row.name).sort();
}

/** The first column of each index on accounts. */
async function indexLeaders(): Promise<string[]> {
  const rows = testDialect === 'postgres'
    ? (await sql<{ name: string }>`select a.attname as name from pg_index i join pg_class c on c.oid = i.indrelid
        join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
        where c.relname = 'accounts' and c.relnamespace = current_schema()::regnamespace`.execute(t.db)).rows
    : (await sql<{ name: string }>`select ii.name from pragma_index_list('accounts') il join pragma_index_info(il.name) ii where ii.seqno = 0`.execute(t.db)).rows;
  return rows.map((row) => row.name);
}

const { accounts, portfolio } = filterColumns();
const copied = [...new Set([...portfolio.copied, ...accountSorts.columns()])].sort();

describe('the filter registry and the database agree', () => {
  test('portfolio_accounts has exactly the columns the filters and sorts read', async () => {
    expect(await liveColumns('portfolio_accounts')).toEqual(['holder_id', 'id', ...copied, ...portfolio.memberships].sort());
  });

  test('every column filter leads an index of accounts', async () => {
    const leaders = await indexLeaders();
    for (const column of accounts) expect(leaders, column).toContain(column);
  });

  test("the triggers keep every carried column in step with the account's", async () => {
    const team = (await admin.post('/api/v1/teams', { name: 'Donantes' })).json<{ id: string }>();
    const parent = await t.account(admin, { kind: 'organization', name: 'Matriz' });
    // A donor whose every column differs from the account's; each column is then copied over in SQL.
    const donor = await t.account(admin, {
      kind: 'person', firstName: 'Zoe', stage: 'customer', industry: null, source: null, teamId: team.id, parentId: null,
      addresses: { visit: { city: 'Lima', country: 'PE' } },
    });
    const account = await t.account(admin, { kind: 'organization', name: 'Alfa', ownerIds: [agent.user.id], parentId: parent.id });
    await sql`update accounts set industry = 'retail', industry_norm = 'retail', source = 'web', created_at = ${'2020-01-01T00:00:00.000Z'} where id = ${donor.id}`.execute(t.db);
    // The counters' own triggers are tested with the records they count (counters-exact.test.ts).
    await sql`update accounts set active_projects = 3, open_tasks = 5, open_tasks_shared = 4, unsigned_agreements = 2, invoiced_this_year = 12345 where id = ${donor.id}`.execute(t.db);
    const row = async (id: string, column: string) =>
      (await sql<{ value: unknown }>`select ${sql.ref(column)} as value from portfolio_accounts where holder_id = ${agent.user.id} and id = ${id}`.execute(t.db)).rows[0]?.value;
    const accountValue = async (id: string, column: string) =>
      (await sql<{ value: unknown }>`select ${sql.ref(column)} as value from accounts where id = ${id}`.execute(t.db)).rows[0]?.value;
    for (const column of copied) {
      const wanted = await accountValue(donor.id, column);
      expect(wanted, column).not.toEqual(await accountValue(account.id, column));
      await sql`update accounts set ${sql.ref(column)} = (select d.${sql.ref(column)} from accounts d where d.id = ${donor.id}) where id = ${account.id}`.execute(t.db);
      expect(await row(account.id, column), column).toEqual(wanted);
    }
    for (const column of portfolio.memberships) {
      switch (column) {
        case 'tag_ids': {
          const tag = (await admin.post('/api/v1/tags', { name: 'Registro' })).json<{ id: string }>();
          expect((await admin.put(`/api/v1/accounts/${account.id}/tags/${tag.id}`)).statusCode).toBeLessThan(300);
          expect(await row(account.id, column)).toContain(` ${tag.id} `);
          break;
        }
        case 'words': {
          await t.db.insertInto('account_terms').values({ account_id: account.id, term: `palabra${newId().slice(-6)}` }).execute();
          expect(await row(account.id, column)).toContain(' palabra');
          break;
        }
      }
    }
  });
});
