import {
  invoiceCreateSchema, invoicePaymentSchema, invoiceUpdateSchema,
  type Invoice, type InvoiceCard, type InvoiceCreate, type InvoiceListQuery, type InvoicePayment, type InvoiceUpdate,
} from '@contract/invoices';
import type { ListResponse } from '@contract/common';
import type { Db, InvoiceRow } from '@server/db/database';
import { isUniqueViolation } from '@server/db/errors';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { keysetPage, sortTable } from '@server/lib/list';
import { normalizeText } from '@server/lib/normalize';
import { addDays, nowIso, today } from '@server/lib/time';
import { accountScopeOf, authorize, type Actor } from '@server/policies';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { requireVisibleQuote } from '@server/modules/quotes/quotes.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { plannedRecordSearch } from '@server/modules/search/record-terms.repo';
import { presentCard, presentInvoice } from './invoices.presenter';
import { filteredInvoices, findCards, findVisibleInvoice, insertInvoice, linesOf, scopedInvoices, updateInvoiceRow } from './invoices.repo';


export async function requireVisibleInvoice(db: Db, actor: Actor, id: string): Promise<InvoiceRow> {
  const row = await findVisibleInvoice(db, actor, id);
  if (!row) throw new AppError('not_found');
  return row;
}

export async function cardsOf(db: Db, ids: string[]): Promise<InvoiceCard[]> {
  const day = today();
  return (await findCards(db, ids)).map((row) => presentCard(row, day));
}

export async function getInvoice(db: Db, actor: Actor, id: string): Promise<Invoice> {
  authorize(actor, { domain: 'invoice', action: 'read' });
  await requireVisibleInvoice(db, actor, id);
  const [row] = await findCards(db, [id]);
  if (!row) throw new AppError('not_found');
  return presentInvoice(presentCard(row, today()), row, await linesOf(db, id));
}

/** The number is the accounting system's key: a second invoice with it is refused, translated. */
async function numbered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('invoice_number_taken');
    throw error;
  }
}

/**
 * Bills an organization the actor sees: by hand (net and tax given), or from an accepted quote of
 * it (lines, totals and currency copied). Due on the issue date plus the organization's credit days
 * unless a due date is given; delivered as its card says.
 */
export async function createInvoice(db: Db, actor: Actor, input: InvoiceCreate): Promise<Invoice> {
  authorize(actor, { domain: 'invoice', action: 'create' });
  const data = invoiceCreateSchema.parse(input);
  const id = newId();
  await numbered(() => db.transaction().execute(async (trx) => {
    const quote = data.fromQuoteId ? await requireVisibleQuote(trx, actor, data.fromQuoteId) : null;
    if (quote && quote.status !== 'accepted') throw new AppError('quote_not_accepted');
    if (quote && data.organizationId && data.organizationId !== quote.account_id) throw fieldError('organizationId', 'not_quote_account');
    const organization = await requireVisibleAccount(trx, actor, quote?.account_id ?? data.organizationId ?? '');
    if (organization.kind !== 'organization') throw fieldError(quote ? 'fromQuoteId' : 'organizationId', 'wrong_kind');
    const issueDate = data.issueDate ?? today();
    const dueDate = data.dueDate ?? addDays(`${issueDate}T00:00:00.000Z`, organization.credit_days ?? 0).slice(0, 10);
    if (dueDate < issueDate) throw fieldError('dueDate', 'due_before_issue');
    const net = quote ? Number(quote.net_total) : (data.net ?? 0);
    const tax = quote ? Number(quote.tax_total) : (data.tax ?? 0);
    const quoteLines = quote ? await trx.selectFrom('quote_lines').selectAll().where('quote_id', '=', quote.id).orderBy('position').execute() : [];
    const now = nowIso();
    await insertInvoice(trx, {
      id, number: data.number, number_norm: normalizeText(data.number), organization_id: organization.id, quote_id: quote?.id ?? null,
      status: data.status ?? 'issued', issue_date: issueDate, due_date: dueDate, currency: quote?.currency ?? data.currency ?? '',
      net_total: net, tax_total: tax, total: net + tax, paid_amount: 0, delivery: organization.invoice_delivery, delivery_email: organization.invoice_email,
      language: data.language ?? quote?.language ?? actor.language, notes: data.notes ?? null, created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id, version: 1,
    }, quoteLines.map((line) => ({
      id: newId(), invoice_id: id, position: line.position, kind: line.kind, description: line.description, quantity_milli: line.quantity_milli,
      unit_price: line.unit_price, tax_bp: line.tax_bp, net: line.net, tax: line.tax,
    })));
    await writeAudit(trx, {
      actorId: actor.id, entity: 'invoice', entityId: id, accountId: organization.id, action: 'invoice_created',
      changes: [{ field: 'number', before: null, after: data.number }, { field: 'total', before: null, after: { amount: net + tax, currency: quote?.currency ?? data.currency } }],
    });
  }));
  return getInvoice(db, actor, id);
}

