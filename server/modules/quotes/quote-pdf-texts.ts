import type { Language } from '@contract/common';
import { documentTexts, type DocumentTexts } from '@server/lib/pdf/business-document-texts';

type QuoteWords = {
  title: string; draft: string; validUntil: string; unit: string; discount: string; paymentTerms: string; terms: string; exchangeRate: string; revision: string;
};
export type PdfTexts = DocumentTexts & QuoteWords;

const es: QuoteWords = {
  title: 'Cotización', draft: 'Borrador', validUntil: 'Válida hasta', unit: 'Unidad', discount: 'Dto.', paymentTerms: 'Condiciones de pago',
  terms: 'Términos y condiciones', exchangeRate: 'Tipo de cambio', revision: 'Revisión',
};

const en: QuoteWords = {
  title: 'Quote', draft: 'Draft', validUntil: 'Valid until', unit: 'Unit', discount: 'Disc.', paymentTerms: 'Payment terms',
  terms: 'Terms and conditions', exchangeRate: 'Exchange rate', revision: 'Revision',
};

/** The PDF's words, in the customer's language (chosen per quote): a business document's, and the quote's own. */
export const pdfTexts: Record<Language, PdfTexts> = { es: { ...documentTexts.es, ...es }, en: { ...documentTexts.en, ...en } };
