import { sql, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// Agreements whose term has passed expire by themselves (a daily job): those still in draft, sent
// or signed by the customer only, whose end date is before today. The job reads them by end date
// from this index, which holds only agreements that can still lapse: the ones signed by both,
// expired or terminated (most of them, in time) are not in it, so a run reads what it changes.
// The statuses are written out as literals, in the index and in the job's query alike: SQLite
// uses a partial index only for a query that repeats its condition, and a bound parameter does not.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('agreements_lapsing_idx').on('agreements').columns(['end_on', 'id'])
    .where(sql<boolean>`status in ('draft', 'sent', 'signed_by_customer') and end_on is not null`).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('agreements_lapsing_idx').ifExists().execute();
}
