import { exactTotalLimit, type ListResponse } from '@contract/common';
import {
  quoteCreateSchema, quoteLinesUpdateSchema, quoteUpdateSchema,
  type Quote, type QuoteCard, type QuoteCreate, type QuoteLinesUpdate, type QuoteListQuery, type QuoteUpdate,
} from '@contract/quotes';
import { sql } from 'kysely';
import type { AccountRow, Db } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { countUpTo, keysetPage, sortTable } from '@server/lib/list';
import { addDays, nowIso, today } from '@server/lib/time';
import { accountScopeOf, authorize, type Actor } from '@server/policies';
import { ensureAssigneeSeesAccount } from '@server/commands/assign-work';
import { findVisibleAccount } from '@server/modules/accounts/accounts.repo';
import { recordPageDrive } from '@server/modules/accounts/record-drive.repo';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { findVisibleOpportunity } from '@server/modules/opportunities/opportunities.repo';
import { activeUserIds } from '@server/modules/users/users.repo';
import { lineRows } from './quote-lines';
import { presentCard, presentLineage, presentQuote } from './quotes.presenter';
import {
  filteredQuotes, findCards, findQuoteSettings, findVisibleQuote, insertQuote, lineageRows, linesOfMany, replaceLines, updateQuoteRow,
  type QuoteRow, type QuoteSettingsRow,
} from './quotes.repo';

export const plusDays = (date: string, days: number): string => addDays(`${date}T00:00:00.000Z`, days).slice(0, 10);

export async function requireVisibleQuote(db: Db, actor: Actor, id: string): Promise<QuoteRow> {
  const row = await findVisibleQuote(db, actor, id);
  if (!row) throw new AppError('not_found');
  return row;
}

export async function requireSettings(db: Db): Promise<QuoteSettingsRow> {
  const settings = await findQuoteSettings(db);
  if (!settings) throw new AppError('not_found');
  return settings;
}

/** The quote as its page shows it: lines, taxes, lineage and what the actor may do. */
export async function getQuote(db: Db, actor: Actor, id: string): Promise<Quote> {
  authorize(actor, { domain: 'quote', action: 'read' });
  const row = await requireVisibleQuote(db, actor, id);
  const [card] = await findCards(db, [id]);
  if (!card) throw new AppError('not_found');
  const lineage = await lineageRows(db, row.root_id);
  const lines = await linesOfMany(db, lineage.map((revision) => revision.id));
  // The opportunity and contact only as far as the actor sees them.
  const opportunity = row.opportunity_id ? await findVisibleOpportunity(db, actor, row.opportunity_id) : undefined;
  const contact = row.contact_id ? await findVisibleAccount(db, actor, row.contact_id) : undefined;
  const day = today();
  return presentQuote(card, { opportunityName: opportunity?.name ?? null, contactName: contact?.name ?? null, lines: lines.get(id) ?? [], lineage: presentLineage(lineage, lines, day) }, day);
}

const listSorts = sortTable('quotes', { issueDate: ['issue_date'], updatedAt: ['updated_at'], number: ['number'] });

