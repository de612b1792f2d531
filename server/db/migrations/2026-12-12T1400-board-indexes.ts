import { sql, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// The board's first screen counts and totals every matching card per stage and currency, and reads
// each column's first cards (issue 19.6: p95 ≤ 50 ms at 100,000 opportunities). Measured at
// 100,000 it took 200-900 ms, raw SQL as much, because its indexes did not hold what it reads:
//
// - SQLite uses a partial index as covering only when the index holds every column the query
//   names, the one of its WHERE included: `organization_discarded_at` was not in any, so the
//   admin's totals read each of the 100,000 rows beside the index. The partial indexes the board
//   reads now end with it (always null in them: a byte per entry). PostgreSQL did not need it.
// - A close range ("closing this quarter") had no index to total from: each card's row was read
//   to check its date (0.2 s of CPU on SQLite). opportunities_close_totals_idx holds the range's
//   cards with their stage, currency and amount; PostgreSQL totals from it. SQLite's planner
//   keeps walking the totals index for its grouped order whatever the range, so that index
//   carries the date too: the walk reads no row (8 ms of CPU for 100,000 cards, as unfiltered).
// - An agent's board reads their portfolio's organizations' opportunities: through
//   opportunities_organization_idx each one's row was read for its currency, amount, date and
//   liveness. opportunities_portfolio_idx holds them all. It stays whole (not partial): it also
//   serves the discard trigger, the cascade from a purged organization and an organization's own
//   opportunities.
// - A team's board walks each column's board index and checks each card's organization against
//   the portfolio by key: the index now carries the organization (and the close date), so the
//   walk reads no row.

const live = sql<boolean>`organization_discarded_at is null`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('opportunities_stage_totals_idx').execute();
  await db.schema.createIndex('opportunities_stage_totals_idx').on('opportunities')
    .columns(['stage', 'currency', 'amount', 'expected_close_on', 'organization_discarded_at']).where(live).execute();
  await db.schema.createIndex('opportunities_close_totals_idx').on('opportunities')
    .columns(['expected_close_on', 'stage', 'currency', 'amount', 'organization_discarded_at']).where(live).execute();
  await db.schema.dropIndex('opportunities_board_idx').execute();
  await db.schema.createIndex('opportunities_board_idx').on('opportunities')
    .columns(['stage', 'position', 'id', 'organization_id', 'expected_close_on', 'organization_discarded_at']).where(live).execute();
  await db.schema.dropIndex('opportunities_organization_idx').execute();
  await db.schema.createIndex('opportunities_portfolio_idx').on('opportunities')
    .columns(['organization_id', 'stage', 'position', 'id', 'currency', 'amount', 'expected_close_on', 'organization_discarded_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('opportunities_portfolio_idx').ifExists().execute();
  await db.schema.createIndex('opportunities_organization_idx').on('opportunities').columns(['organization_id', 'stage', 'position', 'id']).execute();
  await db.schema.dropIndex('opportunities_board_idx').ifExists().execute();
  await db.schema.createIndex('opportunities_board_idx').on('opportunities').columns(['stage', 'position', 'id']).where(live).execute();
  await db.schema.dropIndex('opportunities_close_totals_idx').ifExists().execute();
  await db.schema.dropIndex('opportunities_stage_totals_idx').ifExists().execute();
  await db.schema.createIndex('opportunities_stage_totals_idx').on('opportunities').columns(['stage', 'currency', 'amount']).where(live).execute();
}
