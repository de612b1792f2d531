import { z } from 'zod';

// Money is an integer of minor units plus an ISO 4217 currency, never a float and never summed
// across currencies (DESIGN.md). How many minor digits a currency has comes from Intl, so JPY has
// none, EUR two and BHD three without a table of our own.

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code the runtime knows ("EUR", "USD", "PEN"…). */
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/)
  .refine((code) => knownCurrencies.has(code), { message: 'unknown_currency', params: { code: 'unknown_currency' } });

/** Minor units: whole, not negative, and within what a double holds exactly. */
export const minorUnitsSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** An amount as the API carries it: integer minor units of its currency. */
export const moneySchema = z.object({ amount: z.number().int(), currency: z.string() });
export type Money = z.infer<typeof moneySchema>;

/** Digits after the decimal point of a currency (EUR 2, JPY 0, BHD 3). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as a plain decimal text in major units ("1234.50" for 123450 EUR), for exports and inputs. */
export function majorText(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amount);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A decimal in major units ("1234.5", "1234,50") as minor units of the currency; null when it is not one. */
export function minorUnits(value: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^\s*(\d{1,15})(?:[.,](\d*))?\s*$/.exec(value);
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) return null;
  const units = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(units) ? units : null;
}
