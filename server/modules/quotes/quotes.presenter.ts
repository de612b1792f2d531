import type { Quote, QuoteCard, QuoteLine, QuoteRevision, QuoteStatus } from '@contract/quotes';
import { quoteMoney } from './quote-totals';
import { totalsLineOf } from './quote-lines';
import type { CardRow, QuoteLineRow, QuoteRow } from './quotes.repo';

/** A sent quote past its valid-until date reads as expired: it can no longer be accepted. */
export const effectiveStatus = (row: Pick<QuoteRow, 'status' | 'valid_until'>, today: string): QuoteStatus =>
  row.status === 'sent' && row.valid_until < today ? 'expired' : row.status;

export const presentCard = (row: CardRow, today: string): QuoteCard => ({
  id: row.id, number: row.number, revision: row.revision, status: effectiveStatus(row, today),
  account: { id: row.account_id, name: row.account_name }, owner: { id: row.owner_id, name: row.owner_name },
  issueDate: row.issue_date, validUntil: row.valid_until, currency: row.currency,
  netTotal: Number(row.net_total), taxTotal: Number(row.tax_total), total: Number(row.total),
  createdAt: row.created_at, updatedAt: row.updated_at, version: row.version,
});

export const presentLine = (row: QuoteLineRow): QuoteLine => ({
  id: row.id, kind: row.kind, productId: row.product_id, description: row.description, quantity: Number(row.quantity_milli) / 1000, unit: row.unit,
  unitPrice: Number(row.unit_price), discountPercent: row.discount_bp === null ? null : row.discount_bp / 100,
  discountAmount: row.discount_amount === null ? null : Number(row.discount_amount), taxRate: row.tax_bp / 100, net: Number(row.net), tax: Number(row.tax),
});

const comparedFields = ['currency', 'exchange_rate', 'issue_date', 'valid_until', 'payment_terms', 'notes', 'terms', 'contact_id', 'opportunity_id', 'language'] as const;
const fieldNames: Record<(typeof comparedFields)[number], string> = {
  currency: 'currency', exchange_rate: 'exchangeRate', issue_date: 'issueDate', valid_until: 'validUntil', payment_terms: 'paymentTerms', notes: 'notes',
  terms: 'terms', contact_id: 'contactId', opportunity_id: 'opportunityId', language: 'language',
};

const lineKey = (line: QuoteLineRow) => `${line.kind}\u0000${line.description}`;
const lineFigures = (line: QuoteLineRow) => [line.quantity_milli, line.unit, line.unit_price, line.discount_bp, line.discount_amount, line.tax_bp].map(String).join('|');

/** What a revision changed against the one before: header fields, and lines matched by their text. */
function changesOf(before: QuoteRow, beforeLines: QuoteLineRow[], after: QuoteRow, afterLines: QuoteLineRow[]): NonNullable<QuoteRevision['changes']> {
  const fields = comparedFields.filter((field) => before[field] !== after[field]).map((field) => fieldNames[field]);
  const remaining = new Map<string, QuoteLineRow[]>();
  for (const line of beforeLines) remaining.set(lineKey(line), [...(remaining.get(lineKey(line)) ?? []), line]);
  let linesAdded = 0;
  let linesChanged = 0;
  for (const line of afterLines) {
    const match = remaining.get(lineKey(line))?.shift();
    if (!match) linesAdded += 1;
    else if (lineFigures(match) !== lineFigures(line)) linesChanged += 1;
  }
  const linesRemoved = [...remaining.values()].reduce((sum, rest) => sum + rest.length, 0);
  return { fields, linesAdded, linesRemoved, linesChanged, totalBefore: Number(before.total) };
}

export function presentLineage(rows: QuoteRow[], lines: Map<string, QuoteLineRow[]>, today: string): QuoteRevision[] {
  return rows.map((row, index) => {
    const previous = index > 0 ? rows[index - 1] : undefined;
    return {
      id: row.id, number: row.number, revision: row.revision, status: effectiveStatus(row, today), total: Number(row.total), currency: row.currency, createdAt: row.created_at,
      changes: previous ? changesOf(previous, lines.get(previous.id) ?? [], row, lines.get(row.id) ?? []) : null,
    };
  });
}

export type QuoteExtras = {
  opportunityName: string | null;
  contactName: string | null;
  lines: QuoteLineRow[];
  lineage: QuoteRevision[];
};

/** The tax breakdown of stored lines, rates as percentages. */
export const taxesOf = (lines: QuoteLineRow[]): Quote['taxes'] =>
  quoteMoney(lines.map(totalsLineOf)).taxes.map((bucket) => ({ rate: bucket.rateBp / 100, base: bucket.base, tax: bucket.tax }));

export function presentQuote(card: CardRow, extras: QuoteExtras, today: string): Quote {
  const status = effectiveStatus(card, today);
  const latest = extras.lineage[extras.lineage.length - 1]?.id === card.id;
  const taxes = taxesOf(extras.lines);
  return {
    ...presentCard(card, today),
    opportunity: card.opportunity_id && extras.opportunityName !== null ? { id: card.opportunity_id, name: extras.opportunityName } : null,
    contact: card.contact_id && extras.contactName !== null ? { id: card.contact_id, name: extras.contactName } : null,
    language: card.language, baseCurrency: card.base_currency, exchangeRate: card.exchange_rate,
    paymentTerms: card.payment_terms, notes: card.notes, terms: card.terms,
    lines: extras.lines.map(presentLine), taxes, sentAt: card.sent_at,
    decision: card.decided_at ? { at: card.decided_at, name: card.decided_name, ip: card.decided_ip, reason: card.decline_reason } : null,
    lineage: extras.lineage,
    abilities: {
      edit: status === 'draft', finalize: status === 'draft', send: status === 'draft' || status === 'sent',
      revise: latest && (status === 'sent' || status === 'expired' || status === 'declined'), decide: status === 'sent',
    },
  };
}
