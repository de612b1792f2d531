import type { TimelineEntry, TimelineItem, TimelineQuery } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Db } from '@server/db/database';
import { authorize, type Actor } from '@server/policies';
import { userNames } from '@server/modules/users/users.repo';
import { requireVisibleAccount } from './accounts.service';
import { historyAccountIds } from './merges.repo';
import { accountIdsIn, batchKindOf, changesOf, presentBatch, presentEntry } from './timeline.presenter';
import {
  batchActionCounts, batchEntriesPage, entriesByIds, historyItemsPage, linkedAccounts, visibleAccountNames, type EntryRow, type HistoryScope,
} from './timeline.repo';

/** Entries as the reader may see them: account ids in values named or left out, links with their other side. */
async function presentEntries(db: Db, actor: Actor, accountId: string, rows: EntryRow[]): Promise<Map<string, TimelineEntry>> {
  const names = await visibleAccountNames(db, actor, rows.flatMap((row) => accountIdsIn(row.entity, changesOf(row))));
  const related = new Map((await linkedAccounts(db, actor, rows.map((row) => row.id))).map((link) => [link.entry_id, { id: link.id, name: link.name, kind: link.kind }]));
  return new Map(rows.map((row) => [row.id, presentEntry(accountId, row, names, related.get(row.id) ?? null)]));
}

/**
 * An account's history, newest first, through the actor's portfolio: what one import, bulk action
 * or merge wrote is one expandable item (`batch=` lists its entries), optionally narrowed to kinds
 * of entries. The accounts merged into this one bring their history with them.
 */
export async function listHistory(db: Db, actor: Actor, accountId: string, query: TimelineQuery): Promise<ListResponse<TimelineItem>> {
  authorize(actor, { domain: 'account', action: 'read' });
  await requireVisibleAccount(db, actor, accountId);
  const scope: HistoryScope = { actor, accountId, accountIds: await historyAccountIds(db, accountId), kinds: query.kinds ?? [] };
  const pageQuery = { limit: query.limit, cursor: query.cursor };
  if (query.batch) {
    const page = await batchEntriesPage(db, scope, query.batch, pageQuery);
    const entries = await presentEntries(db, actor, accountId, page.rows);
    const items = page.rows.flatMap((row) => entries.get(row.id) ?? []);
    return { items, nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
  }
  const page = await historyItemsPage(db, scope, pageQuery);
  // A batch that wrote one entry here reads best as that entry (which still says what wrote it).
  const grouped = page.rows.filter((row) => row.grouped === 1 && row.n > 1);
  const [entryRows, counts, authors] = await Promise.all([
    entriesByIds(db, page.rows.filter((row) => row.grouped === 0 || row.n === 1).map((row) => row.first_id)),
    batchActionCounts(db, scope, grouped.map((row) => row.key)),
    userNames(db, grouped.flatMap((row) => (row.actor_id ? [row.actor_id] : []))),
  ]);
  const entries = await presentEntries(db, actor, accountId, entryRows);
  const items = page.rows.flatMap((row): TimelineItem[] => {
    const kind = batchKindOf(row.key);
    if (row.grouped === 0 || row.n === 1 || !kind) {
      const entry = entries.get(row.first_id);
      return entry ? [entry] : [];
    }
    const actions = counts.filter((count) => count.batch_id === row.key).map((count) => ({ action: count.action, count: count.n }));
    return [presentBatch(row, kind, row.actor_id ? authors.get(row.actor_id) : undefined, actions)];
  });
  return { items, nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}
