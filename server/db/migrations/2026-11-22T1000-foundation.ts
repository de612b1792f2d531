import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const bool = pg ? sql`boolean` : sql`integer`;
  // Normalised columns compare byte by byte, so sort order and prefix ranges match on both dialects.
  const norm = pg ? sql`text collate "C"` : sql`text`;

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('crm_manager', bool, (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('active', bool, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_team_idx').on('users').columns(['team_id']).execute();
  await db.schema.createIndex('users_name_idx').on('users').columns(['name', 'id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').columns(['user_id']).execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').columns(['expires_at']).execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key_idx').on('login_attempts').columns(['key', 'at']).execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', norm, (c) => c.notNull())
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('stage', norm, (c) => c.notNull())
    .addColumn('tax_id', 'text')
    .addColumn('tax_id_norm', norm)
    .addColumn('industry', 'text')
    .addColumn('industry_norm', norm)
    .addColumn('website', 'text')
    .addColumn('emails', 'text', (c) => c.notNull())
    .addColumn('phones', 'text', (c) => c.notNull())
    .addColumn('addresses', 'text', (c) => c.notNull())
    .addColumn('city', 'text')
    .addColumn('city_norm', norm)
    .addColumn('country', norm)
    .addColumn('notes', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('discarded_at', ts)
    .addColumn('discarded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  // One index per default sort and per filter (with the default sort behind it), live rows only.
  const live = sql<boolean>`discarded_at is null`;
  const accountIndexes: Array<[string, string[]]> = [
    ['accounts_name_idx', ['name_norm', 'id']],
    ['accounts_created_idx', ['created_at', 'id']],
    ['accounts_updated_idx', ['updated_at', 'id']],
    ['accounts_stage_idx', ['stage', 'name_norm', 'id']],
    ['accounts_kind_idx', ['kind', 'name_norm', 'id']],
    ['accounts_country_idx', ['country', 'name_norm', 'id']],
    ['accounts_city_idx', ['city_norm', 'name_norm', 'id']],
    ['accounts_industry_idx', ['industry_norm', 'name_norm', 'id']],
    ['accounts_tax_id_idx', ['tax_id_norm']],
  ];
  for (const [name, columns] of accountIndexes) {
    await db.schema.createIndex(name).on('accounts').columns(columns).where(live).execute();
  }
  await db.schema
    .createIndex('accounts_bin_idx')
    .on('accounts')
    .columns(['discarded_at', 'id'])
    .where(sql<boolean>`discarded_at is not null`)
    .execute();

  await db.schema
    .createTable('account_owners')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('account_owners_pk', ['account_id', 'user_id'])
    .execute();
  await db.schema.createIndex('account_owners_user_idx').on('account_owners').columns(['user_id', 'account_id']).execute();

  await db.schema
    .createTable('account_terms')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('term', norm, (c) => c.notNull())
    .addPrimaryKeyConstraint('account_terms_pk', ['term', 'account_id'])
    .execute();
  await db.schema.createIndex('account_terms_account_idx').on('account_terms').columns(['account_id']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('position', 'text')
    .addColumn('area', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('contacts_pair_unique', ['person_id', 'organization_id'])
    .execute();
  await db.schema.createIndex('contacts_organization_idx').on('contacts').columns(['organization_id']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_account_idx').on('audit_log').columns(['account_id', 'at', 'id']).execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'contacts', 'account_terms', 'account_owners', 'accounts', 'login_attempts', 'sessions', 'users', 'teams']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
