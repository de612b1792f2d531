import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalizeEmail, normalizePhone, normalizeText, phoneSearchForms, searchWords } from './normalize';

describe('normalizeText', () => {
  test.each([
    ['Ángela  García', 'angela garcia'],
    ['ÑANDÚ', 'nandu'],
    ['  Çedille\tÉmile\n', 'cedille emile'],
    ['Ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
    ['Straße', 'straße'],
    ['Øresund', 'øresund'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  test('accented and plain spellings meet: what sorts and matches together', () => {
    expect(normalizeText('Ángela')).toBe(normalizeText('angela'));
    expect(normalizeText('MÁLAGA')).toBe(normalizeText('málaga'));
  });

  test('is idempotent: normalising a stored twin again changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        const once = normalizeText(value);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  test('never leaves upper case, combining marks or edge spaces on Latin text (property)', () => {
    const latin = fc.string({ unit: fc.constantFrom(...'aAáÁeEéÉiIíÍoOóÓuUúÚüÜnNñÑcCçÇ -'.split('')), maxLength: 30 });
    fc.assert(
      fc.property(latin, (value) => {
        const result = normalizeText(value);
        expect(result).toBe(result.toLowerCase());
        expect(result).not.toMatch(/\p{M}/u);
        expect(result).toBe(result.trim());
        expect(result).not.toMatch(/ {2}/);
      }),
    );
  });
});

describe('searchWords', () => {
  test('splits on punctuation but keeps e-mails, domains and hyphenated words whole', () => {
    expect(searchWords('Quesería  Zubizarreta, S.L.')).toEqual(['queseria', 'zubizarreta', 's.l.']);
    expect(searchWords('pedidos@quesos-manchegos.example')).toEqual(['pedidos@quesos-manchegos.example']);
    expect(searchWords('  ')).toEqual([]);
  });
});

describe('phones', () => {
  test.each([
    ['+34 612 34 56 78', null, '+34612345678'],
    ['612 345 678', 'ES', '+34612345678'],
    ['(555) 123-4567', 'US', '+15551234567'],
    ['0034 612 345 678', null, '0034612345678'],
    ['ext. 12', null, '12'],
  ])('normalizePhone(%s, %s) → %s', (input, country, expected) => {
    expect(normalizePhone(input, country)).toBe(expected);
  });

  test('a number can be found as E.164, without the plus, nationally, and as typed', () => {
    expect(phoneSearchForms('612 345 678', 'ES')).toEqual(['+34612345678', '34612345678', '612345678']);
    expect(phoneSearchForms('+34 612 345 678', null)).toEqual(['+34612345678', '34612345678', '612345678']);
    expect(phoneSearchForms('12-34', null)).toEqual(['1234']);
  });

  test('a lower-case or unknown country code is ignored instead of failing', () => {
    expect(normalizePhone('612 345 678', 'es')).toBe('612345678');
    expect(normalizePhone('612 345 678', 'ZZ')).toBe('612345678');
  });
});

describe('e-mails', () => {
  test('e-mails are trimmed and lower-cased', () => {
    expect(normalizeEmail('  Info@Example.COM ')).toBe('info@example.com');
  });
});
