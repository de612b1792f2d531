import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Issue 3 (part A): parent accounts, characteristics and interest areas, relationships, tags and
// saved views of the accounts list. Every filter the accounts list gains has an index here.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const bool = pg ? sql`boolean` : sql`integer`;
  const norm = pg ? sql`text collate "C"` : sql`text`;
  const live = sql<boolean>`discarded_at is null`;

  // Departments and subsidiaries: a parent account. Deleting the parent for good frees its children.
  await db.schema.alterTable('accounts').addColumn('parent_id', 'text', (c) => c.references('accounts.id').onDelete('set null')).execute();
  await db.schema.createIndex('accounts_parent_idx').on('accounts').columns(['parent_id', 'name_norm', 'id']).where(live).execute();

  // Characteristics and interest areas in one table: `kind` says which list the item key belongs to
  // (characteristic → characteristic; interest / disinterest / unmet_need → interest_area).
  await db.schema
    .createTable('account_traits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('account_traits_unique', ['account_id', 'kind', 'item_key'])
    .execute();
  // The list filter: accounts having this item (of this kind).
  await db.schema.createIndex('account_traits_filter_idx').on('account_traits').columns(['item_key', 'kind', 'account_id']).execute();

  // Relationships are direction-neutral: each pair and reason is stored once, found from either side.
  await db.schema
    .createTable('account_relationships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('related_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('account_relationships_unique', ['account_id', 'related_id', 'reason'])
    .execute();
  await db.schema.createIndex('account_relationships_related_idx').on('account_relationships').columns(['related_id']).execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', norm, (c) => c.notNull().unique())
    .addColumn('color', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tags_name_idx').on('tags').columns(['name_norm', 'id']).execute();

  await db.schema
    .createTable('account_tags')
    .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('account_tags_pk', ['tag_id', 'account_id'])
    .execute();
  await db.schema.createIndex('account_tags_account_idx').on('account_tags').columns(['account_id', 'tag_id']).execute();

  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', norm, (c) => c.notNull())
    .addColumn('shared', bool, (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('columns', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_views_owner_idx').on('saved_views').columns(['list', 'owner_id', 'name_norm', 'id']).execute();
  await db.schema.createIndex('saved_views_shared_idx').on('saved_views').columns(['list', 'shared', 'name_norm', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['saved_views', 'account_tags', 'tags', 'account_relationships', 'account_traits']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.dropIndex('accounts_parent_idx').ifExists().execute();
  await db.schema.alterTable('accounts').dropColumn('parent_id').execute();
}
