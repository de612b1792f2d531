import { sql, PostgresAdapter, type Kysely } from 'kysely';
import { up as createTermsIndex } from './2026-11-30T1000-account-terms-fts';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// Takes back 2026-11-30T1000 (SQLite's FTS5 index of the search terms). Its queries were what it
// promised (two words at a million accounts: 2 ms against 11.5 ms for the terms' ranges), but its
// triggers rewrite an account's document once per term written, and FTS5 flushes its pending
// data to a new segment whenever a document it holds pending is replaced: a batch of 500 new
// accounts wrote about 4,000 segments. Imports fell from 2,344 to 1,747 rows/s (20,000 rows) and
// to 1,120 at 200,000; the raw bulk insert of the bench from 2,822 to 750. A document written once
// per account and statement would avoid it; until then lists intersect the terms' ranges again.

const triggers = ['account_terms_fts_added', 'account_terms_fts_removed', 'account_terms_fts_forgotten'];

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const name of triggers) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  await sql.raw('drop table if exists account_terms_fts').execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await createTermsIndex(db);
}
