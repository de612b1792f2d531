import { sql, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// Discarding a contact person or a product nulls the quotes and lines that name them: without an
// index each such delete scans every quote (or every line) once per deleted row.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('quotes_contact_idx').on('quotes').column('contact_id')
    .where(sql.ref('contact_id'), 'is not', null).execute();
  await db.schema.createIndex('quote_lines_product_idx').on('quote_lines').column('product_id')
    .where(sql.ref('product_id'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('quote_lines_product_idx').ifExists().execute();
  await db.schema.dropIndex('quotes_contact_idx').ifExists().execute();
}
