import path from 'node:path';
import pdfmake from 'pdfmake';
import roboto from 'pdfmake/fonts/Roboto.js';
import type { Language } from '@contract/common';
import { minorDigits } from '@contract/money';
import { quoteMoney } from './quote-totals';
import { totalsLineOf } from './quote-lines';
import { pdfTexts, type PdfTexts } from './quote-pdf-texts';
import type { QuoteLineRow, QuoteRow, QuoteSettingsRow } from './quotes.repo';

// The quote as a PDF, built on the server with pdfmake in the quote's language. Fonts are its own
// Roboto (accents and ñ included); it may read nothing else from disk and fetch nothing.
const fontDir = path.dirname(roboto.Roboto.normal);
pdfmake.setFonts(roboto);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir));

export type PdfCustomer = { name: string; taxId: string | null; address: string[]; contactName: string | null };
export type PdfInput = { quote: QuoteRow; lines: QuoteLineRow[]; customer: PdfCustomer; settings: QuoteSettingsRow; logo: { bytes: Buffer; type: string } | null };

const locales: Record<Language, string> = { es: 'es-ES', en: 'en-GB' };

export function moneyText(amount: number, currency: string, language: Language): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locales[language], { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount / 10 ** digits);
}

const numberText = (value: number, language: Language, maxDigits: number) => new Intl.NumberFormat(locales[language], { maximumFractionDigits: maxDigits }).format(value);
export const dateText = (date: string, language: Language): string => new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

function linesTable(input: PdfInput, texts: PdfTexts): object {
  const { quote, lines } = input;
  const language = quote.language;
  const money = (amount: number) => moneyText(amount, quote.currency, language);
  const right = (text: string) => ({ text, alignment: 'right' });
  const header = [texts.description, texts.quantity, texts.unit, texts.unitPrice, texts.discount, texts.tax, texts.amount]
    .map((text, index) => ({ text, bold: true, fillColor: '#eeeeee', alignment: index === 0 || index === 2 ? 'left' : 'right' }));
  const body: object[][] = [header];
  for (const line of lines) {
    if (line.kind !== 'item') {
      const cell = line.kind === 'section' ? { text: line.description, bold: true, colSpan: 7, margin: [0, 4, 0, 0] } : { text: line.description, italics: true, colSpan: 7, color: '#555555' };
      body.push([cell, {}, {}, {}, {}, {}, {}]);
      continue;
    }
    const discount = line.discount_bp !== null ? (line.discount_bp > 0 ? `${numberText(line.discount_bp / 100, language, 2)} %` : '') : line.discount_amount ? money(Number(line.discount_amount)) : '';
    body.push([
      { text: line.description }, right(numberText(Number(line.quantity_milli) / 1000, language, 3)), { text: line.unit ?? '' }, right(money(Number(line.unit_price))),
      right(discount), right(`${numberText(line.tax_bp / 100, language, 2)} %`), right(money(Number(line.net))),
    ]);
  }
  return { table: { headerRows: 1, dontBreakRows: true, widths: ['*', 34, 34, 58, 40, 48, 62], body }, layout: 'lightHorizontalLines', fontSize: 9 };
}

function totalsBlock(input: PdfInput, texts: PdfTexts): object[] {
  const { quote, lines } = input;
  const language = quote.language;
  const money = (amount: number) => moneyText(amount, quote.currency, language);
  const taxes = quoteMoney(lines.map(totalsLineOf)).taxes;
  const breakdown = {
    table: {
      headerRows: 1, widths: [60, 80, 80],
      body: [
        [texts.rate, texts.base, texts.tax].map((text, index) => ({ text, bold: true, alignment: index === 0 ? 'left' : 'right' })),
        ...taxes.map((bucket) => [`${numberText(bucket.rateBp / 100, language, 2)} %`, { text: money(bucket.base), alignment: 'right' }, { text: money(bucket.tax), alignment: 'right' }]),
      ],
    },
    layout: 'lightHorizontalLines', fontSize: 9,
  };
  const totals = {
    table: {
      widths: [100, 90],
      body: [
        [texts.netTotal, { text: money(Number(quote.net_total)), alignment: 'right' }],
        [texts.taxTotal, { text: money(Number(quote.tax_total)), alignment: 'right' }],
        [{ text: texts.total, bold: true, fontSize: 12 }, { text: money(Number(quote.total)), bold: true, fontSize: 12, alignment: 'right' }],
      ],
    },
    layout: 'noBorders',
  };
  return [{
    columns: [{ width: '*', stack: [{ text: texts.taxBreakdown, bold: true, margin: [0, 0, 0, 4] }, breakdown] }, { width: 'auto', stack: [totals] }],
    columnGap: 20, margin: [0, 14, 0, 0], unbreakable: true,
  }];
}

