/**
 * Country-aware tax id checks (seed 003: company numbers of Norway, Sweden, Denmark and the UK;
 * seed 001: the Peruvian RUC; Spain's NIF / NIE / CIF). Everything else gets a lenient check.
 * Shared by the server (refuses bad ids) and the web form (explains them as you type).
 */

export type TaxIdCheck = { valid: boolean; normalized: string; kind: string | null };

/** Separators and a leading VAT country prefix dropped, upper case: "ES-B12.345.678" → "B12345678". */
export function normalizeTaxIdFor(value: string, country: string | null | undefined): string {
  let compact = value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  // The Peruvian RUC carries no letter prefix; elsewhere a VAT number is the country code plus the id.
  const prefix = country && country !== 'PE' ? country : '';
  const hasPrefix = (id: string) =>
    prefix !== '' && id.startsWith(prefix) && id.length > prefix.length + 5 &&
    (/\d/.test(id.charAt(prefix.length)) || (prefix === 'ES' && id.length === 11));
  while (hasPrefix(compact)) compact = compact.slice(prefix.length);
  return compact;
}

const digitsOf = (value: string): number[] => [...value].map(Number);

const weightedSum = (digits: number[], weights: number[]): number =>
  weights.reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0);

const dniLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

function spanish(id: string): string | null {
  if (/^\d{8}[A-Z]$/.test(id)) return dniLetters[Number(id.slice(0, 8)) % 23] === id[8] ? 'NIF' : null;
  if (/^[XYZ]\d{7}[A-Z]$/.test(id)) {
    const number = Number(String('XYZ'.indexOf(id.charAt(0))) + id.slice(1, 8));
    return dniLetters[number % 23] === id[8] ? 'NIE' : null;
  }
  if (/^[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J]$/.test(id)) {
    const digits = digitsOf(id.slice(1, 8));
    let sum = 0;
    digits.forEach((digit, index) => {
      if (index % 2 === 0) {
        const doubled = digit * 2;
        sum += Math.floor(doubled / 10) + (doubled % 10);
      } else {
        sum += digit;
      }
    });
    const control = (10 - (sum % 10)) % 10;
    const last = id.charAt(8);
    return last === String(control) || last === 'JABCDEFGHI'.charAt(control) ? 'CIF' : null;
  }
  return null;
}

function peruvianRuc(id: string): string | null {
  if (!/^(10|15|17|20)\d{9}$/.test(id)) return null;
  const digits = digitsOf(id);
  const remainder = 11 - (weightedSum(digits, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  const check = remainder === 10 ? 0 : remainder === 11 ? 1 : remainder;
  return check === digits[10] ? 'RUC' : null;
}

function norwegian(id: string): string | null {
  if (!/^\d{9}$/.test(id)) return null;
  const digits = digitsOf(id);
  const remainder = weightedSum(digits, [3, 2, 7, 6, 5, 4, 3, 2]) % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === digits[8] ? 'Organisasjonsnummer' : null;
}

function luhn(digits: number[]): boolean {
  let sum = 0;
  [...digits].reverse().forEach((digit, index) => {
    const value = index % 2 === 1 ? digit * 2 : digit;
    sum += value > 9 ? value - 9 : value;
  });
  return sum % 10 === 0;
}

function swedish(id: string): string | null {
  const ten = /^(16)?(\d{10})$/.exec(id)?.[2];
  return ten && luhn(digitsOf(ten)) ? 'Organisationsnummer' : null;
}

function danish(id: string): string | null {
  if (!/^\d{8}$/.test(id)) return null;
  return weightedSum(digitsOf(id), [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0 ? 'CVR' : null;
}

function british(id: string): string | null {
  if (/^\d{8}$/.test(id) || /^\d{6}$/.test(id)) return 'Company number';
  if (/^(SC|NI|OC|SO|NC|LP|SL|NL|R0|IP|SP|RS|FC|SF|NF|GE|ES|SA|GS)\d{6}$/.test(id)) return 'Company number';
  if (/^\d{9}$/.test(id) || /^\d{12}$/.test(id)) return 'VAT number';
  return null;
}

const checkers: Record<string, (id: string) => string | null> = {
  ES: spanish,
  PE: peruvianRuc,
  NO: norwegian,
  SE: swedish,
  DK: danish,
  GB: british,
};

/** Validates a tax id for the account's country; unknown countries accept 3–30 letters and digits. */
export function checkTaxId(value: string, country: string | null | undefined): TaxIdCheck {
  const normalized = normalizeTaxIdFor(value, country);
  const checker = country ? checkers[country] : undefined;
  if (!checker) return { valid: /^[0-9A-Z]{3,30}$/.test(normalized), normalized, kind: null };
  const kind = checker(normalized);
  return { valid: kind !== null, normalized, kind };
}

/** Countries with a specific check, for the form's hint. */
export const taxIdCountries = Object.keys(checkers);
