import type { Language } from '@contract/common';
import type { InvoiceImportTarget } from '@contract/imports';
import { invoiceImportRowSchema, type InvoiceImportRow } from '@contract/invoices';
import { minorDigits, minorUnits } from '@contract/money';
import { normalizeTaxIdFor } from '@contract/tax-id';
import { fieldIssue } from '@contract/validation';
import type { FieldError } from '@server/lib/errors';
import { normalizeText } from '@server/lib/normalize';
import { isUnsafeText } from '@server/lib/safe-text';

export type InvoiceValues = Partial<Record<InvoiceImportTarget, string>>;
/** A row ready to write: the invoice's fields, and the tax-id forms that may find its company. */
export type ParsedInvoice = InvoiceImportRow & { taxKeys: string[] };
export type InvoiceRowResult = { ok: true; row: ParsedInvoice } | { ok: false; errors: FieldError[] };

/** Status words of accounting exports (and of Cartera's own) in both languages; overdue is read from the dates, so it is issued. */
const statusWords = new Map<string, InvoiceImportRow['status']>([
  ...['borrador', 'draft', 'proforma'].map((word): [string, InvoiceImportRow['status']] => [word, 'draft']),
  ...['emitida', 'issued', 'pendiente', 'pending', 'abierta', 'open', 'vencida', 'overdue', 'sin cobrar', 'unpaid', 'not paid', 'posted', 'contabilizada'].map((word): [string, InvoiceImportRow['status']] => [word, 'issued']),
  ...['cobrada en parte', 'cobrada parcialmente', 'pagada en parte', 'parcial', 'partly paid', 'partially paid', 'partial'].map((word): [string, InvoiceImportRow['status']] => [word, 'partly_paid']),
  ...['cobrada', 'pagada', 'paid'].map((word): [string, InvoiceImportRow['status']] => [word, 'paid']),
  ...['anulada', 'cancelada', 'cancelled', 'canceled', 'void', 'voided'].map((word): [string, InvoiceImportRow['status']] => [word, 'cancelled']),
]);

const languageWords = new Map<string, Language>([
  ...['es', 'esp', 'spa', 'espanol', 'castellano', 'spanish'].map((word): [string, Language] => [word, 'es']),
  ...['en', 'eng', 'ingles', 'english'].map((word): [string, Language] => [word, 'en']),
]);

/** A calendar date as written in a file: ISO (2026-03-10, with a time or not) or day first (10/03/2026, 10.3.26); null when it is none. */
export function parseDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  const [yearText, monthText, dayText] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (!yearText || !monthText || !dayText) return null;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * An amount as accounting exports write it, in major units of the currency: "1.234,56 €",
 * "1,234.56", "1234.5", "1 234,56". Of "." and "," the last one is the decimal point; one that
 * occurs twice, or once before exactly three digits in a currency of fewer decimals, groups thousands.
 * Answers minor units, "negative" for a credit note's sign, or null when it is not an amount.
 */
export function parseAmount(text: string, currency: string): number | 'negative' | null {
  const compact = text.replace(/[\s\u00a0\u202f€$£¥]/g, '').replace(/^[A-Za-z]{3}|[A-Za-z]{3}$/g, '');
  if (/^-|^\(.*\)$|-$/.test(compact)) return 'negative';
  if (!/^[0-9.,]+$/.test(compact)) return null;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let decimal: '.' | ',' | null = lastDot > lastComma ? '.' : lastComma > lastDot ? ',' : null;
  // With both marks the other one groups thousands; with one kind only, it may be grouping too.
  if (decimal && (lastDot < 0 || lastComma < 0)) {
    const count = compact.split(decimal).length - 1;
    const after = compact.length - compact.lastIndexOf(decimal) - 1;
    if (count > 1 || (after === 3 && minorDigits(currency) < 3)) decimal = null;
  }
  const plain = decimal ? compact.replace(decimal === '.' ? /,/g : /\./g, '').replace(',', '.') : compact.replace(/[.,]/g, '');
  return minorUnits(plain, currency);
}

/** The tax id as it may be stored on the company: without separators, and without a leading VAT country prefix if it has one. */
export function taxKeysOf(taxId: string): string[] {
  const bare = normalizeTaxIdFor(taxId, null);
  const prefix = /^[A-Z]{2}/.exec(bare)?.[0];
  return [...new Set([bare, ...(prefix ? [normalizeTaxIdFor(bare, prefix)] : [])])];
}

