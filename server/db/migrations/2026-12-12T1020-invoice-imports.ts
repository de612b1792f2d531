import type { Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// Invoices come in through the import machinery too (issue 22): an import says what it brings in,
// and its ledger names the invoice each row created or updated, so undo finds it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').addColumn('entity', 'text', (c) => c.notNull().defaultTo('accounts')).execute();
  await db.schema.alterTable('import_rows').addColumn('invoice_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_rows').dropColumn('invoice_id').execute();
  await db.schema.alterTable('imports').dropColumn('entity').execute();
}
