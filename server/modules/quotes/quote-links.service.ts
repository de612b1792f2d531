import { quoteAcceptSchema, quoteDeclineSchema, type OpenPublicQuote, type PublicQuote, type QuoteAccept, type QuoteDecline } from '@contract/quote-links';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import type { Storage } from '@server/lib/storage';
import { recordQuoteDecision } from '@server/commands/decide-quote';
import { linkTokenHash } from '@server/modules/public-links/public-links';
import { pdfFileName, pdfOfQuote } from './quote-pdf.service';
import { effectiveStatus, presentLine, taxesOf } from './quotes.presenter';
import { findQuoteByTokenHash, findQuoteParty, findQuoteSettings, linesOf, type QuoteRow } from './quotes.repo';
import { today } from '@server/lib/time';

/**
 * The public acceptance page's side of a quote: everything is found by the link's token (stored
 * hashed) and nothing else. A superseded revision has no token any more, a draft never had one,
 * and a quote of a discarded account is not found: each answers 404 like a token never issued.
 */
async function quoteOfToken(db: Db, token: string): Promise<QuoteRow> {
  const quote = await findQuoteByTokenHash(db, linkTokenHash(token));
  if (!quote?.number) throw new AppError('not_found');
  return quote;
}

async function companyOf(db: Db) {
  const settings = await findQuoteSettings(db);
  return { name: settings?.company_name ?? null, taxId: settings?.company_tax_id ?? null, address: settings?.company_address ?? null };
}

async function present(db: Db, quote: QuoteRow): Promise<PublicQuote> {
  const company = await companyOf(db);
  const number = quote.number ?? '';
  const status = effectiveStatus(quote, today());
  if (status === 'expired') return { state: 'expired', language: quote.language, number, validUntil: quote.valid_until, company };
  const lines = await linesOf(db, quote.id);
  const account = await findQuoteParty(db, quote.account_id);
  if (!account) throw new AppError('not_found');
  const state: OpenPublicQuote['state'] = status === 'accepted' || status === 'declined' ? status : 'open';
  return {
    state, language: quote.language, number, revision: quote.revision, issueDate: quote.issue_date, validUntil: quote.valid_until, company,
    customer: { name: account.name, taxId: account.tax_id }, currency: quote.currency,
    lines: lines.map(presentLine).map(({ kind, description, quantity, unit, unitPrice, discountPercent, discountAmount, taxRate, net }) => ({ kind, description, quantity, unit, unitPrice, discountPercent, discountAmount, taxRate, net })),
    taxes: taxesOf(lines),
    netTotal: Number(quote.net_total), taxTotal: Number(quote.tax_total), total: Number(quote.total),
    paymentTerms: quote.payment_terms, notes: quote.notes, terms: quote.terms,
    decision: quote.decided_at ? { at: quote.decided_at, name: quote.decided_name, reason: quote.decline_reason } : null,
  };
}

export async function publicQuote(db: Db, token: string): Promise<PublicQuote> {
  return present(db, await quoteOfToken(db, token));
}

/** The PDF the e-mail carried, while the quote is still open or once answered; not once expired. */
export async function publicQuotePdf(deps: { db: Db; storage: Storage }, token: string): Promise<{ bytes: Buffer; fileName: string }> {
  const quote = await quoteOfToken(deps.db, token);
  if (effectiveStatus(quote, today()) === 'expired') throw new AppError('quote_expired');
  return { bytes: await pdfOfQuote(deps, quote), fileName: pdfFileName(quote) };
}

/** The customer's answer from the page: who (the name typed), when and from which address. */
async function decide(db: Db, token: string, ip: string, decision: { outcome: 'accepted' | 'declined'; name: string | null; reason: string | null }): Promise<PublicQuote> {
  await db.transaction().execute(async (trx) => {
    await recordQuoteDecision(trx, await quoteOfToken(trx, token), { ...decision, ip, actorId: null });
  });
  return publicQuote(db, token);
}

export async function acceptQuoteByLink(db: Db, token: string, ip: string, input: QuoteAccept): Promise<PublicQuote> {
  const { name } = quoteAcceptSchema.parse(input);
  return decide(db, token, ip, { outcome: 'accepted', name, reason: null });
}

export async function declineQuoteByLink(db: Db, token: string, ip: string, input: QuoteDecline): Promise<PublicQuote> {
  const { reason, name } = quoteDeclineSchema.parse(input);
  return decide(db, token, ip, { outcome: 'declined', name: name ?? null, reason });
}
