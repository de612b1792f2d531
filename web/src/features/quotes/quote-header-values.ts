import { languages, type Language } from '@contract/common';
import type { Quote, QuoteUpdate } from '@contract/quotes';

/** The header as the form holds it: every text as typed, nothing null. */
export type HeaderValues = {
  opportunityId: string | null;
  contactId: string | null;
  ownerId: string;
  language: Language;
  currency: string;
  exchangeRate: string;
  issueDate: string | null;
  validUntil: string | null;
  paymentTerms: string;
  notes: string;
  terms: string;
};

export const headerValuesOf = (quote: Quote): HeaderValues => ({
  opportunityId: quote.opportunity?.id ?? null, contactId: quote.contact?.id ?? null, ownerId: quote.owner.id, language: quote.language,
  currency: quote.currency, exchangeRate: quote.exchangeRate ?? '', issueDate: quote.issueDate, validUntil: quote.validUntil,
  paymentTerms: quote.paymentTerms ?? '', notes: quote.notes ?? '', terms: quote.terms ?? '',
});

export const isLanguage = (value: string | null): value is Language => languages.some((language) => language === value);

/** Only what changed, with the version it was read at: the server keeps the rest as it is. */
export function headerPatch(values: HeaderValues, quote: Quote): QuoteUpdate {
  const before = headerValuesOf(quote);
  const text = (value: string) => (value.trim() === '' ? null : value);
  const patch: QuoteUpdate = { version: quote.version };
  if (values.opportunityId !== before.opportunityId) patch.opportunityId = values.opportunityId;
  if (values.contactId !== before.contactId) patch.contactId = values.contactId;
  if (values.ownerId !== before.ownerId) patch.ownerId = values.ownerId;
  if (values.language !== before.language) patch.language = values.language;
  if (values.currency !== before.currency) patch.currency = values.currency;
  if (values.exchangeRate !== before.exchangeRate || values.currency !== before.currency) patch.exchangeRate = values.currency === quote.baseCurrency ? null : text(values.exchangeRate);
  if (values.issueDate !== before.issueDate && values.issueDate) patch.issueDate = values.issueDate;
  if (values.validUntil !== before.validUntil && values.validUntil) patch.validUntil = values.validUntil;
  if (values.paymentTerms !== before.paymentTerms) patch.paymentTerms = text(values.paymentTerms);
  if (values.notes !== before.notes) patch.notes = text(values.notes);
  if (values.terms !== before.terms) patch.terms = text(values.terms);
  return patch;
}
