import { sql, type RawBuilder } from 'kysely';
import type { Db } from '@server/db/database';

/** Merge records live beside the app's tables (see the account-merges migration). */
type MergeTables = {
  account_merges: {
    id: string; survivor_id: string; fields_before: string; fields_after: string;
    created_at: string; created_by: string | null; undone_at: string | null; undone_by: string | null;
  };
  account_merge_losers: { merge_id: string; loser_id: string };
  account_merge_moves: { merge_id: string; loser_id: string; kind: string; row_id: string };
};
const merges = (db: Db) => db.withTables<MergeTables>();

export type MergeRow = MergeTables['account_merges'];

/** A row a merge moves from a loser to the survivor: which table, which column points at the account. */
export const movedRowKinds = {
  contact_person: { table: 'contacts', column: 'person_id' },
  contact_organization: { table: 'contacts', column: 'organization_id' },
  relationship_account: { table: 'account_relationships', column: 'account_id' },
  relationship_related: { table: 'account_relationships', column: 'related_id' },
  activity: { table: 'activities', column: 'account_id' },
  request: { table: 'requests', column: 'account_id' },
  document: { table: 'documents', column: 'account_id' },
  trait: { table: 'account_traits', column: 'account_id' },
  child: { table: 'accounts', column: 'parent_id' },
} as const;
export type MovedRowKind = keyof typeof movedRowKinds;
/** What the survivor gains without anything moving: a tag or an owner a loser had. */
export type AddedKind = 'tag' | 'owner';

/**
 * The rows of a loser that move to the survivor. A link the survivor already has stays with the
 * loser (a person cannot be a contact of one company twice), and so does a link between two
 * accounts of the merge (it would join the survivor to itself).
 */
function movable(kind: MovedRowKind, loserId: string, survivorId: string, group: string[]): RawBuilder<{ id: string }> {
  const inGroup = sql.join(group);
  switch (kind) {
    case 'contact_person':
      return sql`select c.id from contacts c where c.person_id = ${loserId}
        and not exists (select 1 from contacts s where s.person_id = ${survivorId} and s.organization_id = c.organization_id)`;
    case 'contact_organization':
      return sql`select c.id from contacts c where c.organization_id = ${loserId}
        and not exists (select 1 from contacts s where s.organization_id = ${survivorId} and s.person_id = c.person_id)`;
    case 'relationship_account':
      return sql`select r.id from account_relationships r where r.account_id = ${loserId} and r.related_id not in (${inGroup})
        and not exists (select 1 from account_relationships s where s.reason = r.reason
          and ((s.account_id = ${survivorId} and s.related_id = r.related_id) or (s.related_id = ${survivorId} and s.account_id = r.related_id)))`;
    case 'relationship_related':
      return sql`select r.id from account_relationships r where r.related_id = ${loserId} and r.account_id not in (${inGroup})
        and not exists (select 1 from account_relationships s where s.reason = r.reason
          and ((s.account_id = ${survivorId} and s.related_id = r.account_id) or (s.related_id = ${survivorId} and s.account_id = r.account_id)))`;
    case 'activity':
      return sql`select a.id from activities a where a.account_id = ${loserId}`;
    case 'request':
      return sql`select r.id from requests r where r.account_id = ${loserId}`;
    case 'document':
      // A logo stays with its account: the survivor keeps its own.
      return sql`select d.id from documents d where d.account_id = ${loserId} and d.purpose = 'document'`;
    case 'trait':
      return sql`select t.id from account_traits t where t.account_id = ${loserId}
        and not exists (select 1 from account_traits s where s.account_id = ${survivorId} and s.kind = t.kind and s.item_key = t.item_key)`;
    case 'child':
      return sql`select a.id from accounts a where a.parent_id = ${loserId} and a.id not in (${inGroup})`;
  }
}

