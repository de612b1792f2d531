import type { AccountRelationshipRow, Db } from '@server/db/database';
import { accountScope, type Actor } from '@server/policies';

export type RelationshipView = {
  id: string;
  reason: string;
  note: string | null;
  created_at: string;
  other_id: string;
  other_name: string;
  other_kind: 'organization' | 'person';
  other_name_norm: string;
};

/**
 * The relationships of an account from either side, each with the other account, and only
 * where the actor may see that other account (its name must not leak through the link).
 */
export async function relationshipsOf(db: Db, actor: Actor, accountId: string): Promise<RelationshipView[]> {
  const side = (mine: 'account_id' | 'related_id', theirs: 'account_id' | 'related_id') =>
    db
      .selectFrom('account_relationships as r')
      .innerJoin('accounts as other', 'other.id', `r.${theirs}`)
      .select(['r.id', 'r.reason', 'r.note', 'r.created_at', 'other.id as other_id', 'other.name as other_name', 'other.kind as other_kind', 'other.name_norm as other_name_norm'])
      .where(`r.${mine}`, '=', accountId)
      .where(accountScope(actor, 'other'))
      .execute();
  const rows = [...(await side('account_id', 'related_id')), ...(await side('related_id', 'account_id'))];
  return rows.sort((a, b) => (a.other_name_norm < b.other_name_norm ? -1 : a.other_name_norm > b.other_name_norm ? 1 : a.id < b.id ? -1 : 1));
}

/** The same pair and reason stored either way round. */
export const findPair = (db: Db, a: string, b: string, reason: string): Promise<AccountRelationshipRow | undefined> =>
  db
    .selectFrom('account_relationships')
    .selectAll()
    .where('reason', '=', reason)
    .where((eb) => eb.or([
      eb.and([eb('account_id', '=', a), eb('related_id', '=', b)]),
      eb.and([eb('account_id', '=', b), eb('related_id', '=', a)]),
    ]))
    .executeTakeFirst();

export const findRelationshipOf = (db: Db, accountId: string, id: string): Promise<AccountRelationshipRow | undefined> =>
  db
    .selectFrom('account_relationships')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('account_id', '=', accountId), eb('related_id', '=', accountId)]))
    .executeTakeFirst();

export async function insertRelationship(db: Db, row: AccountRelationshipRow): Promise<void> {
  await db.insertInto('account_relationships').values(row).execute();
}

export async function deleteRelationship(db: Db, id: string): Promise<void> {
  await db.deleteFrom('account_relationships').where('id', '=', id).execute();
}
