import type { Language } from '@contract/common';

type Texts = { subject: string; subjectFrom: string; intro: string; link: string; linkNote: string; attachedNote: string };

/** The invoice's e-mail, in the invoice's language: with a link to its page, or with its PDF attached. */
export const invoiceMailTexts: Record<Language, Texts> = {
  es: {
    subject: 'Factura {{number}}',
    subjectFrom: 'Factura {{number}} de {{company}}',
    intro: 'Le enviamos la factura {{number}} por {{total}}, con vencimiento el {{dueDate}}.',
    link: 'Ver la factura',
    linkNote: 'El enlace es personal: desde la página puede descargar la factura en PDF.',
    attachedNote: 'La factura va adjunta en PDF.',
  },
  en: {
    subject: 'Invoice {{number}}',
    subjectFrom: 'Invoice {{number}} from {{company}}',
    intro: 'Please find our invoice {{number}} for {{total}}, due on {{dueDate}}.',
    link: 'View the invoice',
    linkNote: 'The link is personal: the page lets you download the invoice as a PDF.',
    attachedNote: 'The invoice is attached as a PDF.',
  },
};
