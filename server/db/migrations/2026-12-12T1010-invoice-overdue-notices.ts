import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// Overdue stays a reading of (status, due date), never stored. What is stored is that the owners
// were told: the daily overdue job stamps each invoice it notifies, once, and the partial index
// keeps its search to the invoices still waiting for that (past due, unpaid, live, not told).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('invoices').addColumn('overdue_notified_at', pg ? sql`timestamptz` : 'text').execute();
  await db.schema.createIndex('invoices_overdue_unnotified_idx').on('invoices').columns(['due_date', 'id'])
    .where(sql<boolean>`overdue_notified_at is null and status in ('issued', 'partly_paid') and organization_discarded_at is null`).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invoices_overdue_unnotified_idx').ifExists().execute();
  await db.schema.alterTable('invoices').dropColumn('overdue_notified_at').execute();
}
