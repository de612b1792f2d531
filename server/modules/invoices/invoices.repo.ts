import { sql, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import type { InvoiceFilters } from '@contract/invoices';
import type { Db, InvoiceRow } from '@server/db/database';
import type { InvoiceLinesTable, InvoicesTable } from '@server/db/invoice-tables';
import { teamMembers } from '@server/modules/teams/teams.repo';
import { recordSearch, touchesSearchedText, writeRecordTerms } from '@server/modules/search/record-terms.repo';
import { invoiceScope, type Actor } from '@server/policies';

/** Invoices the actor may see: every read starts here, so list, sums, export, pages and signals agree. */
export const scopedInvoices = (db: Db, actor: Actor) => db.selectFrom('invoices').where(invoiceScope(actor));

export type ScopedInvoices = ReturnType<typeof scopedInvoices>;

/** What counts as invoiced: issued, paid or not (overdue is issued and past due). */
export const billedStatuses = ['issued', 'partly_paid', 'paid'] as const;

/** Issued or partly paid and past due on `today`: what reads as overdue (never stored, so never stale). */
export const overdueSql = (alias: string, today: string) =>
  sql<SqlBool>`(${sql.ref(`${alias}.status`)} in ('issued', 'partly_paid') and ${sql.ref(`${alias}.due_date`)} < ${today})`;

/**
 * Overdue as the invoices list filters it, newest first: the same invoices as overdueSql, written
 * `(status in (…)) = true` so that SQLite reads invoices_open_issue_idx (that expression, then the
 * issue date) in the page's order. On the status column it led with (status, due_date) and sorted
 * every overdue invoice for one page (migration 2026-12-14T1000). The expression must stay as the
 * index spells it.
 */
export const overdueInIssueOrder = (today: string) =>
  sql<SqlBool>`((invoices.status in ('issued', 'partly_paid')) = true and invoices.due_date < ${today})`;

/**
 * The overdue invoices of a selection by organization and currency (never summed across them): how
 * many, what is still owed, and the oldest due date. The company card and the credit signal read it.
 */
export const overdueSums = (base: ScopedInvoices, today: string) =>
  base
    .select((eb) => [
      'invoices.organization_id', 'invoices.currency', eb.fn.countAll<number>().as('invoices'),
      eb.fn.sum<number>(eb('invoices.total', '-', eb.ref('invoices.paid_amount'))).as('owed'), eb.fn.min('invoices.due_date').as('since'),
    ])
    .where(overdueSql('invoices', today))
    .groupBy(['invoices.organization_id', 'invoices.currency'])
    .orderBy('invoices.organization_id').orderBy('invoices.currency');

/**
 * The list's filters, each served by an index (see the invoices migration). `counting`: for a count,
 * which needs no order: overdue is then the status index's range (status, due_date), which SQLite
 * reads for exactly the overdue invoices, where the page's form led it to scan the table. `search`:
 * `q` as a list page planned it (plannedRecordSearch).
 */
export function filteredInvoices(
  db: Db, actor: Actor, filters: Partial<InvoiceFilters>, today: string, { counting = false, search }: { counting?: boolean; search?: RawBuilder<SqlBool> | null } = {},
): ScopedInvoices {
  let base = scopedInvoices(db, actor);
  if (filters.status === 'overdue') base = base.where(counting ? overdueSql('invoices', today) : overdueInIssueOrder(today));
  else if (filters.status === 'issued' || filters.status === 'partly_paid') {
    // Past due they read as overdue, so they are not listed as issued or partly paid.
    base = base.where('invoices.status', '=', filters.status).where('invoices.due_date', '>=', today);
  } else if (filters.status) base = base.where('invoices.status', '=', filters.status);
  if (filters.billed) base = base.where('invoices.status', 'in', billedStatuses);
  if (filters.organizationId) base = base.where('invoices.organization_id', '=', filters.organizationId);
  if (filters.ownerId || filters.teamId) {
    let held = db.selectFrom('account_owners').select('account_owners.account_id');
    if (filters.ownerId) held = held.where('account_owners.user_id', '=', filters.ownerId);
    if (filters.teamId) held = held.where('account_owners.user_id', 'in', teamMembers(db, filters.teamId));
    base = base.where('invoices.organization_id', 'in', held);
  }
  if (filters.currency) base = base.where('invoices.currency', '=', filters.currency);
  if (filters.issuedFrom) base = base.where('invoices.issue_date', '>=', filters.issuedFrom);
  if (filters.issuedTo) base = base.where('invoices.issue_date', '<=', filters.issuedTo);
  const matching = search !== undefined ? search : filters.q ? recordSearch(db, 'invoice', filters.q) : null;
  if (matching) base = base.where(matching);
  return base;
}

export type CardRow = InvoiceRow & { organization_name: string; organization_tax_id: string | null };

/** Invoices by id, in the order given, with their organization's name and tax id. */
export async function findCards(db: Db, ids: string[]): Promise<CardRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('invoices')
    .selectAll('invoices')
    .select(sql<string>`(select a.name from accounts a where a.id = invoices.organization_id)`.as('organization_name'))
    .select(sql<string | null>`(select a.tax_id from accounts a where a.id = invoices.organization_id)`.as('organization_tax_id'))
    .where('invoices.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export const findVisibleInvoice = (db: Db, actor: Actor, id: string): Promise<InvoiceRow | undefined> =>
  scopedInvoices(db, actor).selectAll('invoices').where('invoices.id', '=', id).executeTakeFirst();

export const linesOf = (db: Db, invoiceId: string) =>
  db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', invoiceId).orderBy('position').execute();

/** The invoice a public link's token (hashed) belongs to, while its organization is live. */
export const findInvoiceByTokenHash = (db: Db, tokenHash: string): Promise<InvoiceRow | undefined> =>
  db.selectFrom('invoices').selectAll().where('token_hash', '=', tokenHash).where('organization_discarded_at', 'is', null).executeTakeFirst();

/**
 * Records the first opening of an invoice's page: only while none is recorded, so of two at once
 * one writes; true for that one. Not an edit: the version stays, so nobody's form goes stale.
 */
export async function markFirstOpened(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('invoices').set({ first_opened_at: at }).where('id', '=', id).where('first_opened_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Invoices by their numbers (normalised), whoever may see them: the number is unique across Cartera. */
export const invoicesByNumber = (db: Db, numberNorms: string[]): Promise<InvoiceRow[]> =>
  numberNorms.length === 0 ? Promise.resolve([]) : db.selectFrom('invoices').selectAll().where('number_norm', 'in', numberNorms).execute();

export const invoicesByIds = (db: Db, ids: string[]): Promise<InvoiceRow[]> =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('invoices').selectAll().where('id', 'in', ids).execute();

/** Of these invoices, the ids the actor may see. */
export async function visibleInvoiceIds(db: Db, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await scopedInvoices(db, actor).select('invoices.id').where('invoices.id', 'in', ids).execute()).map((row) => row.id));
}

export async function deleteInvoices(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('invoices').where('id', 'in', ids).execute();
}

/** The number of the quote an invoice was made from (null for a draft's, which has none). */
export const quoteNumberOf = async (db: Db, quoteId: string): Promise<string | null> =>
  (await db.selectFrom('quotes').select('number').where('id', '=', quoteId).executeTakeFirst())?.number ?? null;

export async function insertInvoice(db: Db, row: Insertable<InvoicesTable>, lines: Array<Insertable<InvoiceLinesTable>>): Promise<void> {
  await db.insertInto('invoices').values(row).execute();
  if (lines.length > 0) await db.insertInto('invoice_lines').values(lines).execute();
  await writeRecordTerms(db, 'invoice', [row.id]);
}

/** Writes the patch if the version is still `version` (and moves it on); false when someone else wrote first. */
export async function updateInvoiceRow(db: Db, id: string, version: number, patch: Partial<Omit<InvoiceRow, 'organization_discarded_at' | 'id'>>): Promise<boolean> {
  const result = await db.updateTable('invoices').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  const written = Number(result.numUpdatedRows) === 1;
  if (written && touchesSearchedText('invoice', patch)) await writeRecordTerms(db, 'invoice', [id]);
  return written;
}
