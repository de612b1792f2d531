import type { Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// A product's optional picture (issue 21 item 1), stored like a document: the bytes under a key in
// the storage directory, their type as the content says, their size and the uploaded file's name.
// The key is new with every picture, so its address (which carries it) is never stale in a cache.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('products').addColumn('image_key', 'text').execute();
  await db.schema.alterTable('products').addColumn('image_type', 'text').execute();
  await db.schema.alterTable('products').addColumn('image_size', 'integer').execute();
  await db.schema.alterTable('products').addColumn('image_name', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['image_name', 'image_size', 'image_type', 'image_key']) await db.schema.alterTable('products').dropColumn(column).execute();
}
