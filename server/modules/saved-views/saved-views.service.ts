import type { ListResponse } from '@contract/common';
import {
  savedViewCreateSchema, savedViewUpdateSchema, type AccountViewQuery, type SavedView, type SavedViewCreate, type SavedViewUpdate,
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

const list = 'accounts';

/** Stored as a flat map of query-string values: exactly what the list page puts in its URL. */
function queryToJson(query: AccountViewQuery): string {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') flat[key] = String(value);
  }
  return JSON.stringify(flat);
}

const present = (row: ViewWithOwner, actor: Actor): SavedView => {
  const ref = { ownerId: row.owner_id, shared: row.shared };
  return {
    id: row.id,
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

export async function listViews(db: Db, actor: Actor, query: { limit: number; cursor?: string | undefined }): Promise<ListResponse<SavedView>> {
  const page = await listViewRows(db, actor.id, list, query);
  return { items: page.rows.map((row) => present(row, actor)), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}

async function requireView(db: Db, actor: Actor, id: string): Promise<ViewWithOwner> {
  const row = await findVisibleView(db, actor.id, id);
  // Someone else's private view does not exist for the actor.
  if (!row) throw new AppError('not_found');
  return row;
}

/** Saves the accounts list's current filters, sort and columns under a name. */
export async function createView(db: Db, actor: Actor, input: SavedViewCreate): Promise<SavedView> {
  authorize(actor, { domain: 'savedView', action: 'create' });
  const data = savedViewCreateSchema.parse(input);
  const now = nowIso();
  const row: SavedViewRow = {
    id: newId(), owner_id: actor.id, list, name: data.name, name_norm: normalizeText(data.name), shared: data.shared,
    query: queryToJson(data.query), columns: JSON.stringify(data.columns), created_at: now, updated_at: now, version: 1,
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
    const after: ViewWithOwner = {
      ...before,
      name: data.name ?? before.name,
      name_norm: normalizeText(data.name ?? before.name),
      shared: data.shared ?? before.shared,
      query: data.query ? queryToJson(data.query) : before.query,
      columns: data.columns ? JSON.stringify(data.columns) : before.columns,
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