/** The quotes list: the actor's scope, the filters, one keyset page in the sort asked for. */
export async function findQuotes(db: Db, actor: Actor, query: QuoteListQuery): Promise<ListResponse<QuoteCard>> {
  authorize(actor, { domain: 'quote', action: 'read' });
  const day = today();
  const numbered = (base: ReturnType<typeof filteredQuotes>) => (query.sort.endsWith('number') ? base.where('quotes.number', 'is not', null) : base);
  // The page reads the portfolio the way its size says (an agent's from its accounts, a team's by walking the sort's index); the count from the portfolio, as it stops at the cap.
  const rows = numbered(filteredQuotes(db, actor, query, day, await recordPageDrive(db, accountScopeOf(actor))));
  const counted = numbered(filteredQuotes(db, actor, query, day, 'portfolio'));
  // Only the sort's column beside the id, so an index holding the filter and the sort answers alone.
  const sortValue = sql<string | null>`${sql.ref(`quotes.${listSorts.leading(query.sort)}`)}`.as('sort_value');
  const page = await keysetPage(db, rows, rows.select(['quotes.id', sortValue]), listSorts.plan(query.sort), query,
    (row) => [row.sort_value ?? '', row.id], () => countUpTo(db, counted, exactTotalLimit));
  return { items: (await findCards(db, page.rows.map((row) => row.id))).map((row) => presentCard(row, day)), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}

type Header = Pick<QuoteRow, 'opportunity_id' | 'contact_id' | 'owner_id' | 'language' | 'currency' | 'exchange_rate' | 'issue_date' | 'valid_until' | 'payment_terms' | 'notes' | 'terms'>;
const auditedHeader = ['opportunity_id', 'contact_id', 'owner_id', 'language', 'currency', 'exchange_rate', 'issue_date', 'valid_until', 'payment_terms', 'notes', 'terms'] as const;

/**
 * The header's rules: the opportunity is one of the account's the actor sees, the contact a person
 * of the account, the owner an active user who sees it; a currency other than the base one needs
 * its exchange rate (kept on the quote: a reprint never uses today's), the base one has none.
 */
async function checkHeader(trx: Db, actor: Actor, account: AccountRow, next: Header, current: Header | null, baseCurrency: string): Promise<void> {
  if (next.opportunity_id && next.opportunity_id !== current?.opportunity_id) {
    const opportunity = await findVisibleOpportunity(trx, actor, next.opportunity_id);
    if (!opportunity || opportunity.organization_id !== account.id) throw fieldError('opportunityId', 'not_of_account');
  }
  if (next.contact_id && next.contact_id !== current?.contact_id) {
    const person = await findVisibleAccount(trx, actor, next.contact_id);
    const link = await trx.selectFrom('contacts').select('person_id').where('organization_id', '=', account.id).where('person_id', '=', next.contact_id).executeTakeFirst();
    if (!person || !link) throw fieldError('contactId', 'not_a_contact');
  }
  if (next.currency !== baseCurrency && !next.exchange_rate) throw fieldError('exchangeRate', 'exchange_rate_required');
  if (next.valid_until < next.issue_date) throw fieldError('validUntil', 'end_before_start');
  if (next.owner_id !== current?.owner_id) {
    if (!(await activeUserIds(trx, [next.owner_id])).has(next.owner_id)) throw fieldError('ownerId', 'unknown_user');
    await ensureAssigneeSeesAccount(trx, actor, account, next.owner_id, { field: 'ownerId', addAsOwner: false });
  }
}

/** Opens a draft for an account the actor sees, with the settings' defaults and its lines priced. */
export async function createQuote(db: Db, actor: Actor, input: QuoteCreate): Promise<Quote> {
  authorize(actor, { domain: 'quote', action: 'create' });
  const data = quoteCreateSchema.parse(input);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const account = await requireVisibleAccount(trx, actor, data.accountId);
    const settings = await requireSettings(trx);
    const language = data.language ?? actor.language;
    const issueDate = data.issueDate ?? today();
    const currency = data.currency ?? settings.base_currency;
    const header: Header = {
      opportunity_id: data.opportunityId ?? null, contact_id: data.contactId ?? null, owner_id: data.ownerId ?? actor.id, language, currency,
      exchange_rate: currency === settings.base_currency ? null : (data.exchangeRate ?? null), issue_date: issueDate,
      valid_until: data.validUntil ?? plusDays(issueDate, settings.validity_days),
      payment_terms: data.paymentTerms === undefined ? settings.payment_terms : data.paymentTerms, notes: data.notes ?? null,
      terms: data.terms === undefined ? (language === 'es' ? settings.terms_es : settings.terms_en) : data.terms,
    };
    await checkHeader(trx, actor, account, header, null, settings.base_currency);
    const { rows, totals } = await lineRows(trx, id, currency, data.lines ?? []);
    const now = nowIso();
    await insertQuote(trx, {
      id, account_id: account.id, account_discarded_at: null, ...header, root_id: id, previous_id: null, revision: 1, series_year: null, series_number: null, number: null,
      status: 'draft', base_currency: settings.base_currency, net_total: totals.netTotal, tax_total: totals.taxTotal, total: totals.total, line_count: rows.length,
      sent_at: null, decided_at: null, decided_name: null, decided_ip: null, decline_reason: null, token_hash: null,
      created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id, version: 1,
    });
    await replaceLines(trx, id, rows);
    await writeAudit(trx, { actorId: actor.id, entity: 'quote', entityId: id, accountId: account.id, action: 'quote_created', changes: [{ field: 'total', before: null, after: totals.total }, ...diffFields(null, header, auditedHeader)] });
  });
  return getQuote(db, actor, id);
}

