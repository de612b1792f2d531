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
  return {
    items: page.rows.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      changes: parseJsonColumn(row.changes, changesSchema, []).map((change) => ({ field: change.field, before: change.before ?? null, after: change.after ?? null })),
    })),
    nextCursor: page.nextCursor,
    total: page.total,
    totalIsEstimate: page.totalIsEstimate,
  };
}
