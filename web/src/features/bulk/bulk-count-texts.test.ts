import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18next } from '@web/app/i18n';
import { resources } from '@web/i18n/all-resources';
import { bulkCountTexts, bulkDiscardTexts } from './bulk-count-texts';

beforeAll(async () => {
  await i18next.init({ lng: 'es', resources, interpolation: { escapeValue: false } });
});
afterAll(async () => {
  await i18next.changeLanguage('es');
});

describe('bulkCountTexts', () => {
  it('gives ticked rows as an exact count', async () => {
    await i18next.changeLanguage('es');
    expect(bulkCountTexts(i18next.t, 1, false)).toEqual({ appliesTo: 'Se aplicará a 1 cuenta.', apply: 'Aplicar a 1 cuenta' });
    await i18next.changeLanguage('en');
    expect(bulkCountTexts(i18next.t, 12_345, false)).toEqual({ appliesTo: 'It will apply to 12,345 accounts.', apply: 'Apply to 12,345 accounts' });
  });

  it('says "about" for an estimated total', async () => {
    await i18next.changeLanguage('es');
    expect(bulkCountTexts(i18next.t, 310_000, true)).toEqual({ appliesTo: 'Se aplicará a unas 310.000 cuentas.', apply: 'Aplicar a unas 310.000 cuentas' });
    await i18next.changeLanguage('en');
    expect(bulkCountTexts(i18next.t, 310_000, true)).toEqual({ appliesTo: 'It will apply to about 310,000 accounts.', apply: 'Apply to about 310,000 accounts' });
  });

  it('says "more than" when the count stopped at its limit', async () => {
    await i18next.changeLanguage('es');
    expect(bulkCountTexts(i18next.t, 10_000, true).appliesTo).toBe('Se aplicará a más de 10.000 cuentas.');
    await i18next.changeLanguage('en');
    expect(bulkCountTexts(i18next.t, 10_000, true)).toEqual({ appliesTo: 'It will apply to more than 10,000 accounts.', apply: 'Apply to more than 10,000 accounts' });
  });

  it('still finds a text where Spanish uses its "many" plural (a million)', async () => {
    await i18next.changeLanguage('es');
    expect(bulkCountTexts(i18next.t, 1_000_000, true).appliesTo).toBe('Se aplicará a unas 1.000.000 cuentas.');
  });

  it('words the discard confirmation the same way', async () => {
    await i18next.changeLanguage('es');
    expect(bulkDiscardTexts(i18next.t, 3, false)).toEqual({ title: '¿Descartar 3 cuentas?', confirm: 'Descartar 3 cuentas' });
    expect(bulkDiscardTexts(i18next.t, 310_000, true)).toEqual({ title: '¿Descartar unas 310.000 cuentas?', confirm: 'Descartar unas 310.000 cuentas' });
    await i18next.changeLanguage('en');
    expect(bulkDiscardTexts(i18next.t, 10_000, true)).toEqual({ title: 'Discard more than 10,000 accounts?', confirm: 'Discard more than 10,000 accounts' });
  });
});
