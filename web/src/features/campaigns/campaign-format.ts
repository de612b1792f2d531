import { minorDigits } from '@contract/money';
import { i18next } from '@web/app/i18n';

/** A price in minor units as the user's language writes money ("1.290,00 €", "€1,290.00"). */
export function formatPrice(amount: number | null, currency: string | null): string {
  if (amount === null || !currency) return '';
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(i18next.language, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount / 10 ** digits);
}

export const statusColors = { planned: 'gray', active: 'green', finished: 'blue', cancelled: 'red' } as const;
