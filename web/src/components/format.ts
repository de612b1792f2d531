import { i18next } from '@web/app/i18n';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium' }).format(date);
}

/** A list total: exact, or a lower bound shown as "10.000+". */
export function formatTotal(total: number, isEstimate: boolean): string {
  const formatted = new Intl.NumberFormat(i18next.language).format(total);
  return isEstimate ? `${formatted}+` : formatted;
}
