import { sql, type SqlBool } from 'kysely';
import type { Db, SavedViewRow } from '@server/db/database';
import { keysetPage, type SortPlan } from '@server/lib/list';

const viewSort: SortPlan = { key: 'name', columns: ['saved_views.name_norm', 'saved_views.id'], direction: 'asc' };

export type ViewWithOwner = SavedViewRow & { owner_name: string | null };

/** The views a user may pick: their own and every shared one, by name. */
export async function listViewRows(db: Db, actorId: string, list: string, query: { limit: number; cursor?: string | undefined }) {
  const base = db
    .selectFrom('saved_views')
    .where('saved_views.list', '=', list)
    .where((eb) => eb.or([eb('saved_views.owner_id', '=', actorId), eb('saved_views.shared', '=', true)]));
  const rows = base.leftJoin('users', 'users.id', 'saved_views.owner_id').selectAll('saved_views').select('users.name as owner_name');
  return keysetPage(db, base, rows, viewSort, query, (row) => [row.name_norm, row.id]);
}

/** A view the user may see (their own or shared), or undefined. */
export const findVisibleView = (db: Db, actorId: string, id: string): Promise<ViewWithOwner | undefined> =>
  db
    .selectFrom('saved_views')
    .leftJoin('users', 'users.id', 'saved_views.owner_id')
    .selectAll('saved_views')
    .select('users.name as owner_name')
    .where('saved_views.id', '=', id)
    .where(sql<SqlBool>`(saved_views.owner_id = ${actorId} or saved_views.shared = ${true})`)
    .executeTakeFirst();

export async function insertView(db: Db, row: SavedViewRow): Promise<void> {
  await db.insertInto('saved_views').values(row).execute();
}

export async function updateViewRow(db: Db, id: string, version: number, patch: Partial<Pick<SavedViewRow, 'name' | 'name_norm' | 'shared' | 'query' | 'columns' | 'updated_at'>>): Promise<boolean> {
  const result = await db.updateTable('saved_views').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteViewRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('saved_views').where('id', '=', id).execute();
}
