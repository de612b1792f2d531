import type { Language } from '@contract/common';
import type { PdfIssuer } from '@server/lib/pdf/business-document';
import { dateText, moneyText, renderPdf } from '@server/lib/pdf/pdf-render';

// An agreement generated from a template as a PDF, in the agreement's language: our company at the
// top (as the quote settings name it, with its logo), the facts, the merged text, and a place for
// each party to sign.

const texts: Record<Language, Record<'heading' | 'reference' | 'type' | 'start' | 'end' | 'value' | 'for' | 'name' | 'date' | 'taxId' | 'page', string>> = {
  es: {
    heading: 'Acuerdo', reference: 'Referencia', type: 'Tipo', start: 'Inicio', end: 'Fin', value: 'Importe', for: 'Por {{party}}',
    name: 'Nombre y firma', date: 'Fecha', taxId: 'NIF/RUC', page: 'Página {{n}} de {{count}}',
  },
  en: {
    heading: 'Agreement', reference: 'Reference', type: 'Type', start: 'Start', end: 'End', value: 'Value', for: 'For {{party}}',
    name: 'Name and signature', date: 'Date', taxId: 'Tax ID', page: 'Page {{n}} of {{count}}',
  },
};

export type AgreementPdfInput = {
  language: Language;
  title: string;
  reference: string | null;
  /** The type's label in the agreement's language. */
  type: string | null;
  startOn: string | null;
  endOn: string | null;
  value: { amount: number; currency: string } | null;
  /** The template's text, merged. */
  body: string;
  company: PdfIssuer;
  customer: { name: string; taxId: string | null; address: string[] };
};

function definition(input: AgreementPdfInput): object {
  const words = texts[input.language];
  const { company, customer } = input;
  const companyBlock: object[] = [
    ...(company.logo ? [{ image: `data:${company.logo.type};base64,${company.logo.bytes.toString('base64')}`, fit: [140, 60], margin: [0, 0, 0, 6] }] : []),
    ...(company.name ? [{ text: company.name, bold: true, fontSize: 12 }] : []),
    ...(company.taxId ? [{ text: `${words.taxId}: ${company.taxId}` }] : []),
    ...(company.address ? [{ text: company.address, color: '#444444' }] : []),
  ];
  const candidates: Array<[string, string | null]> = [
    [words.reference, input.reference],
    [words.type, input.type],
    [words.start, input.startOn ? dateText(input.startOn, input.language) : null],
    [words.end, input.endOn ? dateText(input.endOn, input.language) : null],
    [words.value, input.value ? moneyText(input.value.amount, input.value.currency, input.language) : null],
  ];
  const facts = candidates.flatMap(([label, value]) => (value ? [[label, value]] : []));
  const signature = (party: string) => ({
    stack: [
      { text: words.for.replace('{{party}}', party), bold: true, margin: [0, 0, 0, 36] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 200, y2: 0, lineWidth: 0.5 }] },
      { text: words.name, fontSize: 8, color: '#666666', margin: [0, 2, 0, 10] },
      { text: `${words.date}: ____________`, fontSize: 9 },
    ],
  });
  return {
    info: { title: input.title, creator: 'Cartera' },
    pageSize: 'A4', pageMargins: [50, 40, 50, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
    footer: (page: number, count: number) => ({ text: words.page.replace('{{n}}', String(page)).replace('{{count}}', String(count)), alignment: 'right', fontSize: 8, margin: [50, 16, 50, 0], color: '#666666' }),
    content: [
      {
        columns: [
          { width: '*', stack: companyBlock },
          { width: 210, stack: [
            { text: words.heading.toUpperCase(), fontSize: 16, bold: true, alignment: 'right', margin: [0, 0, 0, 6] },
            // pdfmake cannot lay out a table without rows.
            ...(facts.length > 0 ? [{ table: { widths: ['*', 'auto'], body: facts.map(([label, value]) => [{ text: label, color: '#555555' }, { text: value, bold: true, alignment: 'right' }]) }, layout: 'noBorders' }] : []),
          ] },
        ],
      },
      { text: input.title, fontSize: 15, bold: true, margin: [0, 22, 0, 4] },
      { text: [customer.name, customer.taxId ? ` · ${words.taxId}: ${customer.taxId}` : ''].join(''), fontSize: 10 },
      ...customer.address.map((line) => ({ text: line, color: '#444444' })),
      ...input.body.split(/\n{2,}/).map((paragraph) => ({ text: paragraph, margin: [0, 10, 0, 0] })),
      { columns: [signature(company.name ?? ''), signature(customer.name)], columnGap: 40, margin: [0, 40, 0, 0], unbreakable: true },
    ],
  };
}

/** The agreement's PDF bytes. */
export const renderAgreementPdf = (input: AgreementPdfInput): Promise<Buffer> => renderPdf(definition(input));
