import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18next } from '@web/app/i18n';
import { formatDate, formatDateTime, formatNumber, formatTotal, totalPrecision } from './format';

beforeAll(async () => {
  await i18next.init({ lng: 'es', resources: {} });
});
afterAll(async () => {
  await i18next.changeLanguage('es');
});

describe('formatDate', () => {
  it('follows the language switch (formatters are kept per language)', async () => {
    const iso = '2026-11-22T10:30:00Z';
    const spanish = formatDate(iso);
    expect(formatDate(iso)).toBe(spanish);
    await i18next.changeLanguage('en');
    expect(formatDate(iso)).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso)));
    expect(formatDate(iso)).not.toBe(spanish);
    expect(formatDateTime(iso)).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)));
  });

  it('leaves empty and unreadable values as they are', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('formatTotal', () => {
  it('tells an exact total, a lower bound and an estimate apart', async () => {
    await i18next.changeLanguage('es');
    expect(formatTotal(9_999, false)).toBe('9999');
    expect(formatTotal(10_000, true)).toBe('10.000+');
    expect(formatTotal(300_000, true)).toBe('≈ 300.000');
    await i18next.changeLanguage('en');
    expect(formatTotal(300_000, true)).toBe('≈ 300,000');
  });
});

describe('totalPrecision', () => {
  it('calls an exact total exact, the capped count a lower bound and anything past it an estimate', () => {
    expect(totalPrecision(310_000, false)).toBe('exact');
    expect(totalPrecision(10_000, true)).toBe('lowerBound');
    expect(totalPrecision(310_000, true)).toBe('estimate');
  });
});

describe('formatNumber', () => {
  it('groups digits the way the language does', async () => {
    await i18next.changeLanguage('es');
    expect(formatNumber(310_000)).toBe('310.000');
    await i18next.changeLanguage('en');
    expect(formatNumber(310_000)).toBe('310,000');
  });
});
