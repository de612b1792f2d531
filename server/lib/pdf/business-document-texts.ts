import type { Language } from '@contract/common';

const es = {
  number: 'Número', issued: 'Fecha', customer: 'Cliente', taxId: 'NIF/RUC', attention: 'Atención', description: 'Descripción', quantity: 'Cant.',
  unitPrice: 'Precio unit.', tax: 'Impuesto', amount: 'Importe', taxBreakdown: 'Desglose de impuestos', rate: 'Tipo', base: 'Base',
  netTotal: 'Base imponible', taxTotal: 'Impuestos', total: 'Total', notes: 'Observaciones', page: 'Página {{n}} de {{count}}',
};
export type DocumentTexts = Record<keyof typeof es, string>;

const en: DocumentTexts = {
  number: 'Number', issued: 'Date', customer: 'Customer', taxId: 'Tax ID', attention: 'Attention', description: 'Description', quantity: 'Qty',
  unitPrice: 'Unit price', tax: 'Tax', amount: 'Amount', taxBreakdown: 'Tax breakdown', rate: 'Rate', base: 'Base',
  netTotal: 'Net total', taxTotal: 'Tax', total: 'Total', notes: 'Notes', page: 'Page {{n}} of {{count}}',
};

/** The words every business document (quote, invoice…) shares, in the customer's language. */
export const documentTexts: Record<Language, DocumentTexts> = { es, en };
