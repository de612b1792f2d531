import type { Db, ListItemRow } from '@server/db/database';

export async function listItems(db: Db, listKey: string, includeInactive: boolean): Promise<ListItemRow[]> {
  let query = db.selectFrom('list_items').selectAll().where('list_key', '=', listKey);
  if (!includeInactive) query = query.where('active', '=', true);
  return query.orderBy('position').orderBy('id').execute();
}

export const allListItems = (db: Db): Promise<ListItemRow[]> =>
  db.selectFrom('list_items').selectAll().orderBy('list_key').orderBy('position').orderBy('id').execute();

export const findListItem = (db: Db, listKey: string, id: string): Promise<ListItemRow | undefined> =>
  db.selectFrom('list_items').selectAll().where('list_key', '=', listKey).where('id', '=', id).executeTakeFirst();

export const findListItemByKey = (db: Db, listKey: string, key: string): Promise<ListItemRow | undefined> =>
  db.selectFrom('list_items').selectAll().where('list_key', '=', listKey).where('key', '=', key).executeTakeFirst();

export async function nextPosition(db: Db, listKey: string): Promise<number> {
  const row = await db
    .selectFrom('list_items')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('list_key', '=', listKey)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}
