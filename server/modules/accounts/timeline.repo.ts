import type { TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { Db } from '@server/db/database';
import { parseJsonColumn } from '@server/lib/json';
import { keysetPage, type SortPlan } from '@server/lib/list';
import { accountScope, auditRowVisible, type Actor } from '@server/policies';
import { seesAllAccounts } from '@server/policies/actor';

const timelineSort: SortPlan = { key: 'timeline', columns: ['audit_log.at', 'audit_log.id'], direction: 'desc' };
const changesSchema = z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }));

/**
 * A contact or relationship entry names the account at the other end of the link, whose history holds the
 * twin entry; for an actor who cannot see that account the entry is left out, or the history
 * would reveal a record outside their portfolio.
 */
function otherSideVisible(actor: Actor) {
  return sql<SqlBool>`(audit_log.entity not in ('contact', 'account_relationship') or not exists (
    select 1 from audit_log twin join accounts other on other.id = twin.account_id
    where twin.entity = audit_log.entity and twin.entity_id = audit_log.entity_id and twin.account_id <> audit_log.account_id
      and not ${accountScope(actor, 'other')}))`;
}

type Change = z.infer<typeof changesSchema>[number];

/** Account fields whose values are account ids (the parent of a department). */
const accountIdFields = new Set(['parentId']);

const holdsAccountIds = (entity: string, change: Change): boolean => entity === 'account' && accountIdFields.has(change.field);

/** The account ids an entry's values hold. */
function accountIdsIn(entity: string, changes: Change[]): string[] {
  return changes.filter((change) => holdsAccountIds(entity, change))
    .flatMap((change) => [change.before, change.after])
    .filter((value): value is string => typeof value === 'string');
}

/** The names of those accounts the actor may see; the others are absent from the answer. */
async function visibleAccountNames(db: Db, actor: Actor, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['accounts.id', 'accounts.name']).where('accounts.id', 'in', unique).where(accountScope(actor)).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Values as the reader may see them: an account id becomes that account's name, or nothing when the
 * account is outside the reader's portfolio (no id, no name); a change left with nothing on either
 * side is dropped.
 */
function presentChanges(entity: string, changes: Change[], names: Map<string, string>) {
  return changes.flatMap((change) => {
    if (!holdsAccountIds(entity, change)) return [{ field: change.field, before: change.before ?? null, after: change.after ?? null }];
    const shown = (value: unknown) => (typeof value === 'string' ? (names.get(value) ?? null) : null);
    const before = shown(change.before);
    const after = shown(change.after);
    return before === null && after === null ? [] : [{ field: change.field, before, after }];
  });
}

/** An account's history, newest first, through the actor's portfolio in SQL. */
export async function listTimeline(
  db: Db,
  actor: Actor,
  accountId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<ListResponse<TimelineEntry>> {
  let base = db
    .selectFrom('audit_log')
    .innerJoin('accounts', 'accounts.id', 'audit_log.account_id')
    .where('audit_log.account_id', '=', accountId)
    .where(accountScope(actor))
    .where(auditRowVisible(actor));
  if (!seesAllAccounts(actor)) base = base.where(otherSideVisible(actor));
  const rows = base
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'users.name as actor_name', 'audit_log.entity', 'audit_log.entity_id', 'audit_log.action', 'audit_log.changes']);
  const page = await keysetPage(db, base, rows, timelineSort, query, (row) => [row.at, row.id]);
  const entries = page.rows.map((row) => ({ row, changes: parseJsonColumn(row.changes, changesSchema, []) }));
  const names = await visibleAccountNames(db, actor, entries.flatMap((entry) => accountIdsIn(entry.row.entity, entry.changes)));
  return {
    items: entries.map(({ row, changes }) => ({
      id: row.id,
      at: row.at,
      actor: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      changes: presentChanges(row.entity, changes, names),
    })),
    nextCursor: page.nextCursor,
    total: page.total,
    totalIsEstimate: page.totalIsEstimate,
  };
}
