import { sql, type Kysely } from 'kysely';
import { SqliteAdapter } from 'kysely';

// The dashboard's charts and the list filters their slices link to:
// - new accounts per month by source: a month's live accounts read with their source from one
//   index (a million accounts, 140,000 in a year: no lookup of each account's row). SQLite treats
//   a partial index as covering only when it names every column the query does, so it carries
//   discarded_at (see the covering-account-indexes migration);
// - won and lost per month: closed opportunities by status and closing time (the list's
//   closedFrom / closedTo filters);
// - the forecast's link per currency: the list's currency filter, by its default sort.

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const live = sql<boolean>`discarded_at is null`;
  await db.schema.createIndex('accounts_created_source_idx').on('accounts')
    .columns(sqlite ? ['created_at', 'source', 'discarded_at'] : ['created_at', 'source']).where(live).execute();
  const opportunitiesLive = sql<boolean>`organization_discarded_at is null`;
  await db.schema.createIndex('opportunities_closed_idx').on('opportunities').columns(['status', 'closed_at', 'lost_reason', 'currency', 'amount']).where(opportunitiesLive).execute();
  await db.schema.createIndex('opportunities_currency_idx').on('opportunities').columns(['currency', 'created_at', 'id']).where(opportunitiesLive).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['opportunities_currency_idx', 'opportunities_closed_idx', 'accounts_created_source_idx']) await db.schema.dropIndex(name).ifExists().execute();
}
