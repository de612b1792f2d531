import { businessDocument, type PdfCustomer, type PdfIssuer, type TableRow } from '@server/lib/pdf/business-document';
import { dateText, moneyText, numberText, renderPdf } from '@server/lib/pdf/pdf-render';
import { quoteMoney } from './quote-totals';
import { totalsLineOf } from './quote-lines';
import { pdfTexts } from './quote-pdf-texts';
import type { QuoteLineRow, QuoteRow } from './quotes.repo';

export type PdfInput = { quote: QuoteRow; lines: QuoteLineRow[]; customer: PdfCustomer; issuer: PdfIssuer };

function rowOf(line: QuoteLineRow, quote: QuoteRow): TableRow {
  if (line.kind !== 'item') return { kind: line.kind, text: line.description };
  const language = quote.language;
  const money = (amount: number) => moneyText(amount, quote.currency, language);
  const discount = line.discount_bp !== null ? (line.discount_bp > 0 ? `${numberText(line.discount_bp / 100, language, 2)} %` : '') : line.discount_amount ? money(Number(line.discount_amount)) : '';
  return {
    kind: 'item',
    cells: [
      line.description, numberText(Number(line.quantity_milli) / 1000, language, 3), line.unit ?? '', money(Number(line.unit_price)),
      discount, `${numberText(line.tax_bp / 100, language, 2)} %`, money(Number(line.net)),
    ],
  };
}

/** The quote's PDF bytes, in the quote's language, on the business document layout. */
export async function renderQuotePdf(input: PdfInput): Promise<Buffer> {
  const { quote, lines } = input;
  const language = quote.language;
  const texts = pdfTexts[language];
  return renderPdf(businessDocument({
    language, texts, title: texts.title, number: quote.number ?? '', issuer: input.issuer, customer: input.customer, currency: quote.currency,
    facts: [
      [texts.number, quote.number ?? texts.draft], [texts.issued, dateText(quote.issue_date, language)], [texts.validUntil, dateText(quote.valid_until, language)],
      ...(quote.revision > 1 ? [[texts.revision, String(quote.revision)] satisfies [string, string]] : []),
    ],
    table: {
      columns: [
        { header: texts.description, width: '*', align: 'left' }, { header: texts.quantity, width: 34, align: 'right' }, { header: texts.unit, width: 34, align: 'left' },
        { header: texts.unitPrice, width: 58, align: 'right' }, { header: texts.discount, width: 40, align: 'right' }, { header: texts.tax, width: 48, align: 'right' },
        { header: texts.amount, width: 62, align: 'right' },
      ],
      rows: lines.map((line) => rowOf(line, quote)),
    },
    taxes: quoteMoney(lines.map(totalsLineOf)).taxes,
    totals: [
      { label: texts.netTotal, amount: Number(quote.net_total) }, { label: texts.taxTotal, amount: Number(quote.tax_total) }, { label: texts.total, amount: Number(quote.total) },
    ],
    paragraphs: [
      { title: null, text: quote.exchange_rate ? `${texts.exchangeRate}: 1 ${quote.currency} = ${quote.exchange_rate} ${quote.base_currency}` : null },
      { title: texts.paymentTerms, text: quote.payment_terms },
      { title: texts.notes, text: quote.notes },
      { title: texts.terms, text: quote.terms },
    ],
  }));
}
