import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.

/**
 * Merges of duplicate accounts, recorded so an admin can undo one exactly: the survivor, its
 * fields before and after, the losers (discarded, kept in the bin), and every row the merge moved
 * from a loser to the survivor (a contact, an activity, a tag it added…), to move back on undo.
 * No foreign keys to accounts: a loser purged from the bin leaves its merge on record (no longer
 * undoable), and the survivor's history still reads the loser's rows through it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('account_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survivor_id', 'text', (c) => c.notNull())
    /** JSON: the survivor's fields before the merge and as the merge left them. */
    .addColumn('fields_before', 'text', (c) => c.notNull())
    .addColumn('fields_after', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('undone_at', ts)
    .addColumn('undone_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('account_merges_survivor_idx').on('account_merges').columns(['survivor_id']).execute();

  await db.schema
    .createTable('account_merge_losers')
    .addColumn('merge_id', 'text', (c) => c.notNull().references('account_merges.id').onDelete('cascade'))
    .addColumn('loser_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_merge_losers_pk', ['merge_id', 'loser_id'])
    .execute();
  await db.schema.createIndex('account_merge_losers_loser_idx').on('account_merge_losers').columns(['loser_id']).execute();

  await db.schema
    .createTable('account_merge_moves')
    .addColumn('merge_id', 'text', (c) => c.notNull().references('account_merges.id').onDelete('cascade'))
    .addColumn('loser_id', 'text', (c) => c.notNull())
    /** What moved: contact_person, contact_organization, relationship_account, relationship_related, activity, request, document, trait, child, tag, owner. */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The moved row's id; for a tag or an owner the survivor gained, the tag's or user's id. */
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_merge_moves_pk', ['merge_id', 'kind', 'row_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['account_merge_moves', 'account_merge_losers', 'account_merges']) await db.schema.dropTable(table).ifExists().execute();
}
