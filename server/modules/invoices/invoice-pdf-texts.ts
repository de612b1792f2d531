import type { Language } from '@contract/common';
import { documentTexts, type DocumentTexts } from '@server/lib/pdf/business-document-texts';

type InvoiceWords = { title: string; dueDate: string; status: string; draft: string; cancelled: string; quote: string; paid: string; outstanding: string };
export type InvoicePdfTexts = DocumentTexts & InvoiceWords;

const es: InvoiceWords = {
  title: 'Factura', dueDate: 'Vencimiento', status: 'Estado', draft: 'Borrador', cancelled: 'Anulada', quote: 'Cotización', paid: 'Cobrado', outstanding: 'Pendiente de pago',
};

const en: InvoiceWords = {
  title: 'Invoice', dueDate: 'Due date', status: 'Status', draft: 'Draft', cancelled: 'Cancelled', quote: 'Quote', paid: 'Paid', outstanding: 'Amount due',
};

/** The invoice PDF's words, in the customer's language (chosen per invoice): a business document's, and the invoice's own. */
export const invoicePdfTexts: Record<Language, InvoicePdfTexts> = { es: { ...documentTexts.es, ...es }, en: { ...documentTexts.en, ...en } };
