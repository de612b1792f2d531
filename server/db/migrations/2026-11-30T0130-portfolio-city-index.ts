import type { Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// A team's list filtered by city (the filter a sales team uses most) under 10,000 matches is
// counted exactly, and that count read every row of the team's portfolio to check the city
// (50,000 rows: 10 ms on SQLite, more on PostgreSQL, most of such a page). Indexed by
// (holder, city) the count reads only the city's rows of that portfolio. Stage already has its
// index; the other columns are rarer filters and stay unindexed (each index costs every write).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('portfolio_accounts_city_idx').on('portfolio_accounts').columns(['holder_id', 'city_norm']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('portfolio_accounts_city_idx').ifExists().execute();
}