/** Which stored status may become which: a draft is issued or cancelled, an unpaid issued one cancelled. */
const moves: Record<InvoiceRow['status'], ReadonlyArray<InvoiceRow['status']>> = {
  draft: ['issued', 'cancelled'], issued: ['cancelled'], partly_paid: [], paid: [], cancelled: [],
};

/** Edits the fields sent if the version is current; 412 and nothing changes otherwise. */
export async function updateInvoice(db: Db, actor: Actor, id: string, input: InvoiceUpdate): Promise<Invoice> {
  authorize(actor, { domain: 'invoice', action: 'update' });
  const { version, ...data } = invoiceUpdateSchema.parse(input);
  await numbered(() => db.transaction().execute(async (trx) => {
    const before = await requireVisibleInvoice(trx, actor, id);
    if (before.version !== version) throw new AppError('stale_version');
    if (data.status !== undefined && data.status !== before.status && !moves[before.status].includes(data.status)) throw fieldError('status', 'invalid_transition');
    const dueDate = data.dueDate ?? before.due_date;
    if (dueDate < before.issue_date) throw fieldError('dueDate', 'due_before_issue');
    const patch = {
      number: data.number ?? before.number, number_norm: normalizeText(data.number ?? before.number), due_date: dueDate,
      status: data.status ?? before.status, language: data.language ?? before.language, notes: data.notes === undefined ? before.notes : data.notes,
    };
    const changes = (['number', 'due_date', 'status', 'language', 'notes'] as const)
      .filter((field) => patch[field] !== before[field]).map((field) => ({ field, before: before[field], after: patch[field] }));
    if (changes.length === 0) return;
    if (!(await updateInvoiceRow(trx, id, version, { ...patch, updated_at: nowIso(), updated_by: actor.id }))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'invoice', entityId: id, accountId: before.organization_id, action: 'invoice_updated', changes });
  }));
  return getInvoice(db, actor, id);
}

/** A payment received: paid in full makes it paid, less makes it partly paid; never more than is owed. */
export async function recordPayment(db: Db, actor: Actor, id: string, input: InvoicePayment): Promise<Invoice> {
  authorize(actor, { domain: 'invoice', action: 'pay' });
  const { version, amount, paidOn } = invoicePaymentSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await requireVisibleInvoice(trx, actor, id);
    if (before.version !== version) throw new AppError('stale_version');
    if (before.status !== 'issued' && before.status !== 'partly_paid') throw new AppError('invoice_not_payable');
    const paid = Number(before.paid_amount) + amount;
    if (paid > Number(before.total)) throw fieldError('amount', 'exceeds_outstanding');
    const status = paid === Number(before.total) ? 'paid' : 'partly_paid';
    if (!(await updateInvoiceRow(trx, id, version, { paid_amount: paid, status, updated_at: nowIso(), updated_by: actor.id }))) throw new AppError('stale_version');
    await writeAudit(trx, {
      actorId: actor.id, entity: 'invoice', entityId: id, accountId: before.organization_id, action: 'invoice_paid',
      changes: [
        { field: 'payment', before: null, after: { amount, currency: before.currency, paidOn: paidOn ?? today() } },
        { field: 'status', before: before.status, after: status },
      ],
    });
  });
  return getInvoice(db, actor, id);
}

export const listSorts = sortTable('invoices', { issueDate: ['issue_date'], dueDate: ['due_date'], createdAt: ['created_at'], number: ['number_norm'] });

/** The invoices list: the actor's scope, the filters, one keyset page in the sort asked for. */
export async function findInvoices(db: Db, actor: Actor, query: InvoiceListQuery): Promise<ListResponse<InvoiceCard>> {
  authorize(actor, { domain: 'invoice', action: 'read' });
  const day = today();
  const search = await plannedRecordSearch(db, 'invoice', query.q, accountScopeOf(actor).sees === 'all' ? null : scopedInvoices(db, actor));
  const base = filteredInvoices(db, actor, query, day, { search });
  const plan = listSorts.plan(query.sort);
  const columns = listSorts.columns().map((column) => `invoices.${column}` as const);
  const page = await keysetPage(db, filteredInvoices(db, actor, query, day, { counting: true, search }), base.select(['invoices.id', ...columns]), plan, query, (row) => listSorts.values(query.sort, row));
  return { items: await cardsOf(db, page.rows.map((row) => row.id)), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}
