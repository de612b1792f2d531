import type { TagRef } from '@contract/tags';
import type { Db, TagRow } from '@server/db/database';
import { newId } from '@server/lib/ids';
import { normalizeText } from '@server/lib/normalize';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudits, type AuditEntry } from '@server/modules/audit/audit.repo';
import {
  deleteTagFromAccounts, findTagsByNames, insertAccountTags, insertTagsIfAbsent, tagLinksOf, type AccountTagLink,
} from '@server/modules/tags/tags.repo';

/** An account a batch row created or updated, by the row's position in the batch, with the tags it gets. */
export type TagTarget = { index: number; accountId: string; created: boolean; tags: TagRef[] };

const tagRef = (row: TagRow): TagRef => ({ id: row.id, name: row.name, color: row.color });

/**
 * The tags a tags column names, by normalised name: existing tags (names ignore case and accents,
 * as tags do), and new ones created as anyone may create a tag, with their history entry. A tag
 * created stays when the import is undone: it is vocabulary, like one made by hand.
 */
export async function tagsByName(trx: Db, actor: Actor, names: string[]): Promise<Map<string, TagRef>> {
  const wanted = new Map<string, string>();
  for (const name of names) if (!wanted.has(normalizeText(name))) wanted.set(normalizeText(name), name); // the file's first spelling
  const found = new Map((await findTagsByNames(trx, [...wanted.keys()])).map((row) => [row.name_norm, tagRef(row)]));
  const missing = [...wanted].filter(([norm]) => !found.has(norm));
  if (missing.length === 0) return found;
  authorize(actor, { domain: 'tag', action: 'create' });
  const now = nowIso();
  const created = await insertTagsIfAbsent(trx, missing.map(([norm, name]) => ({
    id: newId(), name, name_norm: norm, color: null, created_at: now, created_by: actor.id, updated_at: now, version: 1,
  })));
  await writeAudits(trx, created.map((row) => ({
    actorId: actor.id, entity: 'tag', entityId: row.id, accountId: null, action: 'created', changes: [{ field: 'name', before: null, after: row.name }],
  })));
  // Those another writer created meanwhile are theirs: read them as they stored them.
  const raced = missing.filter(([norm]) => !created.some((row) => row.name_norm === norm)).map(([norm]) => norm);
  for (const row of [...created, ...(await findTagsByNames(trx, raced))]) found.set(row.name_norm, tagRef(row));
  return found;
}

const pair = (accountId: string, tagId: string): string => `${accountId} ${tagId}`;

// The same history entries tagging one account writes (tags.service), so the timeline reads alike.
const tagAudit = (actor: Actor, accountId: string, tag: { id: string; name: string }, added: boolean): AuditEntry => ({
  actorId: actor.id, entity: 'account_tag', entityId: tag.id, accountId, action: added ? 'tag_added' : 'tag_removed',
  changes: [{ field: 'tag', before: added ? null : tag.name, after: added ? tag.name : null }],
});

/**
 * Puts each row's tags (the rule's and its own) on a batch's accounts in multi-row statements, with
 * a history entry per tag added. Tags an account has already are left alone (a re-run adds nothing).
 * Returns, by row index, the tags each row added: when two rows update one account, the first row
 * holds the addition, so an undo takes off exactly what the import put on.
 */
export async function tagBatch(trx: Db, actor: Actor, targets: TagTarget[]): Promise<Map<number, string[]>> {
  const added = new Map<number, string[]>();
  const tags = new Map(targets.flatMap((target) => target.tags).map((tag) => [tag.id, tag]));
  if (tags.size === 0) return added;
  const updatedIds = [...new Set(targets.filter((target) => !target.created).map((target) => target.accountId))];
  const present = new Set((await tagLinksOf(trx, updatedIds, [...tags.keys()])).map((link) => pair(link.account_id, link.tag_id)));
  const now = nowIso();
  const links: AccountTagLink[] = [];
  const owner = new Map<string, number>(); // account + tag → the row that adds it
  for (const target of targets) {
    for (const tag of target.tags) {
      const key = pair(target.accountId, tag.id);
      if (present.has(key)) continue;
      present.add(key);
      owner.set(key, target.index);
      links.push({ account_id: target.accountId, tag_id: tag.id, created_at: now, created_by: actor.id });
    }
  }
  const audits: AuditEntry[] = [];
  for (const link of await insertAccountTags(trx, links)) {
    const index = owner.get(pair(link.account_id, link.tag_id));
    const tag = tags.get(link.tag_id);
    if (index === undefined || !tag) continue;
    added.set(index, [...(added.get(index) ?? []), tag.id]);
    audits.push(tagAudit(actor, link.account_id, tag, true));
  }
  await writeAudits(trx, audits);
  return added;
}

/**
 * Takes off updated accounts the tags the import put on them, one statement per tag, with a history
 * entry for each one still there (someone may have removed it by hand since: nothing to undo then).
 */
export async function untagBatch(trx: Db, actor: Actor, removals: Array<{ accountId: string; tagIds: string[] }>): Promise<void> {
  const wanted = new Set(removals.flatMap((removal) => removal.tagIds.map((tagId) => pair(removal.accountId, tagId))));
  if (wanted.size === 0) return;
  const links = (await tagLinksOf(
    trx,
    [...new Set(removals.map((removal) => removal.accountId))],
    [...new Set(removals.flatMap((removal) => removal.tagIds))],
  )).filter((link) => wanted.has(pair(link.account_id, link.tag_id)));
  const byTag = new Map<string, string[]>();
  for (const link of links) byTag.set(link.tag_id, [...(byTag.get(link.tag_id) ?? []), link.account_id]);
  for (const [tagId, accountIds] of byTag) await deleteTagFromAccounts(trx, tagId, accountIds);
  await writeAudits(trx, links.map((link) => tagAudit(actor, link.account_id, { id: link.tag_id, name: link.name }, false)));
}
