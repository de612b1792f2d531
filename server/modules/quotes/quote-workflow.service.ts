import { quoteDecisionSchema, quoteVersionSchema, type Quote, type QuoteDecision } from '@contract/quotes';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { nowIso, today } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { recordQuoteDecision } from '@server/commands/decide-quote';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { effectiveStatus } from './quotes.presenter';
import { insertQuote, lineageRows, linesOf, nextSeriesNumber, replaceLines, updateQuoteRow, type QuoteRow } from './quotes.repo';
import { getQuote, plusDays, requireDraft, requireSettings, requireVisibleQuote } from './quotes.service';

/** COT-2026-0007: the prefix, the year and the number of that year's series. */
export const formatNumber = (prefix: string, year: number, n: number): string => `${prefix}-${year}-${String(n).padStart(4, '0')}`;

/**
 * Marks a draft sent, in the caller's transaction: a first revision takes the next number of this
 * year's series (a later revision already has its own). The version moves on.
 */
export async function markSent(trx: Db, actor: Actor, quote: QuoteRow, patch: Partial<QuoteRow> = {}): Promise<QuoteRow> {
  const now = nowIso();
  let numbering: Pick<QuoteRow, 'number' | 'series_year' | 'series_number'> = { number: quote.number, series_year: quote.series_year, series_number: quote.series_number };
  if (!quote.number) {
    const settings = await requireSettings(trx);
    const year = Number(today().slice(0, 4));
    const n = await nextSeriesNumber(trx, year);
    numbering = { number: formatNumber(settings.number_prefix, year, n), series_year: year, series_number: n };
  }
  const next = { ...numbering, status: 'sent' as const, sent_at: quote.sent_at ?? now, updated_at: now, updated_by: actor.id, ...patch };
  if (!(await updateQuoteRow(trx, quote.id, quote.version, next))) throw new AppError('stale_version');
  await writeAudit(trx, {
    actorId: actor.id, entity: 'quote', entityId: quote.id, accountId: quote.account_id, action: 'quote_sent',
    changes: [{ field: 'number', before: quote.number, after: numbering.number }, { field: 'status', before: quote.status, after: 'sent' }],
  });
  return { ...quote, ...next, version: quote.version + 1 };
}

/** Marks a draft final without e-mailing it (it went by hand): it gets its number and reads as sent. */
export async function finalizeQuote(db: Db, actor: Actor, id: string, input: { version: number }): Promise<Quote> {
  authorize(actor, { domain: 'quote', action: 'send' });
  const { version } = quoteVersionSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    await markSent(trx, actor, await requireDraft(trx, actor, id, version));
  });
  return getQuote(db, actor, id);
}

/**
 * A new revision: the latest quote of a lineage, sent (or expired, or declined), is copied into a
 * draft numbered after its root (`…-R2`) with fresh dates; the earlier one becomes superseded, and
 * its acceptance link stops working. Returns the new draft.
 */
export async function reviseQuote(db: Db, actor: Actor, id: string, input: { version: number }): Promise<Quote> {
  authorize(actor, { domain: 'quote', action: 'revise' });
  const { version } = quoteVersionSchema.parse(input);
  const newIdValue = newId();
  await db.transaction().execute(async (trx) => {
    const before = await requireVisibleQuote(trx, actor, id);
    if (before.version !== version) throw new AppError('stale_version');
    const lineage = await lineageRows(trx, before.root_id);
    const root = lineage[0];
    const status = effectiveStatus(before, today());
    if (lineage[lineage.length - 1]?.id !== before.id || !root?.number || !['sent', 'expired', 'declined'].includes(status)) throw new AppError('quote_not_open');
    const now = nowIso();
    // The version check first: of two people revising at once, one gets stale_version and nothing else happens.
    if (!(await updateQuoteRow(trx, id, version, { status: 'superseded', token_hash: null, updated_at: now, updated_by: actor.id }))) throw new AppError('stale_version');
    const settings = await requireSettings(trx);
    const revision = before.revision + 1;
    const issueDate = today();
    await insertQuote(trx, {
      ...before, id: newIdValue, previous_id: before.id, revision, number: `${root.number}-R${revision}`, status: 'draft', issue_date: issueDate,
      valid_until: plusDays(issueDate, settings.validity_days), sent_at: null, decided_at: null, decided_name: null, decided_ip: null, decline_reason: null,
      token_hash: null, created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id, version: 1,
    });
    await replaceLines(trx, newIdValue, (await linesOf(trx, id)).map((line) => ({ ...line, id: newId(), quote_id: newIdValue })));
    await writeAudit(trx, { actorId: actor.id, entity: 'quote', entityId: id, accountId: before.account_id, action: 'quote_superseded', changes: [{ field: 'status', before: before.status, after: 'superseded' }] });
    await writeAudit(trx, { actorId: actor.id, entity: 'quote', entityId: newIdValue, accountId: before.account_id, action: 'quote_revised', changes: [{ field: 'number', before: before.number, after: `${root.number}-R${revision}` }] });
  });
  return getQuote(db, actor, newIdValue);
}

/** Records the customer's answer given another way (signed on paper, by phone), as the public page would. */
export async function decideQuote(db: Db, actor: Actor, id: string, input: QuoteDecision): Promise<Quote> {
  authorize(actor, { domain: 'quote', action: 'decide' });
  const data = quoteDecisionSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const quote = await requireVisibleQuote(trx, actor, id);
    if (quote.version !== data.version) throw new AppError('stale_version');
    await recordQuoteDecision(trx, quote, { outcome: data.outcome, name: data.name, reason: data.reason ?? null, ip: null, actorId: actor.id });
  });
  return getQuote(db, actor, id);
}
