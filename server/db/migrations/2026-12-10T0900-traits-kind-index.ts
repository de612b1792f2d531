import type { Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// The accounts list filters by interest kind alone ("every account with an unmet need"): its
// rows are read by kind, which the (item_key, kind, account_id) index cannot lead.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('account_traits_kind_idx').on('account_traits').columns(['kind', 'account_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('account_traits_kind_idx').ifExists().execute();
}
