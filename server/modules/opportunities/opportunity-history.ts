import type { TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '@server/db/database';
import { keysetPage, type SortPlan } from '@server/lib/list';
import { auditRowVisible, authorize, type Actor } from '@server/policies';
import { changesOf, presentEntry } from '@server/modules/accounts/timeline.presenter';
import type { EntryRow } from '@server/modules/accounts/timeline.repo';
import { visibleAccountNames } from '@server/modules/accounts/timeline.repo';
import { requireVisibleOpportunity } from './opportunities.service';

const historySort: SortPlan = { key: 'opportunity_history', columns: ['audit_log.at', 'audit_log.id'], direction: 'desc' };

/**
 * The opportunity's history, newest first: its own entries (fields, moves, people, tags) and those
 * of the activities and documents linked to it, without private activities the actor may not see.
 */
async function historyPage(db: Db, actor: Actor, id: string, page: { limit: number; cursor?: string | undefined }) {
  const base = db.selectFrom('audit_log')
    .where(sql<SqlBool>`((audit_log.entity = 'opportunity' and audit_log.entity_id = ${id})
      or (audit_log.entity = 'activity' and audit_log.entity_id in (select a.id from activities a where a.opportunity_id = ${id}))
      or (audit_log.entity = 'document' and audit_log.entity_id in (select d.id from documents d where d.opportunity_id = ${id})))`)
    .where(auditRowVisible(actor));
  const rows = base.leftJoin('users', 'users.id', 'audit_log.actor_id').select([
    'audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'users.name as actor_name', 'audit_log.entity', 'audit_log.entity_id',
    'audit_log.account_id', 'audit_log.action', 'audit_log.changes', 'audit_log.batch_id',
  ]);
  return keysetPage(db, base, rows, historySort, page, (row) => [row.at, row.id]);
}

/** People are named as the reader may see them: an entry about someone outside their portfolio is left out. */
function presentPeople(entry: TimelineEntry, names: Map<string, string>): TimelineEntry | null {
  const person = entry.changes.find((change) => change.field === 'personId');
  if (!person) return entry;
  const id = typeof person.after === 'string' ? person.after : person.before;
  const name = typeof id === 'string' ? names.get(id) : undefined;
  if (name === undefined) return null;
  const named = { field: 'person', before: person.before === null ? null : name, after: person.after === null ? null : name };
  return { ...entry, changes: entry.changes.map((change) => (change === person ? named : change)) };
}

/** GET /opportunities/:id/history. */
export async function opportunityHistory(db: Db, actor: Actor, id: string, page: { limit: number; cursor?: string | undefined }): Promise<ListResponse<TimelineEntry>> {
  authorize(actor, { domain: 'opportunity', action: 'read' });
  const opportunity = await requireVisibleOpportunity(db, actor, id);
  const result = await historyPage(db, actor, id, page);
  const rows: EntryRow[] = result.rows;
  const personIds = rows.flatMap((row) => changesOf(row).filter((change) => change.field === 'personId').flatMap((change) => [change.before, change.after]))
    .filter((value): value is string => typeof value === 'string');
  const names = await visibleAccountNames(db, actor, personIds);
  const items = rows.flatMap((row) => presentPeople(presentEntry(opportunity.organization_id, row, new Map(), null), names) ?? []);
  return { items, nextCursor: result.nextCursor, total: result.total, totalIsEstimate: result.totalIsEstimate };
}
