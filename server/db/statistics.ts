import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './database';

/** How long a row estimate is reused: it only steers plans, and tables grow slowly next to that. */
const reuseMs = 60_000;
const estimates = new WeakMap<Db, Map<string, { rows: number | null; at: number }>>();

/**
 * Rows in a table as the database's planner statistics last saw them (SQLite's sqlite_stat1, kept
 * by PRAGMA optimize; PostgreSQL's pg_class.reltuples, kept by autovacuum), or null before any
 * were gathered. Cheap, approximate, and read at most once a minute per table: for choosing
 * plans, never for answers.
 */
export async function estimatedRows(db: Db, table: 'accounts'): Promise<number | null> {
  const perDb = estimates.get(db) ?? new Map<string, { rows: number | null; at: number }>();
  estimates.set(db, perDb);
  const cached = perDb.get(table);
  if (cached && Date.now() - cached.at < reuseMs) return cached.rows;
  const rows = db.getExecutor().adapter instanceof PostgresAdapter ? await fromPostgres(db, table) : await fromSqlite(db, table);
  perDb.set(table, { rows, at: Date.now() });
  return rows;
}

async function fromSqlite(db: Db, table: string): Promise<number | null> {
  const exists = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
  if (!exists.rows[0]?.n) return null;
  const result = await sql<{ stat: string }>`select stat from sqlite_stat1 where tbl = ${table} order by idx is not null limit 1`.execute(db);
  const first = Number(result.rows[0]?.stat.split(' ')[0]);
  return Number.isFinite(first) && first > 0 ? first : null;
}

async function fromPostgres(db: Db, table: string): Promise<number | null> {
  const result = await sql<{ rows: number | string | null }>`select reltuples as rows from pg_class where oid = to_regclass(${table})`.execute(db);
  const rows = Number(result.rows[0]?.rows ?? -1);
  return rows > 0 ? rows : null;
}
