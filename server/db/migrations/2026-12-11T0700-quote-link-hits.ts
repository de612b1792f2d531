import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// The public quote acceptance page is reached without a session, by a token in a link: requests to
// it are counted per caller address in a fixed window, in the database, so every app process
// enforces the same limit (guessing tokens, or hammering the PDF, stops at the limit).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('quote_link_hits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', ts, (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  // Windows long past are swept by age.
  await db.schema.createIndex('quote_link_hits_window_idx').on('quote_link_hits').columns(['window_start']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('quote_link_hits').ifExists().execute();
}
