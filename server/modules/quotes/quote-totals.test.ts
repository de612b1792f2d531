import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lineMoney, quoteMoney, type TotalsLine } from './quote-totals';

// A reference implementation written another way: quantities and rates as decimal texts turned into
// exact fractions, rounded by comparing the remainder with half the denominator.

type Fraction = { n: bigint; d: bigint };
const decimal = (text: string): Fraction => {
  const [whole = '0', fraction = ''] = text.split('.');
  return { n: BigInt(whole + fraction), d: 10n ** BigInt(fraction.length) };
};
const roundHalfUp = ({ n, d }: Fraction): bigint => {
  const floor = n / d;
  return (n % d) * 2n >= d ? floor + 1n : floor;
};
const times = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });
const percent = (text: string): Fraction => { const f = decimal(text); return { n: f.n, d: f.d * 100n }; };
const thousandths = (value: number): string => `${Math.floor(value / 1000)}.${String(value % 1000).padStart(3, '0')}`;
const hundredthsText = (value: number): string => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;

function reference(lines: TotalsLine[]) {
  let net = 0n;
  let tax = 0n;
  const byRate = new Map<number, { base: bigint; tax: bigint }>();
  for (const line of lines) {
    if (line.kind !== 'item') continue;
    const gross = roundHalfUp(times(decimal(thousandths(line.quantityMilli)), { n: BigInt(line.unitPrice), d: 1n }));
    const discount = line.discountBp !== null ? roundHalfUp(times({ n: gross, d: 1n }, percent(hundredthsText(line.discountBp)))) : BigInt(line.discountAmount ?? 0);
    const lineNet = gross - discount;
    const lineTax = roundHalfUp(times({ n: lineNet, d: 1n }, percent(hundredthsText(line.taxBp))));
    net += lineNet;
    tax += lineTax;
    const bucket = byRate.get(line.taxBp) ?? { base: 0n, tax: 0n };
    byRate.set(line.taxBp, { base: bucket.base + lineNet, tax: bucket.tax + lineTax });
  }
  return {
    netTotal: Number(net), taxTotal: Number(tax), total: Number(net + tax),
    taxes: [...byRate.entries()].sort(([a], [b]) => a - b).map(([rateBp, bucket]) => ({ rateBp, base: Number(bucket.base), tax: Number(bucket.tax) })),
  };
}

const rates = [0, 400, 1000, 1050, 1800, 2100];
const itemLine: fc.Arbitrary<TotalsLine> = fc.record({
  quantityMilli: fc.integer({ min: 1, max: 10_000_000 }),
  unitPrice: fc.integer({ min: 0, max: 100_000_000 }),
  taxBp: fc.constantFrom(...rates),
  discount: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10_000 }).map((bp) => ({ bp })), fc.integer({ min: 0, max: 100 }).map((share) => ({ share }))),
}).map(({ quantityMilli, unitPrice, taxBp, discount }) => {
  // An amount discount is a share of the gross (it may not exceed it).
  const gross = Math.round((quantityMilli * unitPrice) / 1000);
  return {
    kind: 'item' as const, quantityMilli, unitPrice, taxBp,
    discountBp: discount && 'bp' in discount ? discount.bp : null,
    discountAmount: discount && 'share' in discount ? Math.floor((gross * discount.share) / 100) : null,
  };
});
const anyLine = fc.oneof({ weight: 8, arbitrary: itemLine }, { weight: 1, arbitrary: fc.constantFrom<TotalsLine>(
  { kind: 'section', quantityMilli: 0, unitPrice: 0, discountBp: null, discountAmount: null, taxBp: 0 },
  { kind: 'note', quantityMilli: 0, unitPrice: 0, discountBp: null, discountAmount: null, taxBp: 0 },
) });

describe('quote totals', () => {
  test('agree with the reference for many random quotes, and their lines add up to them', () => {
    fc.assert(fc.property(fc.array(anyLine, { maxLength: 60 }), (lines) => {
      const money = quoteMoney(lines);
      const expected = reference(lines);
      expect({ netTotal: money.netTotal, taxTotal: money.taxTotal, total: money.total, taxes: money.taxes }).toEqual(expected);
      expect(money.lines.reduce((sum, line) => sum + line.net, 0)).toBe(money.netTotal);
      expect(money.taxes.reduce((sum, bucket) => sum + bucket.tax, 0)).toBe(money.taxTotal);
    }), { numRuns: 2000 });
  });

  test('the documented examples: per line rounded half up, then summed', () => {
    // 1.5 h × 33.33 = 49.995 → 50.00; 18% of 50.00 = 9.00.
    expect(lineMoney({ kind: 'item', quantityMilli: 1500, unitPrice: 3333, discountBp: null, discountAmount: null, taxBp: 1800 })).toEqual({ gross: 5000, discount: 0, net: 5000, tax: 900 });
    // 3 × 0.35 with 10% off: 1.05 − 0.105→0.11 = 0.94; 21% → 0.1974 → 0.20.
    expect(lineMoney({ kind: 'item', quantityMilli: 3000, unitPrice: 35, discountBp: 1000, discountAmount: null, taxBp: 2100 })).toEqual({ gross: 105, discount: 11, net: 94, tax: 20 });
    // Three lines of 0.05 at 10%: each tax 0.005 → 0.01, so 0.03 (not 0.015 → 0.02 on the sum).
    const cent = { kind: 'item' as const, quantityMilli: 1000, unitPrice: 5, discountBp: null, discountAmount: null, taxBp: 1000 };
    expect(quoteMoney([cent, cent, cent])).toMatchObject({ netTotal: 15, taxTotal: 3, total: 18, taxes: [{ rateBp: 1000, base: 15, tax: 3 }] });
  });

  test('a discount amount above the line is refused', () => {
    expect(() => lineMoney({ kind: 'item', quantityMilli: 1000, unitPrice: 100, discountBp: null, discountAmount: 101, taxBp: 0 })).toThrow(RangeError);
  });
});
