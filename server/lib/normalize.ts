import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Lower case, accents stripped, spaces folded: "Ángela  García" → "angela garcia". */
export function normalizeText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a normalized text, for word-prefix search. */
export function searchWords(value: string): string[] {
  return normalizeText(value)
    .split(/[^\p{L}\p{N}@.+_-]+/u)
    .filter((word) => word.length > 0);
}

export const normalizeEmail = (value: string): string => value.trim().toLowerCase();

/** E.164 when the number parses (with the account's country as a hint), else its digits. */
export function normalizePhone(value: string, country?: string | null): string {
  const parsed = parsePhoneNumberFromString(value, isCountryCode(country) ? country : undefined);
  if (parsed?.isPossible()) return parsed.number;
  const digits = value.replace(/[^0-9+]/g, '');
  return digits;
}

/** What a phone can be searched by: E.164 with and without "+", the national number, the digits typed. */
export function phoneSearchForms(value: string, country?: string | null): string[] {
  const parsed = parsePhoneNumberFromString(value, isCountryCode(country) ? country : undefined);
  const digits = value.replace(/[^0-9]/g, '');
  const forms = parsed?.isPossible() ? [parsed.number, parsed.number.slice(1), String(parsed.nationalNumber), digits] : [digits];
  return [...new Set(forms.filter((form) => form.length > 0))];
}


function isCountryCode(value: string | null | undefined): value is CountryCode {
  return typeof value === 'string' && /^[A-Z]{2}$/.test(value);
}
