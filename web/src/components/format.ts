import { exactTotalLimit } from '@contract/common';
import { minorDigits } from '@contract/money';
import { i18next } from '@web/app/i18n';

// Building an Intl formatter costs far more than using one, and a list formats a date per row.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatIn(style: 'date' | 'dateTime', iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = `${i18next.language} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(i18next.language, style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

export function formatDateTime(iso: string | null | undefined): string {
  return formatIn('dateTime', iso);
}

export function formatDate(iso: string | null | undefined): string {
  return formatIn('date', iso);
}

/** A calendar day (YYYY-MM-DD, no time zone) as the user reads it: the same day wherever they are. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(i18next.language).format(value);
}

/**
 * How far a list total can be trusted: exact, a lower bound (the count stopped at the limit) or
 * an estimate past it. Texts that put the total in a sentence pick their wording by this.
 */
export type TotalPrecision = 'exact' | 'lowerBound' | 'estimate';

export function totalPrecision(total: number, isEstimate: boolean): TotalPrecision {
  if (!isEstimate) return 'exact';
  return total > exactTotalLimit ? 'estimate' : 'lowerBound';
}

/** A list total: exact, a lower bound shown as "10.000+", or an estimate past that shown as "≈ 300.000". */
export function formatTotal(total: number, isEstimate: boolean): string {
  const formatted = formatNumber(total);
  switch (totalPrecision(total, isEstimate)) {
    case 'exact':
      return formatted;
    case 'lowerBound':
      return `${formatted}+`;
    case 'estimate':
      return `≈ ${formatted}`;
  }
}

/** A file size the way people read it: 512 B, 12 KB, 3.4 MB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(i18next.language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** Integer minor units of a currency as the user reads money ("1.234,50 €", "€1,234.50"). */
export function formatMoney(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  try {
    return new Intl.NumberFormat(i18next.language, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount / 10 ** digits);
  } catch {
    return `${amount / 10 ** digits} ${currency}`;
  }
}
