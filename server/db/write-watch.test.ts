import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDatabase, testDialect } from '@server/test/test-db';
import type { DatabaseHandle } from './connect';
import { watchWrites } from './write-watch';

let handle: DatabaseHandle;
const now = '2026-01-01T00:00:00.000Z';
let heard = 0;

beforeAll(async () => {
  handle = await freshDatabase();
  watchWrites(['teams'], () => {
    heard += 1;
  });
});

afterAll(async () => {
  await handle.close();
});

test('inserts, updates and deletes of a watched table are heard (also in a transaction and under an alias); reads and other tables are not', async () => {
  const { db } = handle;
  await db.selectFrom('teams').selectAll().execute();
  await db.insertInto('tags').values({ id: 'tag-a', name: 'A', name_norm: 'a', color: null, created_at: now, created_by: null, updated_at: now, version: 1 }).execute();
  expect(heard).toBe(0);

  await db.insertInto('teams').values({ id: 'team-a', name: 'Alpha', created_at: now }).execute();
  // Heard when the query is compiled and again once it has run.
  expect(heard).toBe(2);
  // On PostgreSQL once more when the transaction commits: another connection may have read the
  // old row in between (SQLite's one connection is held until the commit).
  const atCommit = testDialect === 'postgres' ? 1 : 0;
  await db.transaction().execute((trx) => trx.updateTable('teams as t').set({ name: 'Beta' }).where('t.id', '=', 'team-a').execute());
  expect(heard).toBe(4 + atCommit);
  await db.deleteFrom('teams').where('id', '=', 'team-a').execute();
  expect(heard).toBe(6 + atCommit);
  // Raw SQL text is not parsed: a cache that relies on this plugin must bound its age as well.
  await sql`delete from teams`.execute(db);
  expect(heard).toBe(6 + atCommit);
});
