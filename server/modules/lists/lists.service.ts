import { isStageList, listItemCreateSchema, listItemUpdateSchema, type ListItem, type ListItemCreate, type ListItemUpdate, type ListKey } from '@contract/lists';
import type { Db, ListItemRow } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { normalizeText } from '@server/lib/normalize';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { presentListItem } from './lists.presenter';
import { allListItems, findListItem, findListItemByKey, insertListItem, listItems, nextPosition, setListItemPosition, stageInUse, updateListItemRow } from './lists.repo';

/** A probability or outcome sent for a list whose items have none is refused, not dropped. */
function checkStageAttributes(listKey: ListKey, data: { probability?: number | undefined; outcome?: string | undefined }): void {
  if (isStageList(listKey)) return;
  for (const field of ['probability', 'outcome'] as const) {
    if (data[field] !== undefined) throw new AppError('validation_failed', { fields: [{ field, code: 'not_for_list' }] });
  }
}

const keyFromLabel = (label: string): string =>
  normalizeText(label).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'item';

/** Every list with its items in order, by list key: every signed-in user reads them (forms offer their items). */
export async function findAllLists(db: Db): Promise<Record<string, ListItem[]>> {
  const lists: Record<string, ListItem[]> = {};
  for (const row of await allListItems(db)) (lists[row.list_key] ??= []).push(presentListItem(row));
  return lists;
}

/** One list's items in order, the deactivated ones too when asked. */
export async function findListItems(db: Db, listKey: ListKey, includeInactive: boolean): Promise<ListItem[]> {
  return (await listItems(db, listKey, includeInactive)).map(presentListItem);
}

/** Adds an item at the end of a list (admins). The key is made from the Spanish label unless given. */
export async function createListItem(db: Db, actor: Actor, listKey: ListKey, input: ListItemCreate): Promise<ListItem> {
  authorize(actor, { domain: 'list', action: 'manage' });
  const data = listItemCreateSchema.parse(input);
  checkStageAttributes(listKey, data);
  let key = data.key ?? keyFromLabel(data.labels.es);
  if (data.key && (await findListItemByKey(db, listKey, key))) {
    throw new AppError('validation_failed', { fields: [{ field: 'key', code: 'taken' }] });
  }
  for (let n = 2; !data.key && (await findListItemByKey(db, listKey, key)); n += 1) key = `${keyFromLabel(data.labels.es)}_${n}`;
  const now = nowIso();
  const row: ListItemRow = {
    id: newId(), list_key: listKey, key, label_es: data.labels.es, label_en: data.labels.en, color: data.color ?? null,
    position: await nextPosition(db, listKey), active: true, system: false, created_at: now, updated_at: now, version: 1,
    probability: isStageList(listKey) ? (data.probability ?? 0) : null,
    outcome: isStageList(listKey) ? (data.outcome ?? 'open') : null,
  };
  await db.transaction().execute(async (trx) => {
    await insertListItem(trx, row);
    await writeAudit(trx, { actorId: actor.id, entity: 'list_item', entityId: row.id, accountId: null, action: 'created', changes: [{ field: 'key', before: null, after: `${listKey}.${key}` }] });
  });
  return presentListItem(row);
}

/** Renames, recolours, deactivates or reactivates an item (admins); built-in items stay active. */
export async function updateListItem(db: Db, actor: Actor, listKey: ListKey, id: string, input: ListItemUpdate): Promise<ListItem> {
  authorize(actor, { domain: 'list', action: 'manage' });
  const data = listItemUpdateSchema.parse(input);
  checkStageAttributes(listKey, data);
  return db.transaction().execute(async (trx) => {
    const before = await findListItem(trx, listKey, id);
    if (!before) throw new AppError('not_found');
    if (before.version !== data.version) throw new AppError('stale_version');
    if (before.system && data.active === false) throw new AppError('validation_failed', { fields: [{ field: 'active', code: 'system_item' }] });
    if (data.outcome !== undefined && data.outcome !== before.outcome) {
      // A stage's outcome is the status of the deals in it: the built-in won and lost keep theirs, and a stage in use keeps its own.
      if (before.system) throw new AppError('validation_failed', { fields: [{ field: 'outcome', code: 'system_item' }] });
      if (await stageInUse(trx, before.key)) throw new AppError('validation_failed', { fields: [{ field: 'outcome', code: 'stage_in_use' }] });
    }
    const after: ListItemRow = {
      ...before,
      label_es: data.labels?.es ?? before.label_es,
      label_en: data.labels?.en ?? before.label_en,
      color: data.color === undefined ? before.color : data.color,
      active: data.active ?? before.active,
      probability: data.probability ?? before.probability,
      outcome: data.outcome ?? before.outcome,
      updated_at: nowIso(),
      version: before.version + 1,
    };
    const { label_es, label_en, color, active, probability, outcome, updated_at } = after;
    if (!(await updateListItemRow(trx, id, before.version, { label_es, label_en, color, active, probability, outcome, updated_at }))) throw new AppError('stale_version');
    await writeAudit(trx, {
      actorId: actor.id, entity: 'list_item', entityId: id, accountId: null, action: 'updated',
      changes: diffFields(before, after, ['label_es', 'label_en', 'color', 'active', 'probability', 'outcome']),
    });
    return presentListItem(after);
  });
}

/** Puts a list's items in the order given (admins); items not named keep their place after them. */
export async function reorderList(db: Db, actor: Actor, listKey: ListKey, ids: string[]): Promise<ListItem[]> {
  authorize(actor, { domain: 'list', action: 'manage' });
  return db.transaction().execute(async (trx) => {
    const items = await listItems(trx, listKey, true);
    const known = new Set(items.map((item) => item.id));
    const unknown = ids.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw new AppError('validation_failed', { fields: [{ field: `ids.${unknown}`, code: 'invalid_value' }] });
    const order = [...new Set(ids), ...items.map((item) => item.id).filter((id) => !ids.includes(id))];
    for (const [position, id] of order.entries()) {
      await setListItemPosition(trx, id, position);
    }
    return (await listItems(trx, listKey, true)).map(presentListItem);
  });
}

/**
 * Checks a value against a list: an active item, or the value the record already has (a
 * deactivated item stays on the records that use it). Throws a field error otherwise.
 */
export async function checkListValue(db: Db, listKey: ListKey, field: string, value: string | null | undefined, current: string | null = null): Promise<void> {
  if (value === null || value === undefined || value === current) return;
  const item = await findListItemByKey(db, listKey, value);
  if (!item?.active) throw new AppError('validation_failed', { fields: [{ field, code: 'unknown_list_item' }] });
}
