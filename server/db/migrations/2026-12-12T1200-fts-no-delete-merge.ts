import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// SQLite only. Both full-text indexes (account_fts, account_terms_fts) are contentless with
// contentless_delete, whose `deletemerge` (10 by default) rewrites a segment as soon as a tenth of
// its rows are deleted. That rewrite reads the whole segment and runs inside whatever write comes
// next, at once: undoing a 30,000-row import (every document deleted in order) made single commits
// of a few rows take 100-580 ms of CPU, holding every request behind them (p99 383 ms, 687 ms at
// worst). With deletemerge off, a deleted document's entries are dropped as its segment takes part
// in the ordinary merges, spread over writes like the merges inserts cause (commits of one undo
// chunk stayed under 25 ms); until then queries skip them through the segment's tombstones.

const tables = ['account_fts', 'account_terms_fts'];

async function setDeleteMerge(db: Kysely<any>, percent: number): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const table of tables) await sql.raw(`insert into ${table} (${table}, rank) values ('deletemerge', ${percent})`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await setDeleteMerge(db, 0);
}

export async function down(db: Kysely<any>): Promise<void> {
  await setDeleteMerge(db, 10);
}
