import type { Selectable } from 'kysely';
import type { AccountTagsTable, Db, TagRow } from '@server/db/database';
import { inChunks } from '@server/lib/chunks';
import { keysetPage, type SortPlan } from '@server/lib/list';
import { normalizeText } from '@server/lib/normalize';
import { accountScope, type Actor } from '@server/policies';

const tagSort: SortPlan = { key: 'name', columns: ['tags.name_norm', 'tags.id'], direction: 'asc' };
const top = String.fromCodePoint(0x10ffff);

/** Tags by name; `q` matches the start of the name. */
export async function listTagRows(db: Db, query: { limit: number; cursor?: string | undefined; q?: string | undefined }) {
  let base = db.selectFrom('tags');
  if (query.q) {
    const prefix = normalizeText(query.q);
    base = base.where('tags.name_norm', '>=', prefix).where('tags.name_norm', '<', prefix + top);
  }
  return keysetPage(db, base, base.selectAll('tags'), tagSort, query, (row) => [row.name_norm, row.id]);
}

export const findTag = (db: Db, id: string): Promise<TagRow | undefined> =>
  db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();

export const findTagByName = (db: Db, nameNorm: string): Promise<TagRow | undefined> =>
  db.selectFrom('tags').selectAll().where('name_norm', '=', nameNorm).executeTakeFirst();

export async function insertTag(db: Db, row: TagRow): Promise<void> {
  await db.insertInto('tags').values(row).execute();
}

export async function updateTagRow(db: Db, id: string, version: number, patch: Partial<Pick<TagRow, 'name' | 'name_norm' | 'color' | 'updated_at'>>): Promise<boolean> {
  const result = await db.updateTable('tags').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteTagRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('account_tags').where('tag_id', '=', id).execute();
  await db.deleteFrom('tags').where('id', '=', id).execute();
}

export const tagsOfAccount = (db: Db, accountId: string): Promise<Array<Pick<TagRow, 'id' | 'name' | 'color'>>> =>
  db
    .selectFrom('account_tags')
    .innerJoin('tags', 'tags.id', 'account_tags.tag_id')
    .select(['tags.id', 'tags.name', 'tags.color'])
    .where('account_tags.account_id', '=', accountId)
    .orderBy('tags.name_norm')
    .execute();

export const hasTag = async (db: Db, accountId: string, tagId: string): Promise<boolean> =>
  (await db.selectFrom('account_tags').select('tag_id').where('account_id', '=', accountId).where('tag_id', '=', tagId).executeTakeFirst()) !== undefined;

/**
 * Tags one account unless it already has the tag, and says whether this call added it: tagging
 * is idempotent, so two requests racing to add the same tag both succeed and one link results.
 */
export async function insertAccountTag(db: Db, accountId: string, tagId: string, actorId: string, at: string): Promise<boolean> {
  const added = await db
    .insertInto('account_tags')
    .values({ account_id: accountId, tag_id: tagId, created_at: at, created_by: actorId })
    .onConflict((oc) => oc.columns(['tag_id', 'account_id']).doNothing())
    .returning('tag_id')
    .execute();
  return added.length > 0;
}

/** Takes a tag off an account; false when it was not there (another request took it first). */
export async function deleteAccountTag(db: Db, accountId: string, tagId: string): Promise<boolean> {
  const result = await db.deleteFrom('account_tags').where('account_id', '=', accountId).where('tag_id', '=', tagId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export type AccountTagLink = Selectable<AccountTagsTable>;

export const findTagsByIds = async (db: Db, ids: string[]): Promise<TagRow[]> =>
  ids.length === 0 ? [] : db.selectFrom('tags').selectAll().where('id', 'in', ids).execute();

export const findTagsByNames = async (db: Db, namesNorm: string[]): Promise<TagRow[]> =>
  namesNorm.length === 0 ? [] : db.selectFrom('tags').selectAll().where('name_norm', 'in', namesNorm).execute();

/** Inserts tags whose name is free; a name another writer took meanwhile is left to them. Returns those inserted. */
export async function insertTagsIfAbsent(db: Db, rows: TagRow[]): Promise<TagRow[]> {
  if (rows.length === 0) return [];
  const inserted = new Set((await db.insertInto('tags').values(rows).onConflict((oc) => oc.column('name_norm').doNothing()).returning('id').execute()).map((row) => row.id));
  return rows.filter((row) => inserted.has(row.id));
}

/** Which of these tags these accounts have, with the tag's name (for history entries). */
export async function tagLinksOf(db: Db, accountIds: string[], tagIds: string[]): Promise<Array<{ account_id: string; tag_id: string; name: string }>> {
  if (accountIds.length === 0 || tagIds.length === 0) return [];
  const found: Array<{ account_id: string; tag_id: string; name: string }> = [];
  await inChunks(accountIds.map((id) => ({ id })), async (chunk) => {
    found.push(...(await db
      .selectFrom('account_tags')
      .innerJoin('tags', 'tags.id', 'account_tags.tag_id')
      .select(['account_tags.account_id', 'account_tags.tag_id', 'tags.name'])
      .where('account_tags.account_id', 'in', chunk.map((item) => item.id))
      .where('account_tags.tag_id', 'in', tagIds)
      .execute()));
  });
  return found;
}

/**
 * Tags many accounts in multi-row statements. A link that exists already (another writer got there
 * first) is left alone; the links actually added come back, so callers record exactly those.
 */
export async function insertAccountTags(db: Db, links: AccountTagLink[]): Promise<Array<{ account_id: string; tag_id: string }>> {
  const added: Array<{ account_id: string; tag_id: string }> = [];
  await inChunks(links, async (chunk) => {
    added.push(...(await db
      .insertInto('account_tags')
      .values(chunk)
      .onConflict((oc) => oc.columns(['tag_id', 'account_id']).doNothing())
      .returning(['account_id', 'tag_id'])
      .execute()));
  });
  return added;
}

/** Takes one tag off many accounts. */
export async function deleteTagFromAccounts(db: Db, tagId: string, accountIds: string[]): Promise<void> {
  await inChunks(accountIds.map((id) => ({ id })), (chunk) =>
    db.deleteFrom('account_tags').where('tag_id', '=', tagId).where('account_id', 'in', chunk.map((item) => item.id)).execute());
}

/** The organizations each person belongs to, by name, only those the actor may see. */
export async function organizationsOf(db: Db, actor: Actor, personIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (personIds.length === 0) return result;
  const rows = await db
    .selectFrom('contacts')
    .innerJoin('accounts as org', 'org.id', 'contacts.organization_id')
    .select(['contacts.person_id', 'org.name'])
    .where('contacts.person_id', 'in', personIds)
    .where(accountScope(actor, 'org'))
    .orderBy('org.name_norm')
    .execute();
  for (const row of rows) result.set(row.person_id, [...(result.get(row.person_id) ?? []), row.name]);
  return result;
}