function definition(input: PdfInput): object {
  const { quote, settings, customer } = input;
  const language = quote.language;
  const texts = pdfTexts[language];
  const company: object[] = [
    ...(input.logo ? [{ image: `data:${input.logo.type};base64,${input.logo.bytes.toString('base64')}`, fit: [140, 60], margin: [0, 0, 0, 6] }] : []),
    ...(settings.company_name ? [{ text: settings.company_name, bold: true, fontSize: 12 }] : []),
    ...(settings.company_tax_id ? [{ text: `${texts.taxId}: ${settings.company_tax_id}` }] : []),
    ...(settings.company_address ? [{ text: settings.company_address, color: '#444444' }] : []),
  ];
  const facts = [
    [texts.number, quote.number ?? texts.draft], [texts.issued, dateText(quote.issue_date, language)], [texts.validUntil, dateText(quote.valid_until, language)],
    ...(quote.revision > 1 ? [[texts.revision, String(quote.revision)]] : []),
  ];
  const paragraphs: object[] = [];
  const section = (title: string, text: string | null) => {
    if (text) paragraphs.push({ text: title, bold: true, margin: [0, 12, 0, 2] }, { text, fontSize: 9 });
  };
  if (quote.exchange_rate) paragraphs.push({ text: `${texts.exchangeRate}: 1 ${quote.currency} = ${quote.exchange_rate} ${quote.base_currency}`, fontSize: 9, margin: [0, 10, 0, 0] });
  section(texts.paymentTerms, quote.payment_terms);
  section(texts.notes, quote.notes);
  section(texts.terms, quote.terms);
  return {
    info: { title: `${texts.title} ${quote.number ?? ''}`.trim(), creator: 'Cartera' },
    pageSize: 'A4', pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    footer: (page: number, count: number) => ({ text: texts.page.replace('{{n}}', String(page)).replace('{{count}}', String(count)), alignment: 'right', fontSize: 8, margin: [40, 16, 40, 0], color: '#666666' }),
    content: [
      {
        columns: [
          { width: '*', stack: company },
          { width: 200, stack: [
            { text: texts.title.toUpperCase(), fontSize: 18, bold: true, alignment: 'right', margin: [0, 0, 0, 6] },
            { table: { widths: ['*', 'auto'], body: facts.map(([label, value]) => [{ text: label, color: '#555555' }, { text: value, bold: true, alignment: 'right' }]) }, layout: 'noBorders' },
          ] },
        ],
      },
      { text: texts.customer, bold: true, margin: [0, 18, 0, 2] },
      { text: customer.name, fontSize: 11 },
      ...(customer.taxId ? [{ text: `${texts.taxId}: ${customer.taxId}` }] : []),
      ...customer.address.map((line) => ({ text: line, color: '#444444' })),
      ...(customer.contactName ? [{ text: `${texts.attention}: ${customer.contactName}`, margin: [0, 2, 0, 0] }] : []),
      { text: '', margin: [0, 12, 0, 0] },
      linesTable(input, texts),
      ...totalsBlock(input, texts),
      ...paragraphs,
    ],
  };
}

/** The quote's PDF bytes. */
export async function renderQuotePdf(input: PdfInput): Promise<Buffer> {
  // getBuffer only: write() after getBuffer() never settles (STACK.md).
  return pdfmake.createPdf(definition(input)).getBuffer();
}
