import path from 'node:path';
import os from 'node:os';
import { sql } from 'kysely';
import { connect, type DatabaseHandle } from '@server/db/connect';
import type { Db } from '@server/db/database';
import { testDialect, testPgSettings, testPgUrl } from './test-db';

/**
 * A connection of its own to the database a test app uses, as a second app process would open
 * it: the same SQLite file through another handle, or the same PostgreSQL schema through another
 * pool. Closing it leaves the database to its owner.
 */
export async function secondConnection(db: Db): Promise<DatabaseHandle> {
  if (testDialect === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const schema = rows[0]?.schema;
    if (!schema) throw new Error('no current schema');
    return connect({ databaseUrl: testPgUrl, dataDir: os.tmpdir(), pgSchema: schema, pgSettings: testPgSettings, poolSize: 4 });
  }
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const file = rows.find((row) => row.name === 'main')?.file;
  if (!file) throw new Error('no database file');
  return connect({ databaseUrl: null, dataDir: path.dirname(file) });
}
