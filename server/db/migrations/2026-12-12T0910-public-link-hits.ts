import { sql, type Kysely } from 'kysely';

// The request counter of the public quote page serves every public link now (agreements to sign,
// later invoices to open): one budget per caller address across them, under a name that says so.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table quote_link_hits rename to public_link_hits`.execute(db);
  await db.schema.dropIndex('quote_link_hits_window_idx').execute();
  // Windows long past are swept by age.
  await db.schema.createIndex('public_link_hits_window_idx').on('public_link_hits').columns(['window_start']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('public_link_hits_window_idx').execute();
  await sql`alter table public_link_hits rename to quote_link_hits`.execute(db);
  await db.schema.createIndex('quote_link_hits_window_idx').on('quote_link_hits').columns(['window_start']).execute();
}
