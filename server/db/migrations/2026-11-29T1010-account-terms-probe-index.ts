import type { Kysely } from 'kysely';

// A list filtered by a common search word ("garcia": 40,000 of 1,000,000 accounts) walks the sort
// index and checks each account's terms. With the terms indexed by account only, every check read
// the account's term rows from the table; indexed by (account, term) the check reads the index alone.
// The same index still serves deleting an account's terms.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('account_terms_account_idx').execute();
  await db.schema.createIndex('account_terms_account_idx').on('account_terms').columns(['account_id', 'term']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('account_terms_account_idx').execute();
  await db.schema.createIndex('account_terms_account_idx').on('account_terms').columns(['account_id']).execute();
}
