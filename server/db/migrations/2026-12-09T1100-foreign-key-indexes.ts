import { sql, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// Deleting an account makes the database find the rows that point at it (ON DELETE SET NULL or
// CASCADE). A referencing column without an index it can use means a scan of that table for each
// deleted account: undoing a 30,000-row import took 104 s on SQLite, growing with the square of
// the rows, because accounts.parent_id had only a partial index on live accounts (which the
// foreign-key lookup cannot use; team_id likewise) and email_messages none. Partial on "is not
// null": the lookup `col = ?` implies it on both databases, and rows without one cost nothing.

const indexes: Array<[name: string, table: string, column: string]> = [
  ['accounts_parent_fk_idx', 'accounts', 'parent_id'],
  ['accounts_team_fk_idx', 'accounts', 'team_id'],
  ['email_messages_account_fk_idx', 'email_messages', 'account_id'],
  ['email_messages_contact_fk_idx', 'email_messages', 'contact_id'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, column] of indexes) {
    await db.schema.createIndex(name).on(table).column(column).where(sql.ref(column), 'is not', null).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of indexes) await db.schema.dropIndex(name).ifExists().execute();
}
