import { hundredths } from '@contract/products';
import { thousandths, type QuoteLineInput, type QuoteTotals } from '@contract/quotes';
import { quoteLinesSchema } from '@contract/quotes';
import type { Db } from '@server/db/database';
import { AppError, type FieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { findProductViews } from '@server/modules/catalog/products.repo';
import { quoteMoney, type TotalsLine } from './quote-totals';
import type { QuoteLineRow } from './quotes.repo';

type ParsedLine = ReturnType<typeof quoteLinesSchema.parse>[number];

/**
 * A quote's lines as rows, checked and priced: an item names an existing product or none, takes
 * the product's price and default tax rate when it sends none (only in the product's currency),
 * and has at most one discount, never above the line. Sections and notes carry text only. All
 * field errors come back together, named `lines.N.field`.
 */
export async function lineRows(db: Db, quoteId: string, currency: string, inputs: ParsedLine[]): Promise<{ rows: QuoteLineRow[]; totals: QuoteTotals }> {
  const products = new Map((await findProductViews(db, [...new Set(inputs.flatMap((line) => line.productId ?? []))])).map((product) => [product.id, product]));
  const errors: FieldError[] = [];
  const totalsLines: TotalsLine[] = [];
  const drafts = inputs.map((line, index) => {
    const fail = (field: string, code: string) => errors.push({ field: `lines.${index}.${field}`, code });
    const product = line.productId ? products.get(line.productId) : undefined;
    if (line.productId && !product) fail('productId', 'unknown_product');
    const item = line.kind === 'item';
    const samePrice = product && product.currency === currency ? Number(product.price) : undefined;
    const unitPrice = item ? (line.unitPrice ?? samePrice) : 0;
    if (item && unitPrice === undefined) fail('unitPrice', 'required');
    if (item && line.discountPercent != null && line.discountAmount != null) fail('discountAmount', 'one_of');
    const taxBp = item ? hundredths(line.taxRate ?? (product?.tax_rate_bp != null ? product.tax_rate_bp / 100 : 0)) ?? 0 : 0;
    const totals: TotalsLine = {
      kind: line.kind, quantityMilli: item ? (thousandths(line.quantity ?? 1) ?? 0) : 0, unitPrice: unitPrice ?? 0,
      discountBp: item && line.discountPercent != null ? hundredths(line.discountPercent) : null,
      discountAmount: item && line.discountPercent == null && line.discountAmount != null ? line.discountAmount : null, taxBp,
    };
    totalsLines.push(totals);
    return { line, totals, index };
  });
  if (errors.length > 0) throw new AppError('validation_failed', { fields: errors });
  let money;
  try {
    money = quoteMoney(totalsLines);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // Find the line at fault for the message: a discount above its line, or figures too large to hold.
    for (const { totals, index } of drafts) {
      try { quoteMoney([totals]); } catch { errors.push({ field: `lines.${index}.${totals.discountAmount !== null ? 'discountAmount' : 'unitPrice'}`, code: totals.discountAmount !== null ? 'discount_too_large' : 'too_big' }); }
    }
    throw new AppError('validation_failed', { fields: errors.length > 0 ? errors : [{ field: 'lines', code: 'too_big' }] });
  }
  const rows = drafts.map(({ line, totals, index }): QuoteLineRow => ({
    id: newId(), quote_id: quoteId, position: index, kind: line.kind, product_id: line.productId ?? null, description: line.description,
    quantity_milli: totals.quantityMilli, unit: line.kind === 'item' ? (line.unit ?? null) : null, unit_price: totals.unitPrice,
    discount_bp: totals.discountBp, discount_amount: totals.discountAmount, tax_bp: totals.taxBp,
    net: money.lines[index]?.net ?? 0, tax: money.lines[index]?.tax ?? 0,
  }));
  return { rows, totals: totalsOf(money) };
}

export const totalsOf = (money: ReturnType<typeof quoteMoney>): QuoteTotals => ({
  netTotal: money.netTotal, taxTotal: money.taxTotal, total: money.total,
  taxes: money.taxes.map((bucket) => ({ rate: bucket.rateBp / 100, base: bucket.base, tax: bucket.tax })),
  lines: money.lines.map((line) => ({ net: line.net, tax: line.tax })),
});

/** Stored lines back into the totals rule's terms (a revision copies them; the PDF groups their taxes). */
export const totalsLineOf = (row: QuoteLineRow): TotalsLine => ({
  kind: row.kind, quantityMilli: Number(row.quantity_milli), unitPrice: Number(row.unit_price), discountBp: row.discount_bp,
  discountAmount: row.discount_amount === null ? null : Number(row.discount_amount), taxBp: row.tax_bp,
});

/** Totals of lines not saved: what the editor shows while the user types. */
export async function previewTotals(db: Db, currency: string, lines: QuoteLineInput[]): Promise<QuoteTotals> {
  return (await lineRows(db, 'preview', currency, quoteLinesSchema.parse(lines))).totals;
}
