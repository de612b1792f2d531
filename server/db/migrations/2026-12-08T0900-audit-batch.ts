import type { Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.

/**
 * The import, bulk action or merge that wrote an audit row (`import:<id>`, `bulk:<job id>`,
 * `merge:<id>`), so the history can show what one of them did as one entry. Rows written before
 * have none and read as single entries. No index: the history reads an account's rows through
 * audit_log_account_idx and groups them there.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('batch_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('batch_id').execute();
}