const movedIds = (mergeId: string, kind: string, loserId?: string) =>
  sql`select mv.row_id from account_merge_moves mv where mv.merge_id = ${mergeId} and mv.kind = ${kind}${loserId ? sql` and mv.loser_id = ${loserId}` : sql``}`;

export async function insertMerge(db: Db, row: MergeRow, loserIds: string[]): Promise<void> {
  await merges(db).insertInto('account_merges').values(row).execute();
  await merges(db).insertInto('account_merge_losers').values(loserIds.map((loser_id) => ({ merge_id: row.id, loser_id }))).execute();
}

/** Records which rows of this kind move from the loser, then points them at the survivor; returns their ids. */
export async function moveRows(db: Db, mergeId: string, kind: MovedRowKind, loserId: string, survivorId: string, group: string[]): Promise<string[]> {
  await sql`insert into account_merge_moves (merge_id, loser_id, kind, row_id)
    select ${mergeId}, ${loserId}, ${kind}, moving.id from (${movable(kind, loserId, survivorId, group)}) moving`.execute(db);
  const { table, column } = movedRowKinds[kind];
  const ids = (await sql<{ row_id: string }>`${movedIds(mergeId, kind, loserId)}`.execute(db)).rows.map((row) => row.row_id);
  if (ids.length > 0) {
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${survivorId} where id in (${movedIds(mergeId, kind, loserId)})`.execute(db);
  }
  return ids;
}

/** Puts rows of this kind back on the losers they came from, where they still point at the survivor; returns their ids. */
export async function moveRowsBack(db: Db, mergeId: string, kind: MovedRowKind, survivorId: string): Promise<Array<{ id: string; loserId: string }>> {
  const { table, column } = movedRowKinds[kind];
  const rows = await sql<{ id: string; loser_id: string }>`select t.id, mv.loser_id from ${sql.table(table)} t
    join account_merge_moves mv on mv.merge_id = ${mergeId} and mv.kind = ${kind} and mv.row_id = t.id
    where ${sql.ref(`t.${column}`)} = ${survivorId}`.execute(db);
  if (rows.rows.length > 0) {
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = (select mv.loser_id from account_merge_moves mv
        where mv.merge_id = ${mergeId} and mv.kind = ${kind} and mv.row_id = ${sql.ref(`${table}.id`)})
      where ${sql.ref(column)} = ${survivorId} and id in (${movedIds(mergeId, kind)})`.execute(db);
  }
  return rows.rows.map((row) => ({ id: row.id, loserId: row.loser_id }));
}

/**
 * Records the tags a loser has that the survivor lacks (and no earlier loser of this merge gave
 * it), and tags the survivor with them; returns their ids.
 */
export async function addLoserTags(db: Db, mergeId: string, loserId: string, survivorId: string, actorId: string, at: string): Promise<string[]> {
  await sql`insert into account_merge_moves (merge_id, loser_id, kind, row_id)
    select ${mergeId}, ${loserId}, 'tag', t.tag_id from account_tags t where t.account_id = ${loserId}
      and not exists (select 1 from account_tags s where s.account_id = ${survivorId} and s.tag_id = t.tag_id)`.execute(db);
  await sql`insert into account_tags (tag_id, account_id, created_at, created_by)
    select mv.row_id, ${survivorId}, ${at}, ${actorId} from account_merge_moves mv where mv.merge_id = ${mergeId} and mv.kind = 'tag' and mv.loser_id = ${loserId}`.execute(db);
  return (await sql<{ row_id: string }>`${movedIds(mergeId, 'tag', loserId)}`.execute(db)).rows.map((row) => row.row_id);
}

