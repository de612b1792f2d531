import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// The portfolio sample (rows whose id ends in '0', one in 16) becomes a partial index holding
// only those rows, with every column a list filters on: a team's sample is then counted from
// 3,000 index entries without reading a portfolio row (SQLite read each sampled row by its key:
// 2 ms for a team of 50,000), and the index is a sixteenth of the table. The expression must stay
// written as the sample query writes it (`substr(id, 36, 1) = '0'`) for the planners to use it.

const columns = 'kind, stage, city_norm, country, industry_norm, source, team_id, parent_id, created_at, updated_at, tag_ids';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropIndex('portfolio_accounts_sample_idx').ifExists().execute();
  const keys = pg ? `holder_id) include (id, ${columns}` : `holder_id, ${columns}`;
  await sql.raw(`create index portfolio_accounts_sample_idx on portfolio_accounts (${keys}) where substr(id, 36, 1) = '0'`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropIndex('portfolio_accounts_sample_idx').ifExists().execute();
  const include = pg ? ' include (id, kind, stage, tag_ids, city_norm, country, industry_norm, source, team_id, parent_id)' : '';
  await sql.raw(`create index portfolio_accounts_sample_idx on portfolio_accounts (holder_id, substr(id, 36, 1))${include}`).execute(db);
}
