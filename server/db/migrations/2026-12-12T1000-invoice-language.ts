import { sql, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// An invoice speaks its customer's language (its PDF, its e-mail, its public page), chosen per
// invoice as quotes are. Invoices made from a quote take the quote's; the others Spanish.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invoices').addColumn('language', 'text', (c) => c.notNull().defaultTo('es')).execute();
  await sql`update invoices set language = (select quotes.language from quotes where quotes.id = invoices.quote_id) where quote_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invoices').dropColumn('language').execute();
}
