import type { HistoryBatchKind, TimelineBatch, TimelineEntry } from '@contract/accounts';
import { historyBatchKindSchema } from '@contract/accounts';
import { z } from 'zod';
import { parseJsonColumn } from '@server/lib/json';
import type { EntryRow, ItemRow } from './timeline.repo';

const changesSchema = z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }));
type Change = z.infer<typeof changesSchema>[number];

export const changesOf = (row: EntryRow): Change[] => parseJsonColumn(row.changes, changesSchema, []);

/** Account fields whose values are account ids (the parent of a department). */
const accountIdFields = new Set(['parentId']);

const holdsAccountIds = (entity: string, change: Change): boolean => (entity === 'account' || entity === 'account_merge') && accountIdFields.has(change.field);

/** The account ids an entry's values hold. */
export function accountIdsIn(entity: string, changes: Change[]): string[] {
  return changes.filter((change) => holdsAccountIds(entity, change))
    .flatMap((change) => [change.before, change.after])
    .filter((value): value is string => typeof value === 'string');
}

/**
 * Values as the reader may see them: an account id becomes that account's name, or nothing when the
 * account is outside the reader's portfolio (no id, no name); a change left with nothing on either
 * side is dropped.
 */
function presentChanges(entity: string, changes: Change[], names: Map<string, string>): TimelineEntry['changes'] {
  return changes.flatMap((change) => {
    if (!holdsAccountIds(entity, change)) return [{ field: change.field, before: change.before ?? null, after: change.after ?? null }];
    const shown = (value: unknown) => (typeof value === 'string' ? (names.get(value) ?? null) : null);
    const before = shown(change.before);
    const after = shown(change.after);
    return before === null && after === null ? [] : [{ field: change.field, before, after }];
  });
}

/** A batch id's kind (`import:<id>` is an import's); null for a key this version does not know. */
export function batchKindOf(batchId: string): HistoryBatchKind | null {
  const parsed = historyBatchKindSchema.safeParse(batchId.slice(0, batchId.indexOf(':')));
  return parsed.success ? parsed.data : null;
}

const batchRefOf = (batchId: string | null): TimelineEntry['batch'] => {
  const kind = batchId ? batchKindOf(batchId) : null;
  return batchId && kind ? { id: batchId, kind } : null;
};

/**
 * One entry of the history of `accountId`. Rows about the account itself name it, even those an
 * account merged into it wrote about itself: the merged account's id is not the reader's to see.
 */
export function presentEntry(
  accountId: string, row: EntryRow, names: Map<string, string>, related: TimelineEntry['related'],
): TimelineEntry {
  return {
    type: 'entry',
    id: row.id,
    at: row.at,
    actor: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
    entity: row.entity,
    entityId: row.entity === 'account' ? accountId : row.entity_id,
    action: row.action,
    changes: presentChanges(row.entity, changesOf(row), names),
    related,
    batch: batchRefOf(row.batch_id),
  };
}

/** What one batch wrote on the account, as one expandable item. */
export function presentBatch(
  row: ItemRow, kind: HistoryBatchKind, actorName: string | undefined, actions: Array<{ action: string; count: number }>,
): TimelineBatch {
  return {
    type: 'batch',
    id: row.key,
    kind,
    at: row.at,
    actor: row.actor_id && actorName ? { id: row.actor_id, name: actorName } : null,
    count: row.n,
    actions,
  };
}
