import { sql, type SqlBool } from 'kysely';
import type { Db } from '@server/db/database';
import type { Actor } from '@server/policies';
import { overdueSql, overdueSums, scopedInvoices } from './invoices.repo';

/** Overdue on `today` and the owners not told yet: the partial index of the overdue-notices migration serves it, oldest due first. */
const untold = (today: string) => sql<SqlBool>`(${overdueSql('invoices', today)} and invoices.overdue_notified_at is null and invoices.organization_discarded_at is null)`;

/** The next untold ones after `after` (due date, id): a run walks them once, in order, whichever index serves it. */
export function overdueToNotify(db: Db, today: string, after: { dueDate: string; id: string } | null, limit: number) {
  let query = db.selectFrom('invoices').select(['id', 'due_date']).where(untold(today));
  if (after) query = query.where((eb) => eb.or([eb('due_date', '>', after.dueDate), eb.and([eb('due_date', '=', after.dueDate), eb('id', '>', after.id)])]));
  return query.orderBy('due_date').orderBy('id').limit(limit).execute();
}

/**
 * Stamps these invoices told, and answers those this call stamped: one still untold is stamped
 * by exactly one caller (the update re-checks the column), so no invoice is announced twice.
 */
export const markOverdueNotified = (db: Db, ids: string[], at: string) =>
  db.updateTable('invoices').set({ overdue_notified_at: at }).where('id', 'in', ids).where('overdue_notified_at', 'is', null)
    .returning(['id', 'organization_id', 'number', 'due_date', 'currency', 'total', 'paid_amount']).execute();

/** An organization's overdue invoices the actor sees, per currency: how many, what is owed, and since when. */
export const overdueByCurrency = (db: Db, actor: Actor, organizationId: string, today: string) =>
  overdueSums(scopedInvoices(db, actor).where('invoices.organization_id', '=', organizationId), today).execute();
