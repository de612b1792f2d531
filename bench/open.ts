import fs from 'node:fs';
import path from 'node:path';
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import { connect, type DatabaseHandle, type Dialect } from '@server/db/connect';
import { migrateToLatest } from '@server/db/migrate';

export const resultsDir = path.join(import.meta.dirname, 'results');
export const benchPgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** While set, every query the bench database runs is appended here (see recordQueries). */
let recording: CompiledQuery[] | null = null;
const log = (event: { query: CompiledQuery }) => { recording?.push(event.query); };

/** The queries `work` makes the database run, in order. */
export async function recordQueries(work: () => Promise<unknown>): Promise<CompiledQuery[]> {
  const queries: CompiledQuery[] = [];
  recording = queries;
  try {
    await work();
  } finally {
    recording = null;
  }
  return queries;
}

/** A named benchmark database: a SQLite file under bench/results, or a PostgreSQL schema. */
export async function openBench(dialect: Dialect, name: string, fresh: boolean): Promise<DatabaseHandle & { dataDir: string }> {
  const dataDir = path.join(resultsDir, name);
  if (dialect === 'sqlite') {
    if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
    const handle = connect({ databaseUrl: null, dataDir, log });
    await migrateToLatest(handle.db);
    return { ...handle, dataDir };
  }
  const schema = `bench_${name.replace(/\W+/g, '_')}`;
  const client = new pg.Client({ connectionString: benchPgUrl });
  await client.connect();
  if (fresh) await client.query(`drop schema if exists ${schema} cascade`);
  await client.query(`create schema if not exists ${schema}`);
  await client.end();
  fs.mkdirSync(dataDir, { recursive: true });
  const handle = connect({ databaseUrl: benchPgUrl, dataDir, pgSchema: schema, poolSize: 10, log });
  await migrateToLatest(handle.db);
  return { ...handle, dataDir };
}
