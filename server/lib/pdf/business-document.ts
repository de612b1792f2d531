import type { Language } from '@contract/common';
import type { DocumentTexts } from './business-document-texts';
import { moneyText, numberText } from './pdf-render';

// The layout of Cartera's business documents (a quote, an invoice): our company and the title with
// its facts at the top, the customer, a table of lines, the tax breakdown beside the totals, then
// paragraphs; "page n of m" at the foot of every page. Each document brings its words and columns.

/** Our company as the document's issuer (the quote settings hold it), with its logo when there is one. */
export type PdfIssuer = { name: string | null; taxId: string | null; address: string | null; logo: { bytes: Buffer; type: string } | null };
/** The customer block: name and tax id, the address lines, and the person it is for. */
export type PdfCustomer = { name: string; taxId: string | null; address: string[]; contactName: string | null };

export type TableColumn = { header: string; width: number | '*'; align: 'left' | 'right' };
/** A row of the lines table: an item's cells (one per column), or a section heading or note across them all. */
export type TableRow = { kind: 'item'; cells: string[] } | { kind: 'section' | 'note'; text: string };
export type TaxBucketFigures = { rateBp: number; base: number; tax: number };

export type BusinessDocument = {
  language: Language;
  texts: DocumentTexts;
  /** "Cotización", "Factura": the heading (upper-cased) and the PDF's title. */
  title: string;
  number: string;
  /** Label and value pairs under the title (number, dates…). */
  facts: Array<[string, string]>;
  issuer: PdfIssuer;
  customer: PdfCustomer;
  /** The lines; none leaves the table out (an invoice made by hand has only its totals). */
  table: { columns: TableColumn[]; rows: TableRow[] } | null;
  currency: string;
  taxes: TaxBucketFigures[];
  /** The totals column, in order; the last one strong unless told. */
  totals: Array<{ label: string; amount: number; strong?: boolean }>;
  /** Paragraphs after the totals (an empty text is left out); a line without a title is small print. */
  paragraphs: Array<{ title: string | null; text: string | null }>;
};

function linesTable(table: NonNullable<BusinessDocument['table']>): object {
  const span = table.columns.length;
  const blanks = Array.from({ length: span - 1 }, () => ({}));
  const header = table.columns.map((column) => ({ text: column.header, bold: true, fillColor: '#eeeeee', alignment: column.align }));
  const body: object[][] = [header];
  for (const row of table.rows) {
    if (row.kind === 'item') body.push(row.cells.map((text, index) => ({ text, alignment: table.columns[index]?.align ?? 'left' })));
    else body.push([row.kind === 'section' ? { text: row.text, bold: true, colSpan: span, margin: [0, 4, 0, 0] } : { text: row.text, italics: true, colSpan: span, color: '#555555' }, ...blanks]);
  }
  return { table: { headerRows: 1, dontBreakRows: true, widths: table.columns.map((column) => column.width), body }, layout: 'lightHorizontalLines', fontSize: 9 };
}

function totalsBlock(doc: BusinessDocument): object {
  const money = (amount: number) => moneyText(amount, doc.currency, doc.language);
  const { texts } = doc;
  const last = doc.totals.length - 1;
  const totals = {
    table: {
      widths: [100, 90],
      body: doc.totals.map((row, index) => {
        const strong = row.strong ?? index === last;
        return [{ text: row.label, bold: strong, fontSize: strong ? 12 : 10 }, { text: money(row.amount), bold: strong, fontSize: strong ? 12 : 10, alignment: 'right' }];
      }),
    },
    layout: 'noBorders',
  };
  const breakdown = doc.taxes.length === 0 ? [] : [{ text: texts.taxBreakdown, bold: true, margin: [0, 0, 0, 4] }, {
    table: {
      headerRows: 1, widths: [60, 80, 80],
      body: [
        [texts.rate, texts.base, texts.tax].map((text, index) => ({ text, bold: true, alignment: index === 0 ? 'left' : 'right' })),
        ...doc.taxes.map((bucket) => [`${numberText(bucket.rateBp / 100, doc.language, 2)} %`, { text: money(bucket.base), alignment: 'right' }, { text: money(bucket.tax), alignment: 'right' }]),
      ],
    },
    layout: 'lightHorizontalLines', fontSize: 9,
  }];
  return { columns: [{ width: '*', stack: breakdown }, { width: 'auto', stack: [totals] }], columnGap: 20, margin: [0, 14, 0, 0], unbreakable: true };
}

function header(doc: BusinessDocument): object {
  const { issuer, texts } = doc;
  const company: object[] = [
    ...(issuer.logo ? [{ image: `data:${issuer.logo.type};base64,${issuer.logo.bytes.toString('base64')}`, fit: [140, 60], margin: [0, 0, 0, 6] }] : []),
    ...(issuer.name ? [{ text: issuer.name, bold: true, fontSize: 12 }] : []),
    ...(issuer.taxId ? [{ text: `${texts.taxId}: ${issuer.taxId}` }] : []),
    ...(issuer.address ? [{ text: issuer.address, color: '#444444' }] : []),
  ];
  return {
    columns: [
      { width: '*', stack: company },
      { width: 200, stack: [
        { text: doc.title.toUpperCase(), fontSize: 18, bold: true, alignment: 'right', margin: [0, 0, 0, 6] },
        { table: { widths: ['*', 'auto'], body: doc.facts.map(([label, value]) => [{ text: label, color: '#555555' }, { text: value, bold: true, alignment: 'right' }]) }, layout: 'noBorders' },
      ] },
    ],
  };
}

function customerBlock(doc: BusinessDocument): object[] {
  const { customer, texts } = doc;
  return [
    { text: texts.customer, bold: true, margin: [0, 18, 0, 2] },
    { text: customer.name, fontSize: 11 },
    ...(customer.taxId ? [{ text: `${texts.taxId}: ${customer.taxId}` }] : []),
    ...customer.address.map((line) => ({ text: line, color: '#444444' })),
    ...(customer.contactName ? [{ text: `${texts.attention}: ${customer.contactName}`, margin: [0, 2, 0, 0] }] : []),
    { text: '', margin: [0, 12, 0, 0] },
  ];
}

function paragraphs(doc: BusinessDocument): object[] {
  return doc.paragraphs.flatMap(({ title, text }): object[] => {
    if (!text) return [];
    if (!title) return [{ text, fontSize: 9, margin: [0, 10, 0, 0] }];
    return [{ text: title, bold: true, margin: [0, 12, 0, 2] }, { text, fontSize: 9 }];
  });
}

/** The pdfmake definition of a business document. */
export function businessDocument(doc: BusinessDocument): object {
  const { texts } = doc;
  return {
    info: { title: `${doc.title} ${doc.number}`.trim(), creator: 'Cartera' },
    pageSize: 'A4', pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    footer: (page: number, count: number) => ({ text: texts.page.replace('{{n}}', String(page)).replace('{{count}}', String(count)), alignment: 'right', fontSize: 8, margin: [40, 16, 40, 0], color: '#666666' }),
    content: [header(doc), ...customerBlock(doc), ...(doc.table ? [linesTable(doc.table)] : []), totalsBlock(doc), ...paragraphs(doc)],
  };
}