/** A draft of the actor's, locked to its version: only drafts change (a sent quote is revised instead). */
export async function requireDraft(trx: Db, actor: Actor, id: string, version: number): Promise<QuoteRow> {
  const before = await requireVisibleQuote(trx, actor, id);
  if (before.version !== version) throw new AppError('stale_version');
  if (before.status !== 'draft') throw new AppError('quote_not_draft');
  return before;
}

/** Edits a draft's header; a new currency reprices nothing (the lines keep their amounts) but needs its rate. */
export async function updateQuote(db: Db, actor: Actor, id: string, input: QuoteUpdate): Promise<Quote> {
  authorize(actor, { domain: 'quote', action: 'update' });
  const { version, ...data } = quoteUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await requireDraft(trx, actor, id, version);
    const account = await requireVisibleAccount(trx, actor, before.account_id);
    const pick = <T>(sent: T | undefined, current: T): T => (sent === undefined ? current : sent);
    const next: Header = {
      opportunity_id: pick(data.opportunityId, before.opportunity_id), contact_id: pick(data.contactId, before.contact_id), owner_id: pick(data.ownerId, before.owner_id),
      language: pick(data.language, before.language), currency: pick(data.currency, before.currency), exchange_rate: pick(data.exchangeRate, before.exchange_rate),
      issue_date: pick(data.issueDate, before.issue_date), valid_until: pick(data.validUntil, before.valid_until), payment_terms: pick(data.paymentTerms, before.payment_terms),
      notes: pick(data.notes, before.notes), terms: pick(data.terms, before.terms),
    };
    if (next.currency === before.base_currency) next.exchange_rate = null;
    await checkHeader(trx, actor, account, next, before, before.base_currency);
    const changes = diffFields(before, next, auditedHeader);
    if (changes.length === 0) return;
    if (!(await updateQuoteRow(trx, id, version, { ...next, updated_at: nowIso(), updated_by: actor.id }))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'quote', entityId: id, accountId: before.account_id, action: 'quote_updated', changes });
  });
  return getQuote(db, actor, id);
}

/** Replaces a draft's lines (their order is the order sent) and stores the totals the rule gives. */
export async function setQuoteLines(db: Db, actor: Actor, id: string, input: QuoteLinesUpdate): Promise<Quote> {
  authorize(actor, { domain: 'quote', action: 'update' });
  const { version, lines } = quoteLinesUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await requireDraft(trx, actor, id, version);
    const { rows, totals } = await lineRows(trx, id, before.currency, lines);
    if (!(await updateQuoteRow(trx, id, version, { net_total: totals.netTotal, tax_total: totals.taxTotal, total: totals.total, line_count: rows.length, updated_at: nowIso(), updated_by: actor.id }))) {
      throw new AppError('stale_version');
    }
    await replaceLines(trx, id, rows);
    await writeAudit(trx, {
      actorId: actor.id, entity: 'quote', entityId: id, accountId: before.account_id, action: 'quote_lines_set',
      changes: [{ field: 'lines', before: before.line_count, after: rows.length }, { field: 'total', before: Number(before.total), after: totals.total }],
    });
  });
  return getQuote(db, actor, id);
}
