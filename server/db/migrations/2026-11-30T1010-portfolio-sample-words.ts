import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// A team's list searched for a common word ("garcia") asks the portfolio's sample first (one row
// in 16, see 2026-11-30T0100), and the sample index did not hold the search terms (`words`, added
// by 2026-11-30T0200 after it): each of a team's 3,125 sampled rows was read from the table,
// 5-7 ms on SQLite at a million accounts. With `words` in the index, 1 ms. It adds about 100
// bytes to each of a sixteenth of the portfolio rows (16 MB at a million accounts).

const columns = 'kind, stage, city_norm, country, industry_norm, source, team_id, parent_id, created_at, updated_at, tag_ids';

async function sampleIndex(db: Kysely<any>, withWords: boolean): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const covered = withWords ? `${columns}, words` : columns;
  await db.schema.dropIndex('portfolio_accounts_sample_idx').ifExists().execute();
  const keys = pg ? `holder_id) include (id, ${covered}` : `holder_id, ${covered}`;
  await sql.raw(`create index portfolio_accounts_sample_idx on portfolio_accounts (${keys}) where substr(id, 36, 1) = '0'`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sampleIndex(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sampleIndex(db, false);
}
