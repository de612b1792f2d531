import type { Language } from '@contract/common';

const es = {
  title: 'Cotización', draft: 'Borrador', number: 'Número', issued: 'Fecha', validUntil: 'Válida hasta', customer: 'Cliente', taxId: 'NIF/RUC',
  attention: 'Atención', description: 'Descripción', quantity: 'Cant.', unit: 'Unidad', unitPrice: 'Precio unit.', discount: 'Dto.', tax: 'Impuesto',
  amount: 'Importe', taxBreakdown: 'Desglose de impuestos', rate: 'Tipo', base: 'Base', netTotal: 'Base imponible', taxTotal: 'Impuestos', total: 'Total',
  paymentTerms: 'Condiciones de pago', notes: 'Observaciones', terms: 'Términos y condiciones', exchangeRate: 'Tipo de cambio', page: 'Página {{n}} de {{count}}',
  revision: 'Revisión',
};
export type PdfTexts = Record<keyof typeof es, string>;

const en: PdfTexts = {
  title: 'Quote', draft: 'Draft', number: 'Number', issued: 'Date', validUntil: 'Valid until', customer: 'Customer', taxId: 'Tax ID',
  attention: 'Attention', description: 'Description', quantity: 'Qty', unit: 'Unit', unitPrice: 'Unit price', discount: 'Disc.', tax: 'Tax',
  amount: 'Amount', taxBreakdown: 'Tax breakdown', rate: 'Rate', base: 'Base', netTotal: 'Net total', taxTotal: 'Tax', total: 'Total',
  paymentTerms: 'Payment terms', notes: 'Notes', terms: 'Terms and conditions', exchangeRate: 'Exchange rate', page: 'Page {{n}} of {{count}}',
  revision: 'Revision',
};

/** The PDF's words, in the customer's language (chosen per quote). */
export const pdfTexts: Record<Language, PdfTexts> = { es, en };
