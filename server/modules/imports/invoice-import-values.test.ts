import { describe, expect, test } from 'vitest';
import { parseAmount, parseDay, parseInvoiceRow, taxKeysOf } from './invoice-import-values';

describe('reading an invoices file\'s cells', () => {
  test.each([
    ['1.234,56 €', 'EUR', 123_456], ['1,234.56', 'EUR', 123_456], ['1234.5', 'EUR', 123_450], ['1234,5', 'EUR', 123_450], ['1 234,56', 'EUR', 123_456],
    ['1.234', 'EUR', 123_400], ['1,234', 'USD', 123_400], ['1.234.567', 'EUR', 123_456_700], ['EUR 12,00', 'EUR', 1200], ['0.125', 'BHD', 125],
    ['1.234', 'JPY', 1234], ['12', 'EUR', 1200], ['-5,00', 'EUR', 'negative'], ['(5,00)', 'EUR', 'negative'], ['doce', 'EUR', null], ['1,2,3.4.5', 'EUR', null], ['1,234', 'JPY', 1234],
  ])('amount %s in %s → %s', (text, currency, expected) => {
    expect(parseAmount(text, currency)).toBe(expected);
  });

  test.each([
    ['2026-03-10', '2026-03-10'], ['2026-03-10T00:00:00Z', '2026-03-10'], ['10/03/2026', '2026-03-10'], ['1.3.26', '2026-03-01'], ['10-03-2026', '2026-03-10'],
    ['31/02/2026', null], ['2026-13-01', null], ['mañana', null], ['03/10', null],
  ])('date %s → %s', (text, expected) => {
    expect(parseDay(text)).toBe(expected);
  });

  test('tax ids are tried bare and without a VAT country prefix', () => {
    expect(taxKeysOf('ES-B58.378.431')).toEqual(['ESB58378431', 'B58378431']);
    expect(taxKeysOf('20100070970')).toEqual(['20100070970']);
  });

  test('any two of net, tax and total give the third; paid decides the status unless the file says draft or cancelled', () => {
    const row = (values: Record<string, string>) => parseInvoiceRow({ number: 'F-1', taxId: 'B58378431', issueDate: '2026-03-10', ...values }, { currency: 'EUR' });
    expect(row({ total: '121', tax: '21' })).toMatchObject({ ok: true, row: { net: 10_000, tax: 2100, paid: 0, status: 'issued', currency: 'EUR' } });
    expect(row({ net: '100', total: '121', paid: '121' })).toMatchObject({ ok: true, row: { tax: 2100, paid: 12_100, status: 'paid' } });
    expect(row({ total: '121', status: 'Cobrada' })).toMatchObject({ ok: true, row: { net: 12_100, tax: 0, paid: 12_100, status: 'paid' } });
    expect(row({ total: '121', paid: '21', status: 'Pagada' })).toMatchObject({ ok: true, row: { paid: 2100, status: 'partly_paid' } });
    expect(row({ total: '121', status: 'Anulada' })).toMatchObject({ ok: true, row: { status: 'cancelled', paid: 0 } });
    expect(row({ total: '121', currency: 'usd', language: 'English' })).toMatchObject({ ok: true, row: { currency: 'USD', language: 'en' } });
    const codes = (values: Record<string, string>) => { const result = row(values); return result.ok ? [] : result.errors.map((error) => `${error.field}:${error.code}`); };
    expect(codes({ net: '100' })).toEqual(['total:required']);
    expect(codes({ net: '100', tax: '21', total: '120' })).toEqual(['total:total_mismatch']);
    expect(codes({ total: '121', paid: '200' })).toEqual(['paid:exceeds_total']);
    expect(codes({ total: '121', currency: 'XXY' })).toEqual(['currency:unknown_currency']);
    expect(codes({ total: '121', status: 'Quizá' })).toEqual(['status:unknown_list_item']);
    expect(codes({ total: '121', dueDate: '2026-03-01' })).toEqual(['dueDate:due_before_issue']);
    expect(codes({ total: '121', number: '' })).toEqual(['number:required']);
    expect(codes({ total: '121', notes: 'x'.repeat(2001) })).toEqual(['notes:too_long']);
  });
});
