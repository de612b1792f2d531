import { sql, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// The invoices list's overdue filter (issued or partly paid, due before today; overdue is never
// stored) sorts by issue date, newest first. Written on the status column, SQLite led with
// invoices_status_idx (status, due_date) and sorted every overdue invoice for one page ("USE TEMP
// B-TREE FOR ORDER BY": about a million rows at a million accounts), statistics or not.
// invoices_open_issue_idx leads with the expression "is open" and then the list's order, with the
// due date last so the date check needs no table row; the list writes its filter as
// `(status in ('issued', 'partly_paid')) = true`, which SQLite matches to this expression only (the
// status indexes cannot take it), so it reads the index in page order. The status index stays: the
// dashboard's overdue card and the "issued, not yet due" counts read its (status, due_date) range.

const open = "(status in ('issued', 'partly_paid'))";

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`create index invoices_open_issue_idx on invoices (${open}, issue_date, id, due_date) where organization_discarded_at is null`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invoices_open_issue_idx').ifExists().execute();
}
