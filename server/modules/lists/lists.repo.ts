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

export async function insertListItem(db: Db, row: ListItemRow): Promise<void> {
  await db.insertInto('list_items').values(row).execute();
}

export async function setListItemPosition(db: Db, id: string, position: number): Promise<void> {
  await db.updateTable('list_items').set({ position }).where('id', '=', id).execute();
}

/** Writes an item's labels, colour and state, only if the version is still the one read. */
export async function updateListItemRow(db: Db, id: string, version: number, patch: Pick<ListItemRow, 'label_es' | 'label_en' | 'color' | 'active' | 'probability' | 'outcome' | 'updated_at'>): Promise<boolean> {
  const result = await db.updateTable('list_items').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function nextPosition(db: Db, listKey: string): Promise<number> {
  const row = await db
    .selectFrom('list_items')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('list_key', '=', listKey)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/** Whether any opportunity sits in this stage (its outcome then stays as it is: it is their status). */
export async function stageInUse(db: Db, stage: string): Promise<boolean> {
  return (await db.selectFrom('opportunities').select('id').where('stage', '=', stage).limit(1).executeTakeFirst()) !== undefined;
}