/** Records the owners a loser has that the survivor lacks (the caller adds them with its search terms). */
export async function recordLoserOwners(db: Db, mergeId: string, loserId: string, survivorId: string): Promise<string[]> {
  await sql`insert into account_merge_moves (merge_id, loser_id, kind, row_id)
    select ${mergeId}, ${loserId}, 'owner', o.user_id from account_owners o where o.account_id = ${loserId}
      and not exists (select 1 from account_owners s where s.account_id = ${survivorId} and s.user_id = o.user_id)
      and not exists (select 1 from account_merge_moves mv where mv.merge_id = ${mergeId} and mv.kind = 'owner' and mv.row_id = o.user_id)`.execute(db);
  return (await sql<{ row_id: string }>`${movedIds(mergeId, 'owner', loserId)}`.execute(db)).rows.map((row) => row.row_id);
}

/** The tag or owner ids the merge gave the survivor. */
export const addedByMerge = async (db: Db, mergeId: string, kind: AddedKind): Promise<string[]> =>
  (await sql<{ row_id: string }>`${movedIds(mergeId, kind)}`.execute(db)).rows.map((row) => row.row_id);

/** Takes off the survivor the tags the merge put on it (those still there). */
export async function removeAddedTags(db: Db, mergeId: string, survivorId: string): Promise<void> {
  await sql`delete from account_tags where account_id = ${survivorId} and tag_id in (${movedIds(mergeId, 'tag')})`.execute(db);
}

/** A new version of accounts a merge changed on the side (departments that changed parent). */
export async function touchAccounts(db: Db, ids: string[], actorId: string, at: string): Promise<void> {
  await db.updateTable('accounts').set((eb) => ({ version: eb('version', '+', 1), updated_at: at, updated_by: actorId })).where('id', 'in', ids).execute();
}

/** A merge that has not been undone. */
export const findActiveMerge = (db: Db, id: string): Promise<MergeRow | undefined> =>
  merges(db).selectFrom('account_merges').selectAll().where('id', '=', id).where('undone_at', 'is', null).executeTakeFirst();

export const losersOf = async (db: Db, mergeId: string): Promise<string[]> =>
  (await merges(db).selectFrom('account_merge_losers').select('loser_id').where('merge_id', '=', mergeId).orderBy('loser_id').execute()).map((row) => row.loser_id);

export async function markUndone(db: Db, mergeId: string, actorId: string, at: string): Promise<void> {
  await merges(db).updateTable('account_merges').set({ undone_at: at, undone_by: actorId }).where('id', '=', mergeId).execute();
}

/** The merges still in force that these accounts lost, by loser: the survivor's id and name. */
export async function activeMergesOfLosers(db: Db, loserIds: string[]): Promise<Map<string, { mergeId: string; survivorId: string; survivorName: string }>> {
  if (loserIds.length === 0) return new Map();
  const rows = await merges(db).selectFrom('account_merge_losers as ml')
    .innerJoin('account_merges as m', 'm.id', 'ml.merge_id')
    .innerJoin('accounts as survivor', 'survivor.id', 'm.survivor_id')
    .select(['ml.loser_id', 'm.id as merge_id', 'm.survivor_id', 'survivor.name as survivor_name'])
    .where('ml.loser_id', 'in', loserIds).where('m.undone_at', 'is', null)
    .execute();
  return new Map(rows.map((row) => [row.loser_id, { mergeId: row.merge_id, survivorId: row.survivor_id, survivorName: row.survivor_name }]));
}

/**
 * The accounts whose history is this account's: itself and, while their merges stand, the accounts
 * merged into it (and those merged into them, a few generations deep).
 */
export async function historyAccountIds(db: Db, accountId: string): Promise<string[]> {
  const ids = [accountId];
  let frontier = [accountId];
  for (let depth = 0; depth < 10 && frontier.length > 0; depth += 1) {
    const rows = await merges(db).selectFrom('account_merges as m').innerJoin('account_merge_losers as ml', 'ml.merge_id', 'm.id')
      .select('ml.loser_id').where('m.survivor_id', 'in', frontier).where('m.undone_at', 'is', null).execute();
    frontier = rows.map((row) => row.loser_id).filter((id) => !ids.includes(id));
    ids.push(...frontier);
  }
  return ids;
}
