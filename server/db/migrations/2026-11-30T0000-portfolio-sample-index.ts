import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// A team's list past 10,000 accounts estimates its total from one portfolio row in 16: those
// whose id ends in '0' (UUIDv7 ids end in random digits). Without an index that sample read all
// of the team's 50,000 rows to keep 3,000 (SQLite 13 ms, PostgreSQL 20 ms, most of such a page);
// indexed by (holder, last digit) it reads the 3,000 alone. PostgreSQL's carries the filter
// columns, so the sample is counted from the index.

const expression = 'holder_id, substr(id, 36, 1)';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const include = pg ? ' include (id, kind, stage, tag_ids, city_norm, country, industry_norm, source, team_id, parent_id)' : '';
  await sql.raw(`create index portfolio_accounts_sample_idx on portfolio_accounts (${expression})${include}`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('portfolio_accounts_sample_idx').ifExists().execute();
}
