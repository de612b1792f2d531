import { sql, type Insertable, type RawBuilder, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { Group } from '@contract/list-query';
import type { QuoteListQuery, QuoteStatus } from '@contract/quotes';
import type { Db } from '@server/db/database';
import type { QuoteLinesTable, QuoteSettingsTable, QuotesTable } from '@server/db/sales-tables';
import { groupCount, type Bucket } from '@server/lib/group-count';
import { normalizeText } from '@server/lib/normalize';
import type { PortfolioDrive } from '@server/lib/portfolio-drive';
import { accountScopeOf, quoteScope, type Actor } from '@server/policies';
import { recordPageDrive } from '@server/modules/accounts/record-drive.repo';
import { teamMembers } from '@server/modules/teams/teams.repo';

export type QuoteRow = Selectable<QuotesTable>;
export type QuoteLineRow = Selectable<QuoteLinesTable>;
export type QuoteSettingsRow = Selectable<QuoteSettingsTable>;

/** Quotes the actor may see: every read starts here, so list, counts, exports, PDFs and pages agree (`drive`: see quoteScope). */
export const scopedQuotes = (db: Db, actor: Actor, drive: PortfolioDrive = 'portfolio') => db.selectFrom('quotes').where(quoteScope(actor, 'quotes', drive));

/** The list's filters (the dashboard's charts count with the same). */
export type QuoteFilters = Partial<Omit<QuoteListQuery, 'limit' | 'cursor' | 'sort'>>;

const likeEscaped = (text: string): string => text.replace(/[\\%_]/g, '\\$&');

/** A status as the list shows it: `expired` and `sent` split the stored `sent` by the valid-until date (a quote expires by the calendar, not by a write). */
export function statusIs(status: QuoteStatus, today: string): RawBuilder<SqlBool> {
  if (status === 'expired') return sql<SqlBool>`(quotes.status = 'sent' and quotes.valid_until < ${today})`;
  if (status === 'sent') return sql<SqlBool>`(quotes.status = 'sent' and quotes.valid_until >= ${today})`;
  return sql<SqlBool>`quotes.status = ${status}`;
}

/**
 * The list's filters, each served by an index (see the quotes migrations).
 */
export function filteredQuotes(db: Db, actor: Actor, filters: QuoteFilters, today: string, drive: PortfolioDrive = 'portfolio') {
  let base = scopedQuotes(db, actor, drive);
  if (filters.status) base = base.where(statusIs(filters.status, today));
  if (filters.ownerId) base = base.where('quotes.owner_id', '=', filters.ownerId);
  if (filters.teamId) base = base.where('quotes.owner_id', 'in', teamMembers(db, filters.teamId));
  if (filters.accountId) base = base.where('quotes.account_id', '=', filters.accountId);
  if (filters.opportunityId) base = base.where('quotes.opportunity_id', '=', filters.opportunityId);
  if (filters.issuedFrom) base = base.where('quotes.issue_date', '>=', filters.issuedFrom);
  if (filters.issuedTo) base = base.where('quotes.issue_date', '<=', filters.issuedTo);
  if (filters.decidedFrom) base = base.where('quotes.decided_at', '>=', new Date(filters.decidedFrom).toISOString());
  if (filters.decidedTo) base = base.where('quotes.decided_at', '<', new Date(filters.decidedTo).toISOString());
  if (filters.currency) base = base.where('quotes.currency', '=', filters.currency);
  if (filters.totalMin !== undefined) base = base.where('quotes.total', '>=', filters.totalMin);
  if (filters.totalMax !== undefined) base = base.where('quotes.total', '<=', filters.totalMax);
  if (filters.q) {
    const number = `${likeEscaped(filters.q.trim().toUpperCase())}%`;
    const name = `%${likeEscaped(normalizeText(filters.q))}%`;
    base = base.where(sql<SqlBool>`(quotes.number like ${number} escape '\\'
      or exists (select 1 from accounts qa where qa.id = quotes.account_id and qa.name_norm like ${name} escape '\\'))`);
  }
  return base;
}

/**
 * The quotes of the filters counted per bucket (see groupCount), each bucket's totals summed per
 * currency: the dashboard's charts. Read the way the list's page reads the portfolio (an agent's
 * from its accounts, a team's by walking the live quotes' status indexes).
 */
export async function groupQuotes(db: Db, actor: Actor, filters: QuoteFilters, today: string, buckets: Bucket[]): Promise<Group[]> {
  const drive = await recordPageDrive(db, accountScopeOf(actor));
  return groupCount(db, filteredQuotes(db, actor, filters, today, drive), buckets, { money: { amount: 'quotes.total', currency: 'quotes.currency' } });
}

/** The currencies the quotes of the filters are in, at most `limit`, in code order. */
export async function quoteCurrencies(db: Db, actor: Actor, filters: QuoteFilters, today: string, limit: number): Promise<string[]> {
  const drive = await recordPageDrive(db, accountScopeOf(actor));
  const rows = await filteredQuotes(db, actor, filters, today, drive).select('quotes.currency').distinct().orderBy('quotes.currency').limit(limit).execute();
  return rows.map((row) => row.currency);
}

/** The quotes decided in [from, to) in one currency, as a bucket. */
export const decidedIn = (value: string, slice: { from: string; to: string }, currency: string): Bucket => ({
  value, where: sql<SqlBool>`(quotes.decided_at >= ${slice.from} and quotes.decided_at < ${slice.to} and quotes.currency = ${currency})`,
});

export type CardRow = QuoteRow & { account_name: string; owner_name: string };

/** Quotes by id with their account's and owner's names (scalar subqueries: no join per row), in the order given. */
export async function findCards(db: Db, ids: string[]): Promise<CardRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('quotes').selectAll('quotes').select([
    sql<string>`(select a.name from accounts a where a.id = quotes.account_id)`.as('account_name'),
    sql<string>`(select u.name from users u where u.id = quotes.owner_id)`.as('owner_name'),
  ]).where('quotes.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export const findVisibleQuote = (db: Db, actor: Actor, id: string): Promise<QuoteRow | undefined> =>
  scopedQuotes(db, actor).selectAll('quotes').where('quotes.id', '=', id).executeTakeFirst();

/** A quote by id past every policy: for the public acceptance page (which holds its token) and commands. */
export const findQuote = (db: Db, id: string): Promise<QuoteRow | undefined> =>
  db.selectFrom('quotes').selectAll().where('id', '=', id).executeTakeFirst();

export const findQuoteByTokenHash = (db: Db, tokenHash: string): Promise<QuoteRow | undefined> =>
  db.selectFrom('quotes').selectAll().where('token_hash', '=', tokenHash).where('account_discarded_at', 'is', null).executeTakeFirst();

/** The quote's customer (or contact person) as its PDF and public page name it: past the portfolio, whoever holds the quote sees it. */
export const findQuoteParty = (db: Db, accountId: string) =>
  db.selectFrom('accounts').select(['name', 'tax_id', 'addresses']).where('id', '=', accountId).executeTakeFirst();

export async function insertQuote(db: Db, row: Insertable<QuotesTable>): Promise<void> {
  await db.insertInto('quotes').values(row).execute();
}

/** Writes the patch if the version is still `version` (and moves it on); false when someone else wrote first. */
export async function updateQuoteRow(db: Db, id: string, version: number, patch: Updateable<QuotesTable>): Promise<boolean> {
  const result = await db.updateTable('quotes').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const linesOf = (db: Db, quoteId: string): Promise<QuoteLineRow[]> =>
  db.selectFrom('quote_lines').selectAll().where('quote_id', '=', quoteId).orderBy('position').execute();

export async function replaceLines(db: Db, quoteId: string, rows: QuoteLineRow[]): Promise<void> {
  await db.deleteFrom('quote_lines').where('quote_id', '=', quoteId).execute();
  // Chunks keep each statement under SQLite's bound-parameter limit (15 columns a row).
  for (let start = 0; start < rows.length; start += 60) await db.insertInto('quote_lines').values(rows.slice(start, start + 60)).execute();
}

/** Every revision of a lineage, oldest first. */
export const lineageRows = (db: Db, rootId: string): Promise<QuoteRow[]> =>
  db.selectFrom('quotes').selectAll().where('root_id', '=', rootId).orderBy('revision').execute();

export async function linesOfMany(db: Db, quoteIds: string[]): Promise<Map<string, QuoteLineRow[]>> {
  const byQuote = new Map<string, QuoteLineRow[]>();
  if (quoteIds.length === 0) return byQuote;
  const rows = await db.selectFrom('quote_lines').selectAll().where('quote_id', 'in', quoteIds).orderBy('quote_id').orderBy('position').execute();
  for (const row of rows) byQuote.set(row.quote_id, [...(byQuote.get(row.quote_id) ?? []), row]);
  return byQuote;
}

/**
 * The next number of a year's series, in the caller's transaction. The row is created or moved on
 * in one statement; PostgreSQL holds its lock until the transaction ends (SQLite writes one
 * transaction at a time), so numbers are handed out in order, and a rolled-back transaction gives
 * its number back: no gaps, no repeats.
 */
export async function nextSeriesNumber(db: Db, year: number): Promise<number> {
  const row = await db.insertInto('quote_series').values({ year, last_number: 1 })
    .onConflict((conflict) => conflict.column('year').doUpdateSet({ last_number: sql`quote_series.last_number + 1` }))
    .returning('last_number').executeTakeFirstOrThrow();
  return Number(row.last_number);
}

export const findQuoteSettings = (db: Db): Promise<QuoteSettingsRow | undefined> =>
  db.selectFrom('quote_settings').selectAll().where('id', '=', 'default').executeTakeFirst();

export async function updateQuoteSettingsRow(db: Db, version: number, patch: Updateable<QuoteSettingsTable>): Promise<boolean> {
  const result = await db.updateTable('quote_settings').set({ ...patch, version: version + 1 }).where('id', '=', 'default').where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

