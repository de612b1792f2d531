import type { ListResponse } from '@contract/common';
import {
  checkView, savedViewCreateSchema, savedViewUpdateSchema, viewListKeySchema, type SavedView, type SavedViewCreate, type SavedViewUpdate, type ViewListKey,
} from '@contract/saved-views';
import { z } from 'zod';
import type { Db, SavedViewRow } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { parseJsonColumn } from '@server/lib/json';
import { normalizeText } from '@server/lib/normalize';
import { nowIso } from '@server/lib/time';
import { authorize, can, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { deleteViewRow, findVisibleView, insertView, listViewRows, updateViewRow, type ViewWithOwner } from './saved-views.repo';

const present = (row: ViewWithOwner, actor: Actor): SavedView => {
  const ref = { ownerId: row.owner_id, shared: row.shared };
  return {
    id: row.id,
    // A view of a list this version no longer knows is shown as the accounts list's, never a 500.
    list: viewListKeySchema.catch('accounts').parse(row.list),
    name: row.name,
    shared: row.shared,
    owner: row.owner_name ? { id: row.owner_id, name: row.owner_name } : null,
    query: parseJsonColumn(row.query, z.record(z.string(), z.string()), {}),
    columns: parseJsonColumn(row.columns, z.array(z.string()), []),
    version: row.version,
    abilities: {
      update: can(actor, { domain: 'savedView', action: 'update', view: ref }),
      delete: can(actor, { domain: 'savedView', action: 'delete', view: ref }),
    },
  };
};

/** The views of one list the actor may pick: their own and every shared one, by name. */
export async function listViews(db: Db, actor: Actor, query: { list: ViewListKey; limit: number; cursor?: string | undefined }): Promise<ListResponse<SavedView>> {
  const page = await listViewRows(db, actor.id, query.list, query);
  return { items: page.rows.map((row) => present(row, actor)), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}

async function requireView(db: Db, actor: Actor, id: string): Promise<ViewWithOwner> {
  const row = await findVisibleView(db, actor.id, id);
  // Someone else's private view does not exist for the actor.
  if (!row) throw new AppError('not_found');
  return row;
}

/** Saves a list's current filters, sort and columns under a name (stored as the list's URL would hold them). */
export async function createView(db: Db, actor: Actor, input: SavedViewCreate): Promise<SavedView> {
  authorize(actor, { domain: 'savedView', action: 'create' });
  const data = savedViewCreateSchema.parse(input);
  const view = checkView(data.list, data);
  const now = nowIso();
  const row: SavedViewRow = {
    id: newId(), owner_id: actor.id, list: data.list, name: data.name, name_norm: normalizeText(data.name), shared: data.shared,
    query: JSON.stringify(view.query ?? {}), columns: JSON.stringify(view.columns ?? []), created_at: now, updated_at: now, version: 1,
  };
  await db.transaction().execute(async (trx) => {
    await insertView(trx, row);
    await writeAudit(trx, { actorId: actor.id, entity: 'saved_view', entityId: row.id, accountId: null, action: 'created', changes: [{ field: 'name', before: null, after: row.name }] });
  });
  return present({ ...row, owner_name: actor.name }, actor);
}

/** Renames, shares or unshares, or overwrites the view's filters and columns (its owner only). */
export async function updateView(db: Db, actor: Actor, id: string, input: SavedViewUpdate): Promise<SavedView> {
  const data = savedViewUpdateSchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const before = await requireView(trx, actor, id);
    authorize(actor, { domain: 'savedView', action: 'update', view: { ownerId: before.owner_id, shared: before.shared } });
    if (before.version !== data.version) throw new AppError('stale_version');
    const view = checkView(viewListKeySchema.catch('accounts').parse(before.list), data);
    const after: ViewWithOwner = {
      ...before,
      name: data.name ?? before.name,
      name_norm: normalizeText(data.name ?? before.name),
      shared: data.shared ?? before.shared,
      query: view.query ? JSON.stringify(view.query) : before.query,
      columns: view.columns ? JSON.stringify(view.columns) : before.columns,
      updated_at: nowIso(),
      version: before.version + 1,
    };
    const { name, name_norm, shared, query, columns, updated_at } = after;
    if (!(await updateViewRow(trx, id, before.version, { name, name_norm, shared, query, columns, updated_at }))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'saved_view', entityId: id, accountId: null, action: 'updated', changes: [{ field: 'name', before: before.name, after: name }] });
    return present(after, actor);
  });
}

export async function deleteView(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await requireView(trx, actor, id);
    authorize(actor, { domain: 'savedView', action: 'delete', view: { ownerId: before.owner_id, shared: before.shared } });
    await deleteViewRow(trx, id);
    await writeAudit(trx, { actorId: actor.id, entity: 'saved_view', entityId: id, accountId: null, action: 'deleted', changes: [{ field: 'name', before: before.name, after: null }] });
  });
}
