import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type ConnectOptions, type DatabaseHandle, type Dialect } from '@server/db/connect';
import { migrateToLatest } from '@server/db/migrate';

/** The dialect this test run targets (the runner sets it; SQLite by default). */
export const testDialect: Dialect = process.env.CARTERA_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

export const testPgUrl = process.env.CARTERA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Test data need not survive a crash of PostgreSQL itself: commits do not wait for the disk (~4 ms each here). */
export const testPgSettings = { synchronous_commit: 'off' };

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or a PostgreSQL
 * schema of its own that is dropped on close.
 */
export async function freshDatabase(): Promise<DatabaseHandle & { options: ConnectOptions }> {
  if (testDialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-test-'));
    const options: ConnectOptions = { databaseUrl: null, dataDir: dir };
    const handle = connect(options);
    await migrateToLatest(handle.db);
    return { ...handle, options, close: async () => { await handle.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: testPgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const options: ConnectOptions = { databaseUrl: testPgUrl, dataDir: os.tmpdir(), pgSchema: schema, pgSettings: testPgSettings, poolSize: 4 };
  const handle = connect(options);
  await migrateToLatest(handle.db);
  return {
    ...handle,
    options,
    close: async () => {
      await handle.close();
      const cleaner = new pg.Client({ connectionString: testPgUrl });
      await cleaner.connect();
      await cleaner.query(`drop schema ${schema} cascade`);
      await cleaner.end();
    },
  };
}
