import type { InvoiceRow } from '@server/db/database';
import type { InvoiceLinesTable } from '@server/db/invoice-tables';
import { businessDocument, type PdfCustomer, type PdfIssuer, type TableRow, type TaxBucketFigures } from '@server/lib/pdf/business-document';
import { dateText, moneyText, numberText, renderPdf } from '@server/lib/pdf/pdf-render';
import { invoicePdfTexts } from './invoice-pdf-texts';

export type InvoicePdfInput = { invoice: InvoiceRow; lines: InvoiceLinesTable[]; quoteNumber: string | null; customer: PdfCustomer; issuer: PdfIssuer };

/** The lines' taxes by rate, lowest first: per rate the sum of the nets (the base) and of the taxes, as the quote had them. */
function taxesOf(lines: InvoiceLinesTable[]): TaxBucketFigures[] {
  const buckets = new Map<number, TaxBucketFigures>();
  for (const line of lines) {
    if (line.kind !== 'item') continue;
    const bucket = buckets.get(line.tax_bp) ?? { rateBp: line.tax_bp, base: 0, tax: 0 };
    bucket.base += Number(line.net);
    bucket.tax += Number(line.tax);
    buckets.set(line.tax_bp, bucket);
  }
  return [...buckets.values()].sort((a, b) => a.rateBp - b.rateBp);
}

/** The invoice's PDF bytes, in the invoice's language, on the business document layout the quote uses. */
export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  const { invoice, lines } = input;
  const language = invoice.language;
  const texts = invoicePdfTexts[language];
  const money = (amount: number) => moneyText(amount, invoice.currency, language);
  const rows: TableRow[] = lines.map((line) => (line.kind === 'item'
    ? { kind: 'item', cells: [line.description, numberText(Number(line.quantity_milli) / 1000, language, 3), money(Number(line.unit_price)), `${numberText(line.tax_bp / 100, language, 2)} %`, money(Number(line.net))] }
    : { kind: line.kind, text: line.description }));
  const paid = Number(invoice.paid_amount);
  const status = invoice.status === 'draft' ? texts.draft : invoice.status === 'cancelled' ? texts.cancelled : null;
  return renderPdf(businessDocument({
    language, texts, title: texts.title, number: invoice.number, issuer: input.issuer, customer: input.customer, currency: invoice.currency,
    facts: [
      [texts.number, invoice.number], [texts.issued, dateText(invoice.issue_date, language)], [texts.dueDate, dateText(invoice.due_date, language)],
      ...(input.quoteNumber ? [[texts.quote, input.quoteNumber] satisfies [string, string]] : []),
      ...(status ? [[texts.status, status] satisfies [string, string]] : []),
    ],
    // An invoice made by hand has no lines: its totals say what was billed.
    table: rows.length === 0 ? null : {
      columns: [
        { header: texts.description, width: '*', align: 'left' }, { header: texts.quantity, width: 40, align: 'right' }, { header: texts.unitPrice, width: 64, align: 'right' },
        { header: texts.tax, width: 50, align: 'right' }, { header: texts.amount, width: 70, align: 'right' },
      ],
      rows,
    },
    taxes: taxesOf(lines),
    totals: [
      { label: texts.netTotal, amount: Number(invoice.net_total), strong: false }, { label: texts.taxTotal, amount: Number(invoice.tax_total), strong: false },
      { label: texts.total, amount: Number(invoice.total), strong: true },
      ...(paid > 0 ? [{ label: texts.paid, amount: paid, strong: false }, { label: texts.outstanding, amount: Number(invoice.total) - paid, strong: true }] : []),
    ],
    paragraphs: [{ title: texts.notes, text: invoice.notes }],
  }));
}
