import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// "Send agreement from template" on the accounts list's selection (issue 22 item 6) is a background
// job that, for each selected company, creates an agreement from a template and sends it. Each
// company it handles leaves one row here, written in the transaction that creates and sends (or
// records why it could not): the job's per-row report, and what makes the job idempotent. The key
// (job, company) means a retried or resumed job, or a second process holding it, never creates or
// sends twice for the same company.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('agreement_bulk_rows')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // sent | no_email | failed
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.references('agreements.id').onDelete('set null'))
    // Why it was not sent (JSON: the error's code, its field's code and their parameters), translated when read.
    .addColumn('reason', 'text')
    .addColumn('processed_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_bulk_rows_pk', ['job_id', 'organization_id'])
    .execute();
  // The report's pages, whole or by outcome, in the order the companies were handled.
  await db.schema.createIndex('agreement_bulk_rows_report_idx').on('agreement_bulk_rows').columns(['job_id', 'processed_at', 'organization_id']).execute();
  await db.schema.createIndex('agreement_bulk_rows_outcome_idx').on('agreement_bulk_rows').columns(['job_id', 'outcome', 'processed_at', 'organization_id']).execute();
  // Deleting a company or an agreement finds its rows.
  await db.schema.createIndex('agreement_bulk_rows_organization_idx').on('agreement_bulk_rows').column('organization_id').execute();
  await db.schema.createIndex('agreement_bulk_rows_agreement_idx').on('agreement_bulk_rows').column('agreement_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agreement_bulk_rows').ifExists().execute();
}
