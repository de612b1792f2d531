import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Documents on accounts (files in storage, rows here) and the company card of seed 003:
// invoice settings, the team of our own company the account belongs to, and a logo.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const big = pg ? sql`bigint` : sql`integer`;

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // 'document' for the documents tab, 'logo' for the account's logo (not listed with documents).
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', big, (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    // Server-made storage key; never the client's file name.
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('uploaded_at', ts, (c) => c.notNull())
    .execute();
  // The documents tab (newest first) and the per-page document counts.
  await db.schema.createIndex('documents_account_idx').on('documents').columns(['account_id', 'purpose', 'uploaded_at', 'id']).execute();

  await db.schema.alterTable('accounts').addColumn('invoice_delivery', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('invoice_email', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('credit_days', 'integer').execute();
  await db.schema.alterTable('accounts').addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null')).execute();
  // No foreign key on purpose: the logo row references the account, and purging cascades from there.
  await db.schema.alterTable('accounts').addColumn('logo_document_id', 'text').execute();
  await db.schema
    .createIndex('accounts_team_idx')
    .on('accounts')
    .columns(['team_id', 'name_norm', 'id'])
    .where(sql<boolean>`discarded_at is null`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('accounts_team_idx').ifExists().execute();
  for (const column of ['logo_document_id', 'team_id', 'credit_days', 'invoice_email', 'invoice_delivery']) {
    await db.schema.alterTable('accounts').dropColumn(column).execute();
  }
  await db.schema.dropTable('documents').ifExists().execute();
}
