import type { TagRef } from '@contract/tags';
import type { Db } from '@server/db/database';
import { nowIso } from '@server/lib/time';
import type { Actor } from '@server/policies';
import { writeAudits, type AuditEntry } from '@server/modules/audit/audit.repo';
import { deleteTagFromAccounts, insertAccountTags, tagLinksOf, type AccountTagLink } from '@server/modules/tags/tags.repo';

/** An account a batch row created or updated, by the row's position in the batch. */
export type TagTarget = { index: number; accountId: string; created: boolean };

const pair = (accountId: string, tagId: string): string => `${accountId} ${tagId}`;

// The same history entries tagging one account writes (tags.service), so the timeline reads alike.
const tagAudit = (actor: Actor, accountId: string, tag: { id: string; name: string }, added: boolean): AuditEntry => ({
  actorId: actor.id, entity: 'account_tag', entityId: tag.id, accountId, action: added ? 'tag_added' : 'tag_removed',
  changes: [{ field: 'tag', before: added ? null : tag.name, after: added ? tag.name : null }],
});

/**
 * Puts the rule's tags on a batch's accounts in multi-row statements, with a history entry per tag
 * added. Tags an account has already are left alone (a re-run adds nothing). Returns, by row index,
 * the tags each row added: when two rows update one account, the first row holds the addition, so
 * an undo takes off exactly what the import put on.
 */
export async function tagBatch(trx: Db, actor: Actor, tags: TagRef[], targets: TagTarget[]): Promise<Map<number, string[]>> {
  const added = new Map<number, string[]>();
  if (tags.length === 0 || targets.length === 0) return added;
  const updatedIds = [...new Set(targets.filter((target) => !target.created).map((target) => target.accountId))];
  const present = new Set((await tagLinksOf(trx, updatedIds, tags.map((tag) => tag.id))).map((link) => pair(link.account_id, link.tag_id)));
  const now = nowIso();
  const links: AccountTagLink[] = [];
  const owner = new Map<string, number>(); // account + tag → the row that adds it
  for (const target of targets) {
    for (const tag of tags) {
      const key = pair(target.accountId, tag.id);
      if (present.has(key)) continue;
      present.add(key);
      owner.set(key, target.index);
      links.push({ account_id: target.accountId, tag_id: tag.id, created_at: now, created_by: actor.id });
    }
  }
  const names = new Map(tags.map((tag) => [tag.id, tag]));
  const audits: AuditEntry[] = [];
  for (const link of await insertAccountTags(trx, links)) {
    const index = owner.get(pair(link.account_id, link.tag_id));
    const tag = names.get(link.tag_id);
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
