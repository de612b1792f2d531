import { sql, type SqlBool } from 'kysely';
import type { TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Db } from '@server/db/database';
import { keysetPage, type SortPlan } from '@server/lib/list';
import { auditRowVisible, type Actor } from '@server/policies';
import { presentEntry } from '@server/modules/accounts/timeline.presenter';

/**
 * A record's history, newest first: its own entries and those of the activities and documents
 * linked to it through `link` (opportunity_id, project_id; an agreement's renewal tasks through
 * agreement_id, which documents do not carry), without private activities the actor may not see.
 * The caller has checked that the actor sees the record.
 */
export function linkedHistoryPage(
  db: Db, actor: Actor, record: { entity: string; id: string; link: 'opportunity_id' | 'project_id' | 'agreement_id' }, page: { limit: number; cursor?: string | undefined },
) {
  const { entity, id } = record;
  const historySort: SortPlan = { key: `${entity}_history`, columns: ['audit_log.at', 'audit_log.id'], direction: 'desc' };
  const link = sql.ref(record.link);
  const documents = record.link === 'agreement_id'
    ? sql<SqlBool>`1 = 0`
    : sql<SqlBool>`(audit_log.entity = 'document' and audit_log.entity_id in (select d.id from documents d where d.${link} = ${id}))`;
  const base = db.selectFrom('audit_log')
    .where(sql<SqlBool>`((audit_log.entity = ${entity} and audit_log.entity_id = ${id})
      or (audit_log.entity = 'activity' and audit_log.entity_id in (select a.id from activities a where a.${link} = ${id}))
      or ${documents})`)
    .where(auditRowVisible(actor));
  const rows = base.leftJoin('users', 'users.id', 'audit_log.actor_id').select([
    'audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'users.name as actor_name', 'audit_log.entity', 'audit_log.entity_id',
    'audit_log.account_id', 'audit_log.action', 'audit_log.changes', 'audit_log.batch_id',
  ]);
  return keysetPage(db, base, rows, historySort, page, (row) => [row.at, row.id]);
}

/** The same page as timeline entries of the organization the record belongs to (a project's, an agreement's history). */
export async function linkedHistory(
  db: Db, actor: Actor, record: Parameters<typeof linkedHistoryPage>[2], organizationId: string, page: { limit: number; cursor?: string | undefined },
): Promise<ListResponse<TimelineEntry>> {
  const result = await linkedHistoryPage(db, actor, record, page);
  const items = result.rows.map((row) => presentEntry(organizationId, row, new Map(), null));
  return { items, nextCursor: result.nextCursor, total: result.total, totalIsEstimate: result.totalIsEstimate };
}
