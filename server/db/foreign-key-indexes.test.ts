import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DatabaseHandle } from './connect';
import { freshDatabase } from '@server/test/test-db';

// Deleting a row makes the database find the rows that reference it to delete or null them (ON
// DELETE CASCADE or SET NULL). Without an index it can use, that is a scan of the referencing table
// per deleted row: undoing an import of N accounts cost N scans of accounts (their parent_id),
// quadratic in N. Users are never deleted (they are deactivated), so the columns naming who did
// what need none.

/**
 * Known and not yet indexed, left to their module's owner (campaigns landed them while this check
 * was written): remove a line once its index exists. Nothing may be added here without one.
 */
const pending = new Set<string>([]);

let handle: DatabaseHandle;
beforeAll(async () => { handle = await freshDatabase(); });
afterAll(async () => { await handle.close(); });

type ForeignKey = { table: string; column: string; parent: string; onDelete: string };

async function sqliteForeignKeys(): Promise<ForeignKey[]> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and sql not like 'CREATE VIRTUAL%' and name not like 'sqlite_%'`.execute(handle.db);
  const keys: ForeignKey[] = [];
  for (const { name } of tables.rows) {
    const list = await sql<{ table: string; from: string; on_delete: string }>`select "table", "from", on_delete from pragma_foreign_key_list(${name})`.execute(handle.db);
    for (const key of list.rows) keys.push({ table: name, column: key.from, parent: key.table, onDelete: key.on_delete });
  }
  return keys;
}

/** SQLite: how the planner finds the rows that reference a deleted one (the same lookup its foreign-key actions make). */
async function sqliteLookup(key: ForeignKey): Promise<string> {
  const plan = await sql<{ detail: string }>`explain query plan select 1 from ${sql.table(key.table)} where ${sql.ref(key.column)} = ${'x'}`.execute(handle.db);
  return plan.rows.map((row) => row.detail).join('; ');
}

/** PostgreSQL: the referencing columns with an index that leads with them and that a `col = $1` lookup can use. */
async function postgresUnindexed(): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select c.conrelid::regclass::text || '.' || a.attname as name
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.connamespace = current_schema()::regnamespace and c.confrelid <> 'users'::regclass
      and c.confdeltype in ('c', 'n', 'd')
      and not exists (
        select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]
          and (i.indpred is null or pg_get_expr(i.indpred, i.indrelid) = '(' || a.attname || ' IS NOT NULL)')
      )`.execute(handle.db);
  return result.rows.map((row) => row.name);
}

test('every column that references a deletable row has an index its deletes can use', async () => {
  if (handle.dialect === 'postgres') {
    expect((await postgresUnindexed()).filter((name) => !pending.has(name))).toEqual([]);
    return;
  }
  const keys = (await sqliteForeignKeys()).filter((key) => key.parent !== 'users' && ['CASCADE', 'SET NULL', 'SET DEFAULT'].includes(key.onDelete)
    && !pending.has(`${key.table}.${key.column}`));
  expect(keys.length).toBeGreaterThan(20);
  const scans: string[] = [];
  for (const key of keys) {
    const plan = await sqliteLookup(key);
    if (!/SEARCH .* USING/.test(plan)) scans.push(`${key.table}.${key.column}: ${plan}`);
  }
  expect(scans).toEqual([]);
});
