import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// Delivering an invoice (seed 003): by e-mail with a tracking link, by e-mail with the PDF, or on
// paper. The invoice keeps how and when it last went out, the hash of its link's token (the public
// page finds it by that alone; sending again replaces it), and the first time the customer opened it.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema.alterTable('invoices').addColumn('token_hash', 'text').execute();
  await db.schema.alterTable('invoices').addColumn('delivered_via', 'text').execute();
  await db.schema.alterTable('invoices').addColumn('delivered_at', ts).execute();
  await db.schema.alterTable('invoices').addColumn('delivered_to', 'text').execute();
  await db.schema.alterTable('invoices').addColumn('first_opened_at', ts).execute();
  await db.schema.createIndex('invoices_token_key').on('invoices').column('token_hash').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invoices_token_key').ifExists().execute();
  for (const column of ['first_opened_at', 'delivered_to', 'delivered_at', 'delivered_via', 'token_hash']) await db.schema.alterTable('invoices').dropColumn(column).execute();
}
