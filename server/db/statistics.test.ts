import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { testApp, type TestApp } from '@server/test/test-app';
import { testDialect } from '@server/test/test-db';
import { keepStatisticsFresh } from './statistics';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

afterAll(async () => {
  await t.close();
});

/** Rows the PostgreSQL planner believes the table holds (-1: never analyzed). */
const plannerRows = async (table: string) =>
  Number((await sql<{ n: number | string }>`select reltuples as n from pg_class where oid = to_regclass(${table})`.execute(t.db)).rows[0]?.n);

/** Waits until the statistics collector has seen the rows just written (it reports them within a second or so). */
async function liveRowsReach(table: string, rows: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const result = await sql<{ n: number | string }>`select n_live_tup as n from pg_stat_user_tables where relid = to_regclass(${table})`.execute(t.db);
    if (Number(result.rows[0]?.n ?? 0) >= rows) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the statistics collector never saw ${rows} rows in ${table}`);
}

test.skipIf(testDialect !== 'postgres')('a table that grew past twice what the planner knows is analyzed again, and only then', async () => {
  await sql`create table stats_probe (id integer primary key)`.execute(t.db);
  await sql`insert into stats_probe select g from generate_series(1, 20000) g`.execute(t.db);
  await liveRowsReach('stats_probe', 20_000);
  expect(await plannerRows('stats_probe')).toBeLessThan(1);
  await keepStatisticsFresh(t.db, ['stats_probe']);
  expect(await plannerRows('stats_probe')).toBe(20_000);
  // 50% more is not twice: the estimate stays as it was.
  await sql`insert into stats_probe select g from generate_series(20001, 30000) g`.execute(t.db);
  await liveRowsReach('stats_probe', 30_000);
  await keepStatisticsFresh(t.db, ['stats_probe']);
  expect(await plannerRows('stats_probe')).toBe(20_000);
});

test.skipIf(testDialect !== 'sqlite')('on SQLite it does nothing (its planner uses the indexes without statistics)', async () => {
  await expect(keepStatisticsFresh(t.db, ['accounts'])).resolves.toBeUndefined();
});
