import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkTaxId, normalizeTaxIdFor } from './tax-id';

describe('tax id by country', () => {
  test.each([
    ['ES', '12345678Z', 'NIF'],
    ['ES', '12.345.678-z', 'NIF'],
    ['ES', 'X1234567L', 'NIE'],
    ['ES', 'B-58378431', 'CIF'],
    ['ES', 'ESB58378431', 'CIF'],
    ['ES', 'Q2826000H', 'CIF'],
    ['PE', '20100047218', 'RUC'],
    ['PE', '10467793549', 'RUC'],
    ['NO', '923 609 016', 'Organisasjonsnummer'],
    ['SE', '556036-0793', 'Organisationsnummer'],
    ['DK', '13585628', 'CVR'],
    ['GB', '00445790', 'Company number'],
    ['GB', 'SC123456', 'Company number'],
  ])('%s %s is a valid %s', (country, value, kind) => {
    expect(checkTaxId(value, country)).toMatchObject({ valid: true, kind });
  });

  test.each([
    ['ES', '12345678A'],
    ['ES', 'X1234567A'],
    ['ES', 'B58378432'],
    ['PE', '20100047219'],
    ['PE', '123'],
    ['NO', '923609017'],
    ['SE', '5560360794'],
    ['DK', '13585629'],
    ['GB', 'XX12'],
  ])('%s %s is refused', (country, value) => {
    expect(checkTaxId(value, country).valid).toBe(false);
  });

  test('other countries and no country get a lenient check', () => {
    expect(checkTaxId('FR 123 456 789', 'FR')).toEqual({ valid: true, normalized: '123456789', kind: null });
    expect(checkTaxId('AB', null).valid).toBe(false);
  });

  test('normalising is idempotent and drops separators', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('ES', 'PE', 'NO', 'SE', 'DK', 'GB', 'FR', null), (value, country) => {
        const once = normalizeTaxIdFor(value, country);
        expect(normalizeTaxIdFor(once, country)).toBe(once);
        expect(once).toMatch(/^[0-9A-Z]*$/);
      }),
    );
  });
});
