import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Configurable lists: one table for every picklist. Records store an item's key.

const stages = [
  ['lead', 'Lead', 'Lead', '#868e96'],
  ['prospect', 'Prospecto', 'Prospect', '#228be6'],
  ['customer', 'Cliente', 'Customer', '#40c057'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const bool = pg ? sql`boolean` : sql`integer`;

  await db.schema
    .createTable('list_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('list_key', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label_es', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('color', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('active', bool, (c) => c.notNull())
    .addColumn('system', bool, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('list_items_key_unique', ['list_key', 'key'])
    .execute();
  await db.schema.createIndex('list_items_order_idx').on('list_items').columns(['list_key', 'position']).execute();

  // Where an account comes from ("how did you hear of us"); industry already exists and now holds an item key.
  await db.schema.alterTable('accounts').addColumn('source', 'text').execute();
  await db.schema
    .createIndex('accounts_source_idx')
    .on('accounts')
    .columns(['source', 'name_norm', 'id'])
    .where(sql<boolean>`discarded_at is null`)
    .execute();

  const now = new Date().toISOString();
  // Fixed ids keep the seed identical on every install (UUIDv7-shaped, time zero).
  await db
    .insertInto('list_items')
    .values(stages.map(([key, es, en, color], index) => ({
      id: `00000000-0000-7000-8000-00000000000${index + 1}`,
      list_key: 'account_stage',
      key,
      label_es: es,
      label_en: en,
      color,
      position: index,
      active: pg ? true : 1,
      system: pg ? true : 1,
      created_at: now,
      updated_at: now,
      version: 1,
    })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('accounts_source_idx').ifExists().execute();
  await db.schema.alterTable('accounts').dropColumn('source').execute();
  await db.schema.dropTable('list_items').ifExists().execute();
}
