import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Issue 23: company-registry lookup (settings, lookups kept for audit, account links, Peru's
// public file), credit monitoring (risk and its history), notifications for the bell, and
// the runs of periodic jobs.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const bool = pg ? sql`boolean` : sql`integer`;
  // Byte order on PostgreSQL, so a prefix range on the normalised name uses the index on both.
  const norm = pg ? sql`text collate "C"` : sql`text`;

  await db.schema
    .createTable('registry_settings')
    .addColumn('country', 'text', (c) => c.primaryKey())
    .addColumn('enabled', bool, (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('contact', 'text')
    .addColumn('secret_sealed', 'text')
    .addColumn('feed_cursor', 'text')
    .addColumn('loaded_at', ts)
    .addColumn('loaded_count', 'integer')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // Every register starts off: an admin turns on the ones the business needs.
  const now = new Date().toISOString();
  await db.insertInto('registry_settings').values(['NO', 'SE', 'DK', 'GB', 'PE'].map((country) => ({
    country, enabled: pg ? false : 0, client_id: null, contact: null, secret_sealed: null, feed_cursor: null,
    loaded_at: null, loaded_count: null, updated_at: now, updated_by: null, version: 1,
  }))).execute();

  await db.schema
    .createTable('registry_lookups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('fetched_at', ts, (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('mapped', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // The daily clean-up drops old lookups nobody created an account from.
  await db.schema.createIndex('registry_lookups_fetched_idx').on('registry_lookups').columns(['fetched_at']).execute();

  await db.schema
    .createTable('account_registry_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('fetched_at', ts, (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('account_registry_links_account_idx').on('account_registry_links').columns(['account_id', 'created_at']).execute();
  await db.schema.createIndex('account_registry_links_number_idx').on('account_registry_links').columns(['country', 'number']).execute();

  await db.schema
    .createTable('pe_taxpayers')
    .addColumn('ruc', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', norm, (c) => c.notNull())
    .addColumn('state', 'text')
    .addColumn('condition', 'text')
    .addColumn('ubigeo', 'text')
    .addColumn('address', 'text')
    .addColumn('load_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pe_taxpayers_name_idx').on('pe_taxpayers').columns(['name_norm', 'ruc']).execute();

  await db.schema
    .createTable('pe_branches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ruc', 'text', (c) => c.notNull())
    .addColumn('ubigeo', 'text')
    .addColumn('address', 'text')
    .addColumn('load_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pe_branches_ruc_idx').on('pe_branches').columns(['ruc']).execute();

  await db.schema
    .createTable('account_credit')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('monitoring', 'text')
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('signals', 'text', (c) => c.notNull())
    .addColumn('checked_at', ts)
    .addColumn('changed_at', ts)
    .addColumn('check_error', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // The accounts list's "at risk" filter.
  await db.schema.createIndex('account_credit_risk_idx').on('account_credit').columns(['risk_level', 'account_id']).execute();

  await db.schema
    .createTable('credit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('level_before', 'text', (c) => c.notNull())
    .addColumn('level_after', 'text', (c) => c.notNull())
    .addColumn('signals_before', 'text', (c) => c.notNull())
    .addColumn('signals_after', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('credit_events_account_idx').on('credit_events').columns(['account_id', 'at', 'id']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .execute();
  await db.schema.createIndex('notifications_unread_idx').on('notifications').columns(['user_id', 'created_at', 'id']).where(sql<boolean>`read_at is null`).execute();
  await db.schema.createIndex('notifications_account_idx').on('notifications').columns(['account_id']).execute();

  await db.schema
    .createTable('scheduled_runs')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('scheduled_runs_pk', ['name', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'scheduled_runs', 'notifications', 'credit_events', 'account_credit', 'pe_branches', 'pe_taxpayers',
    'account_registry_links', 'registry_lookups', 'registry_settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
