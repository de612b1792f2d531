import type { TraitKind } from '@contract/account-links';
import type { AccountTraitRow, Db } from '@server/db/database';

export type TraitWithAuthor = AccountTraitRow & { created_by_name: string | null };

/** An account's characteristics or interest areas, oldest first, with who added each. */
export const traitsOf = (db: Db, accountId: string, kinds: TraitKind[]): Promise<TraitWithAuthor[]> =>
  db
    .selectFrom('account_traits')
    .leftJoin('users', 'users.id', 'account_traits.created_by')
    .selectAll('account_traits')
    .select('users.name as created_by_name')
    .where('account_traits.account_id', '=', accountId)
    .where('account_traits.kind', 'in', kinds)
    .orderBy('account_traits.created_at')
    .orderBy('account_traits.id')
    .execute();

export const findTrait = (db: Db, accountId: string, id: string, kinds: TraitKind[]): Promise<AccountTraitRow | undefined> =>
  db.selectFrom('account_traits').selectAll().where('id', '=', id).where('account_id', '=', accountId).where('kind', 'in', kinds).executeTakeFirst();

export const findTraitByKey = (db: Db, accountId: string, kind: TraitKind, key: string): Promise<AccountTraitRow | undefined> =>
  db.selectFrom('account_traits').selectAll().where('account_id', '=', accountId).where('kind', '=', kind).where('item_key', '=', key).executeTakeFirst();

export async function insertTrait(db: Db, row: AccountTraitRow): Promise<void> {
  await db.insertInto('account_traits').values(row).execute();
}

export async function updateTraitRow(db: Db, id: string, patch: { note: string | null; kind: TraitKind; updated_at: string }): Promise<void> {
  await db.updateTable('account_traits').set(patch).where('id', '=', id).execute();
}

export async function deleteTrait(db: Db, id: string): Promise<void> {
  await db.deleteFrom('account_traits').where('id', '=', id).execute();
}
