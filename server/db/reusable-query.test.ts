import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDatabase, testDialect } from '@server/test/test-db';
import type { DatabaseHandle } from './connect';
import { reusableQuery } from './reusable-query';

let handle: DatabaseHandle;
const now = '2026-01-01T00:00:00.000Z';

beforeAll(async () => {
  handle = await freshDatabase();
  await handle.db.insertInto('teams').values([
    { id: 'team-a', name: 'Alpha', created_at: now },
    { id: 'team-b', name: 'Beta', created_at: now },
    { id: 'team-c', name: 'Gamma', created_at: '2027-01-01T00:00:00.000Z' },
  ]).execute();
});

afterAll(async () => {
  await handle.close();
});

test('each run binds its own values; the SQL is built once per key, and constants the build wrote stay', async () => {
  let builds = 0;
  const teams = reusableQuery((before: boolean) => String(before), (db, before, slots: { at: string; name: string }) => {
    builds += 1;
    return db.selectFrom('teams').select('id')
      .where('created_at', before ? '<' : '>=', slots.at)
      .where('name', '!=', slots.name)
      .where('id', '!=', 'team-x')
      .orderBy('id');
  });
  const ids = async (before: boolean, at: string, name: string) => (await teams(handle.db, before, { at, name })).map((row) => row.id);
  expect(await ids(true, '2026-06-01T00:00:00.000Z', 'Alpha')).toEqual(['team-b']);
  expect(await ids(true, '2026-06-01T00:00:00.000Z', 'Beta')).toEqual(['team-a']);
  expect(await ids(true, '2028-01-01T00:00:00.000Z', 'Beta')).toEqual(['team-a', 'team-c']);
  expect(builds).toBe(1);
  expect(await ids(false, '2026-06-01T00:00:00.000Z', 'Beta')).toEqual(['team-c']);
  expect(builds).toBe(2);
});

test('a slot that is transformed, written into the SQL or left out is refused, not frozen into later runs', async () => {
  const lowered = reusableQuery(() => '', (db, _context: null, slots: { name: string }) =>
    db.selectFrom('teams').select('id').where('name', '=', slots.name.toLowerCase()));
  await expect(lowered(handle.db, null, { name: 'Alpha' })).rejects.toThrow(/slot/);
  const inlined = reusableQuery(() => '', (db, _context: null, slots: { name: string }) =>
    db.selectFrom('teams').select('id').where(sql<boolean>`name = ${sql.lit(slots.name)}`));
  await expect(inlined(handle.db, null, { name: 'Alpha' })).rejects.toThrow(/slot/);
  const unused = reusableQuery(() => '', (db, _context: null, _slots: { name: string }) => db.selectFrom('teams').select('id'));
  await expect(unused(handle.db, null, { name: 'Alpha' })).rejects.toThrow(/slot/);
});

test('writes are refused: compiled once, a write run again would go unheard by the write watch', async () => {
  const rename = reusableQuery(() => '', (db, _context: null, slots: { id: string }) => db.updateTable('teams').set({ name: 'Renamed' }).where('id', '=', slots.id));
  await expect(rename(handle.db, null, { id: 'team-a' })).rejects.toThrow(/reads only/);
  expect((await handle.db.selectFrom('teams').select('name').where('id', '=', 'team-a').executeTakeFirstOrThrow()).name).toBe('Alpha');
});

test.runIf(testDialect === 'postgres')('on PostgreSQL it runs as a named prepared statement; other queries stay unnamed', async () => {
  const teamName = reusableQuery(() => '', (db, _context: null, slots: { id: string }) => db.selectFrom('teams').select('name').where('id', '=', slots.id));
  await handle.db.connection().execute(async (connection) => {
    expect(await teamName(connection, null, { id: 'team-a' })).toEqual([{ name: 'Alpha' }]);
    expect(await teamName(connection, null, { id: 'team-b' })).toEqual([{ name: 'Beta' }]);
    await connection.selectFrom('teams').select('id').where('name', '=', 'Gamma').execute();
    const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(connection);
    const statements = prepared.rows.map((row) => row.statement);
    expect(statements).toContain('select "name" from "teams" where "id" = $1');
    expect(statements).not.toContain('select "id" from "teams" where "name" = $1');
  });
});
