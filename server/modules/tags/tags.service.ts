import type { ListResponse } from '@contract/common';
import { tagCreateSchema, tagUpdateSchema, type Tag, type TagCreate, type TagListQuery, type TagUpdate } from '@contract/tags';
import type { Db, TagRow } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { normalizeText } from '@server/lib/normalize';
import { nowIso } from '@server/lib/time';
import { accountScopeOf, authorize, can, type Actor } from '@server/policies';
import { groupAccounts } from '@server/modules/accounts/account-list';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import {
  deleteAccountTag, deleteTagRow, findTag, findTagByName, findTagsByIds, insertAccountTag, insertTag, listTagRows, tagsOfAccount, updateTagRow,
} from './tags.repo';

export const presentTag = (row: TagRow, actor: Actor): Tag => ({
  id: row.id,
  name: row.name,
  color: row.color,
  version: row.version,
  abilities: { update: can(actor, { domain: 'tag', action: 'update' }), delete: can(actor, { domain: 'tag', action: 'delete' }) },
});

const nameTaken = () => new AppError('validation_failed', { fields: [{ field: 'name', code: 'taken' }] });

export async function listTags(db: Db, actor: Actor, query: TagListQuery): Promise<ListResponse<Tag>> {
  authorize(actor, { domain: 'tag', action: 'read' });
  const page = await listTagRows(db, query);
  // Each tag's count is the accounts list's total for that tag, so the number and the list it opens agree.
  const counts = query.counts ? await groupAccounts(db, accountScopeOf(actor), {}, { by: 'tagId', values: page.rows.map((row) => row.id) }) : [];
  const items = page.rows.map((row, i): Tag => {
    const group = counts[i];
    return { ...presentTag(row, actor), ...(group ? { accounts: { count: group.count, countIsEstimate: group.countIsEstimate } } : {}) };
  });
  return { items, nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}

export async function getTag(db: Db, actor: Actor, id: string): Promise<Tag> {
  authorize(actor, { domain: 'tag', action: 'read' });
  const row = await findTag(db, id);
  if (!row) throw new AppError('not_found');
  return presentTag(row, actor);
}

/** Creates a tag; names are unique ignoring case and accents ("Vip" and "VIP" are one tag). */
export async function createTag(db: Db, actor: Actor, input: TagCreate): Promise<Tag> {
  authorize(actor, { domain: 'tag', action: 'create' });
  const data = tagCreateSchema.parse(input);
  const now = nowIso();
  const row: TagRow = {
    id: newId(), name: data.name, name_norm: normalizeText(data.name), color: data.color ?? null,
    created_at: now, created_by: actor.id, updated_at: now, version: 1,
  };
  await db.transaction().execute(async (trx) => {
    if (await findTagByName(trx, row.name_norm)) throw nameTaken();
    await insertTag(trx, row);
    await writeAudit(trx, { actorId: actor.id, entity: 'tag', entityId: row.id, accountId: null, action: 'created', changes: [{ field: 'name', before: null, after: row.name }] });
  });
  return presentTag(row, actor);
}

/** Renames or recolours a tag (admins and managers), if the version sent is current. */
export async function updateTag(db: Db, actor: Actor, id: string, input: TagUpdate): Promise<Tag> {
  const data = tagUpdateSchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const before = await findTag(trx, id);
    if (!before) throw new AppError('not_found');
    authorize(actor, { domain: 'tag', action: 'update' });
    if (before.version !== data.version) throw new AppError('stale_version');
    const name = data.name ?? before.name;
    const after: TagRow = { ...before, name, name_norm: normalizeText(name), color: data.color === undefined ? before.color : data.color, updated_at: nowIso(), version: before.version + 1 };
    if (after.name_norm !== before.name_norm) {
      const clash = await findTagByName(trx, after.name_norm);
      if (clash && clash.id !== id) throw nameTaken();
    }
    if (!(await updateTagRow(trx, id, before.version, { name: after.name, name_norm: after.name_norm, color: after.color, updated_at: after.updated_at }))) {
      throw new AppError('stale_version');
    }
    await writeAudit(trx, { actorId: actor.id, entity: 'tag', entityId: id, accountId: null, action: 'updated', changes: diffFields(before, after, ['name', 'color']) });
    return presentTag(after, actor);
  });
}

/** Deletes a tag and takes it off every account (admins and managers). */
export async function deleteTag(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findTag(trx, id);
    if (!before) throw new AppError('not_found');
    authorize(actor, { domain: 'tag', action: 'delete' });
    await deleteTagRow(trx, id);
    await writeAudit(trx, { actorId: actor.id, entity: 'tag', entityId: id, accountId: null, action: 'deleted', changes: [{ field: 'name', before: before.name, after: null }] });
  });
}

export async function listAccountTags(db: Db, actor: Actor, accountId: string) {
  authorize(actor, { domain: 'account', action: 'read' });
  const account = await requireVisibleAccount(db, actor, accountId);
  return { items: await tagsOfAccount(db, account.id) };
}

/** Puts a tag on an account the actor may edit; tagging twice is the same as once. */
export async function assignTag(db: Db, actor: Actor, accountId: string, tagId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const account = await requireVisibleAccount(trx, actor, accountId);
    authorize(actor, { domain: 'account', action: 'update' });
    const tag = await findTag(trx, tagId);
    if (!tag) throw new AppError('not_found');
    if (!(await insertAccountTag(trx, account.id, tag.id, actor.id, nowIso()))) return;
    await writeAudit(trx, { actorId: actor.id, entity: 'account_tag', entityId: tag.id, accountId: account.id, action: 'tag_added', changes: [{ field: 'tag', before: null, after: tag.name }] });
  });
}

/**
 * The tags a multi-account operation (an import) is about to put on accounts: putting a tag on an
 * account is editing it, so the account rule applies as for one account; one unknown id refuses
 * the lot, before anything is written.
 */
export async function requireTagsToAssign(db: Db, actor: Actor, ids: string[], field: string): Promise<TagRow[]> {
  if (ids.length === 0) return [];
  authorize(actor, { domain: 'tag', action: 'read' });
  authorize(actor, { domain: 'account', action: 'update' });
  const found = new Map((await findTagsByIds(db, [...new Set(ids)])).map((tag) => [tag.id, tag]));
  const unknown = ids.findIndex((id) => !found.has(id));
  if (unknown >= 0) throw new AppError('validation_failed', { fields: [{ field: `${field}.${unknown}`, code: 'unknown_tag' }] });
  return [...found.values()];
}

export async function unassignTag(db: Db, actor: Actor, accountId: string, tagId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const account = await requireVisibleAccount(trx, actor, accountId);
    authorize(actor, { domain: 'account', action: 'update' });
    const tag = await findTag(trx, tagId);
    if (!tag || !(await deleteAccountTag(trx, account.id, tag.id))) throw new AppError('not_found');
    await writeAudit(trx, { actorId: actor.id, entity: 'account_tag', entityId: tag.id, accountId: account.id, action: 'tag_removed', changes: [{ field: 'tag', before: tag.name, after: null }] });
  });
}
