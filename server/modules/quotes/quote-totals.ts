// How a quote's money is computed: on the server, in integer minor units, the same on both
// databases (the database only stores the results). The rule, line by line:
//
//   gross    = quantity × unit price, rounded to the minor unit (quantity is in thousandths)
//   discount = gross × discount % rounded, or the discount amount as given (never above gross)
//   net      = gross − discount
//   tax      = net × tax rate rounded
//
// Every rounding is half away from zero (amounts are never negative: half up). Then the quote's
// totals are the sums of its lines' nets and taxes (no rounding on the sums), and the tax
// breakdown groups the lines by rate: per rate, the sum of the nets (the base) and of the taxes.
// Rounding per line and then summing means a line's figures on the PDF always add up to the
// totals, which is what a customer checks by hand.

/** A line as the totals rule reads it: only items carry money; sections and notes count zero. */
export type TotalsLine = {
  kind: 'item' | 'section' | 'note';
  /** Thousandths of the quantity: 1500 is 1.5. */
  quantityMilli: number;
  unitPrice: number;
  /** Hundredths of a percent (1250 is 12.5%), or an amount in minor units; at most one. */
  discountBp: number | null;
  discountAmount: number | null;
  /** Hundredths of a percent: 1800 is 18%. */
  taxBp: number;
};

export type LineMoney = { gross: number; discount: number; net: number; tax: number };
export type TaxBucket = { rateBp: number; base: number; tax: number };
export type QuoteMoney = { lines: LineMoney[]; netTotal: number; taxTotal: number; total: number; taxes: TaxBucket[] };

/** a × b / d rounded half up, for non-negative integers, exactly (BigInt: no float ever touches money). */
function mulDivRound(a: bigint, b: bigint, d: bigint): bigint {
  return (a * b * 2n + d) / (2n * d);
}

const safe = (value: bigint): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount too large');
  return Number(value);
};

/** One line's money under the rule above. A discount amount above the gross is refused (RangeError). */
export function lineMoney(line: TotalsLine): LineMoney {
  if (line.kind !== 'item') return { gross: 0, discount: 0, net: 0, tax: 0 };
  const gross = mulDivRound(BigInt(line.quantityMilli), BigInt(line.unitPrice), 1000n);
  let discount = 0n;
  if (line.discountBp !== null) discount = mulDivRound(gross, BigInt(line.discountBp), 10_000n);
  else if (line.discountAmount !== null) discount = BigInt(line.discountAmount);
  if (discount > gross) throw new RangeError('discount above the line amount');
  const net = gross - discount;
  const tax = mulDivRound(net, BigInt(line.taxBp), 10_000n);
  return { gross: safe(gross), discount: safe(discount), net: safe(net), tax: safe(tax) };
}

/** A quote's lines and totals: each line rounded, then summed; taxes grouped by rate, lowest rate first. */
export function quoteMoney(lines: TotalsLine[]): QuoteMoney {
  const money = lines.map(lineMoney);
  const buckets = new Map<number, { base: bigint; tax: bigint }>();
  let net = 0n;
  let tax = 0n;
  lines.forEach((line, index) => {
    const figures = money[index];
    if (line.kind !== 'item' || !figures) return;
    net += BigInt(figures.net);
    tax += BigInt(figures.tax);
    const bucket = buckets.get(line.taxBp) ?? { base: 0n, tax: 0n };
    bucket.base += BigInt(figures.net);
    bucket.tax += BigInt(figures.tax);
    buckets.set(line.taxBp, bucket);
  });
  const taxes = [...buckets.entries()].sort(([a], [b]) => a - b).map(([rateBp, bucket]) => ({ rateBp, base: safe(bucket.base), tax: safe(bucket.tax) }));
  return { lines: money, netTotal: safe(net), taxTotal: safe(tax), total: safe(net + tax), taxes };
}
