import { describe, expect, test } from 'vitest';
import type { Product } from '@contract/products';
import { decimalOf, draftOf, emptyLine, inputOf, inputsOf, lineFromProduct } from './quote-line-values';

const product: Product = {
  id: '0190a5e0-0000-7000-8000-000000000001', code: 'ENCH', name: 'Enchufe doble', description: null, kind: 'product', unit: 'unit', category: null,
  price: 1999, currency: 'EUR', taxRateId: null, taxRate: 21, active: true, imageUrl: null, createdAt: '', updatedAt: '', version: 1,
};

describe('quote line values', () => {
  test('decimals typed with a comma or a point', () => {
    expect([decimalOf('2,5'), decimalOf('2.5'), decimalOf(' 3 '), decimalOf('1.234,5'), decimalOf('')]).toEqual([2.5, 2.5, 3, null, null]);
  });

  test('a line typed in Spanish becomes the API line in minor units, with its discount as typed', () => {
    const line = { ...emptyLine('item', '18'), description: 'Mano de obra', quantity: '2,5', unitPrice: '40,00', discount: '10' };
    expect(inputOf(line, 'EUR').input).toMatchObject({ kind: 'item', description: 'Mano de obra', quantity: 2.5, unitPrice: 4000, discountPercent: 10, taxRate: 18 });
    expect(inputOf({ ...line, discountKind: 'amount', discount: '1,5' }, 'EUR').input).toMatchObject({ discountAmount: 150 });
    // Yen has no minor digits: "1500" is 1500.
    expect(inputOf({ ...line, unitPrice: '1500', discount: '' }, 'JPY').input).toMatchObject({ unitPrice: 1500, discountPercent: null });
  });

  test('what does not read as a figure names its field, and no line list is sent', () => {
    const line = { ...emptyLine('item'), description: 'X', quantity: '1,2345', unitPrice: '3,999', discount: '101' };
    expect(inputOf(line, 'EUR').problems).toEqual({ quantity: true, unitPrice: true, discount: true });
    expect(inputsOf([line], 'EUR')).toBeNull();
    expect(inputOf({ ...emptyLine('section') }, 'EUR').problems).toEqual({ description: true });
  });

  test('a product gives its price only in its own currency', () => {
    expect(lineFromProduct(product, 'EUR', 'es')).toMatchObject({ productId: product.id, unitPrice: '19,99', taxRate: '21', unit: 'unit' });
    expect(lineFromProduct(product, 'PEN', 'en')).toMatchObject({ unitPrice: '' });
  });

  test('a saved line back into the editor reads as it was typed', () => {
    const saved = { id: 'l1', kind: 'item' as const, productId: null, description: 'Cable', quantity: 0.125, unit: 'kg', unitPrice: 12_050, discountPercent: null, discountAmount: 150, taxRate: 10.5, net: 0, tax: 0 };
    expect(draftOf(saved, 'EUR', 'es')).toMatchObject({ key: 'l1', quantity: '0,125', unitPrice: '120,50', discountKind: 'amount', discount: '1,50', taxRate: '10.5' });
  });
});
