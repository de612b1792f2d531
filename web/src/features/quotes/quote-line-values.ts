import { majorText, minorUnits } from '@contract/money';
import type { Product } from '@contract/products';
import { quoteLineInputSchema, type QuoteLine, type QuoteLineInput } from '@contract/quotes';

/**
 * A line as the editor holds it: figures as the user types them ("2,5", "19,99"), a key that
 * stays with the line while it is dragged. Only the server prices lines; these are its inputs.
 */
export type LineDraft = {
  key: string;
  kind: QuoteLine['kind'];
  productId: string | null;
  description: string;
  quantity: string;
  unit: string | null;
  /** Major units of the quote's currency ("19,99"). */
  unitPrice: string;
  discountKind: 'percent' | 'amount';
  discount: string;
  /** The percentage, as the tax-rate select's value ("18"). */
  taxRate: string;
};

let counter = 0;
const nextKey = () => `line-${Date.now().toString(36)}-${(counter += 1)}`;

/** A decimal typed with a comma or a point ("2,5") as a number; null when it is not one. */
export function decimalOf(text: string): number | null {
  const match = /^\s*(\d{1,12})(?:[.,](\d{1,6}))?\s*$/.exec(text);
  return match ? Number(`${match[1] ?? '0'}.${match[2] ?? '0'}`) : null;
}

/** A number as the user's language writes it, without grouping ("2,5" in Spanish). */
const decimalText = (value: number, language: string) => new Intl.NumberFormat(language, { useGrouping: false, maximumFractionDigits: 3 }).format(value);
const moneyText = (amount: number, currency: string, language: string) => {
  const text = majorText(amount, currency);
  return language.startsWith('es') ? text.replace('.', ',') : text;
};

export function emptyLine(kind: QuoteLine['kind'], taxRate = '0'): LineDraft {
  return { key: nextKey(), kind, productId: null, description: '', quantity: '1', unit: null, unitPrice: '', discountKind: 'percent', discount: '', taxRate };
}

export function draftOf(line: QuoteLine, currency: string, language: string): LineDraft {
  const amount = line.discountAmount !== null;
  return {
    key: line.id, kind: line.kind, productId: line.productId, description: line.description, quantity: decimalText(line.quantity, language), unit: line.unit,
    unitPrice: line.kind === 'item' ? moneyText(line.unitPrice, currency, language) : '',
    discountKind: amount ? 'amount' : 'percent',
    discount: amount ? moneyText(line.discountAmount ?? 0, currency, language) : line.discountPercent === null ? '' : decimalText(line.discountPercent, language),
    taxRate: String(line.taxRate),
  };
}

/** A catalog product as a new line: its price only when it is in the quote's currency (the server never converts). */
export function lineFromProduct(product: Product, currency: string, language: string): LineDraft {
  return {
    ...emptyLine('item', product.taxRate === null ? '0' : String(product.taxRate)),
    productId: product.id, description: product.description ? `${product.name}\n${product.description}` : product.name, unit: product.unit,
    unitPrice: product.currency === currency ? moneyText(product.price, currency, language) : '',
  };
}

/** Which of a line's fields do not read as what the API takes. */
export type LineProblems = Partial<Record<'description' | 'quantity' | 'unitPrice' | 'discount', true>>;

/** A draft as the API's line, or the fields at fault. */
export function inputOf(draft: LineDraft, currency: string): { input: QuoteLineInput; problems: null } | { input: null; problems: LineProblems } {
  const problems: LineProblems = {};
  if (!draft.description.trim()) problems.description = true;
  if (draft.kind !== 'item') {
    return Object.keys(problems).length > 0 ? { input: null, problems } : { input: { kind: draft.kind, description: draft.description.trim() }, problems: null };
  }
  const quantity = decimalOf(draft.quantity);
  const unitPrice = minorUnits(draft.unitPrice, currency);
  const discountText = draft.discount.trim();
  const discount = discountText === '' ? null : draft.discountKind === 'percent' ? decimalOf(discountText) : minorUnits(discountText, currency);
  const input: QuoteLineInput = {
    kind: 'item', productId: draft.productId, description: draft.description.trim(), quantity: quantity ?? undefined, unit: draft.unit,
    unitPrice: unitPrice ?? undefined, taxRate: Number(draft.taxRate),
    ...(draft.discountKind === 'percent' ? { discountPercent: discount } : { discountAmount: discount }),
  };
  const checked = quoteLineInputSchema.safeParse(input);
  if (quantity === null || (!checked.success && checked.error.issues.some((issue) => issue.path[0] === 'quantity'))) problems.quantity = true;
  if (unitPrice === null) problems.unitPrice = true;
  if ((discountText !== '' && discount === null) || (!checked.success && checked.error.issues.some((issue) => String(issue.path[0]).startsWith('discount')))) problems.discount = true;
  return Object.keys(problems).length > 0 ? { input: null, problems } : { input, problems: null };
}

/** Every line as the API takes it, or null while any of them is not yet one. */
export function inputsOf(drafts: LineDraft[], currency: string): QuoteLineInput[] | null {
  const inputs: QuoteLineInput[] = [];
  for (const draft of drafts) {
    const { input } = inputOf(draft, currency);
    if (!input) return null;
    inputs.push(input);
  }
  return inputs;
}
