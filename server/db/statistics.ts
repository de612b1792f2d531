import { sql } from 'kysely';
import { isPostgres, type Db } from './database';
import { timedCache } from './timed-cache';

/** How long a row estimate is reused: it only steers plans, and tables grow slowly next to that. */
const estimates = timedCache<number | null>(60_000);

/**
 * Rows in a table as the database's planner statistics last saw them (SQLite's sqlite_stat1, kept
 * by PRAGMA optimize; PostgreSQL's pg_class.reltuples, kept by autovacuum), or null before any
 * were gathered. Cheap, approximate, and read at most once a minute per table: for choosing
 * plans, never for answers.
 */
export async function estimatedRows(db: Db, table: 'accounts' | 'account_tags' | 'account_owners'): Promise<number | null> {
  const known = estimates.get(db, table);
  if (known !== undefined) return known;
  const rows = isPostgres(db) ? await fromPostgres(db, table) : await fromSqlite(db, table);
  estimates.set(db, table, rows);
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

/** Below this many rows a stale estimate costs nothing worth an ANALYZE. */
const analyzeFloor = 10_000;

/**
 * After a bulk write: on PostgreSQL, gathers planner statistics again for those of `tables` that
 * now hold more than twice the rows the planner last saw. Autovacuum does this in the background,
 * but can lag a bulk import by minutes, or be turned off; planned against an "empty" table, an
 * import's duplicate lookups become sequential scans that grow with every batch (110 ms a batch at
 * 150,000 accounts instead of 2). Doubling bounds it to a few ANALYZEs per import, each reading a
 * sample. SQLite's planner uses the indexes without statistics: nothing to do there.
 */
export async function keepStatisticsFresh(db: Db, tables: readonly string[]): Promise<void> {
  if (!(isPostgres(db))) return;
  const result = await sql<{ name: string; known: number | string; live: number | string }>`
    select c.relname as name, c.reltuples as known, s.n_live_tup as live
    from pg_class c join pg_stat_user_tables s on s.relid = c.oid
    where c.oid in (${sql.join(tables.map((table) => sql`to_regclass(${table})`))})`.execute(db);
  const stale = result.rows.filter((row) => Number(row.live) >= analyzeFloor && Number(row.live) > 2 * Math.max(Number(row.known), 0));
  if (stale.length === 0) return;
  await sql`analyze ${sql.join(stale.map((row) => sql.table(row.name)))}`.execute(db);
  estimates.clear(db);
}

/**
 * Gathers planner statistics for this database's tables now, and reads them afresh from then on.
 * On PostgreSQL only the tables of the schema in use: a bare ANALYZE reads every schema of the
 * database (other test files' schemas, a million-account bench dataset: past 30 s).
 */
export async function refreshStatistics(db: Db): Promise<void> {
  if (isPostgres(db)) {
    const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
    if (tables.rows.length > 0) await sql`analyze ${sql.join(tables.rows.map((row) => sql.table(row.name)))}`.execute(db);
  } else {
    await sql`analyze`.execute(db);
  }
  estimates.clear(db);
}
