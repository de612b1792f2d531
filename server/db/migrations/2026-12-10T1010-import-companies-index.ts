import { sql, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// An import's result lists the companies it created for its people (ledger rows naming an
// organization), in file order: without this index a million-row import's ledger is read whole
// to find them.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('import_rows_companies_idx')
    .on('import_rows')
    .columns(['import_id', 'row_number', 'organization_id'])
    .where(sql.ref('organization_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('import_rows_companies_idx').ifExists().execute();
}