type Amounts = { net: number | null; tax: number | null; total: number | null; paid: number | null };

/** Of net, tax and total, any two give the third; all three must agree. */
function completeAmounts(amounts: Amounts, errors: FieldError[]): { net: number; tax: number; total: number } | null {
  const { net, tax, total } = amounts;
  if (net !== null && tax !== null) {
    if (total !== null && total !== net + tax) errors.push({ field: 'total', code: 'total_mismatch' });
    return { net, tax, total: net + tax };
  }
  if (total !== null && tax !== null) return total >= tax ? { net: total - tax, tax, total } : (errors.push({ field: 'tax', code: 'exceeds_total' }), null);
  if (total !== null && net !== null) return total >= net ? { net, tax: total - net, total } : (errors.push({ field: 'net', code: 'exceeds_total' }), null);
  // A total alone is billed with no tax of its own; a net alone is not enough to know what was billed.
  if (total !== null) return { net: total, tax: 0, total };
  errors.push({ field: 'total', code: 'required' });
  return null;
}

/**
 * One row of an invoices file as an invoice: cells read (dates, amounts in the currency, status and
 * language words), then validated by the contract's import-row schema, so an import accepts what
 * the API would. What was paid decides the status (paid in full, partly, not yet) unless the file
 * says draft or cancelled; "paid" with no amount means all of it.
 */
export function parseInvoiceRow(values: InvoiceValues, defaults: { currency: string }): InvoiceRowResult {
  // The rule every API string follows (see plugins/hostile-input.ts): PostgreSQL cannot store NUL.
  const errors: FieldError[] = Object.entries(values).filter(([, value]) => value !== undefined && isUnsafeText(value))
    .map(([field]) => ({ field, code: 'invalid_characters' }));
  const currency = (values.currency ?? defaults.currency).trim().toUpperCase();
  const day = (field: 'issueDate' | 'dueDate'): string | null => {
    const text = values[field];
    if (!text) return null;
    const parsed = parseDay(text.trim());
    if (!parsed) errors.push({ field, code: 'invalid_date' });
    return parsed;
  };
  const amount = (field: 'net' | 'tax' | 'total' | 'paid'): number | null => {
    const text = values[field];
    if (!text) return null;
    const parsed = parseAmount(text, currency);
    if (parsed === 'negative') errors.push({ field, code: 'too_small', params: { minimum: 0 } });
    else if (parsed === null) errors.push({ field: field, code: 'not_an_amount' });
    return typeof parsed === 'number' ? parsed : null;
  };
  const word = <T>(field: 'status' | 'language', words: Map<string, T>): T | null => {
    const text = values[field];
    if (!text) return null;
    const found = words.get(normalizeText(text));
    if (found === undefined) errors.push({ field, code: 'unknown_list_item' });
    return found ?? null;
  };
  const issueDate = day('issueDate');
  if (!values.issueDate) errors.push({ field: 'issueDate', code: 'required' });
  const dueDate = day('dueDate');
  if (issueDate && dueDate && dueDate < issueDate) errors.push({ field: 'dueDate', code: 'due_before_issue' });
  const amounts = { net: amount('net'), tax: amount('tax'), total: amount('total'), paid: amount('paid') };
  const said = word('status', statusWords);
  const language = word('language', languageWords);
  const totals = errors.some((error) => ['net', 'tax', 'total'].includes(error.field)) ? null : completeAmounts(amounts, errors);
  const paid = amounts.paid ?? (said === 'paid' && totals ? totals.total : 0);
  if (totals && paid > totals.total) errors.push({ field: 'paid', code: 'exceeds_total' });
  const status = said === 'draft' || said === 'cancelled' ? said : !totals || paid === 0 ? 'issued' : paid === totals.total ? 'paid' : 'partly_paid';
  const parsed = invoiceImportRowSchema.safeParse({
    number: values.number ?? '', taxId: values.taxId ?? '', issueDate, dueDate, currency, net: totals?.net ?? 0, tax: totals?.tax ?? 0, paid,
    status, language, notes: values.notes ?? null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const mapped = fieldIssue({ code: issue.code, path: issue.path, message: issue.message, params: { ...issue } });
      // A date or amount already reported as unreadable is not reported twice.
      if (!errors.some((error) => error.field === mapped.field)) errors.push({ field: mapped.field, code: mapped.code, params: mapped.params });
    }
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, row: { ...parsed.data, taxKeys: taxKeysOf(parsed.data.taxId) } };
}
