import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Users sort by a normalised name (lower case, accents stripped), like accounts, so "Álvaro"
// sorts with the a's and the order is the same on both dialects.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('users').addColumn('name_norm', pg ? sql`text collate "C"` : 'text', (c) => c.notNull().defaultTo('')).execute();
  const users = await db.selectFrom('users').select(['id', 'name']).execute();
  for (const user of users) {
    const norm = String(user.name).normalize('NFKD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
    await db.updateTable('users').set({ name_norm: norm }).where('id', '=', user.id).execute();
  }
  await db.schema.dropIndex('users_name_idx').execute();
  await db.schema.createIndex('users_name_idx').on('users').columns(['name_norm', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_name_idx').execute();
  await db.schema.alterTable('users').dropColumn('name_norm').execute();
  await db.schema.createIndex('users_name_idx').on('users').columns(['name', 'id']).execute();
}
