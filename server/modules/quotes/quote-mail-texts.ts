import type { Language } from '@contract/common';

/** The quote's e-mail, in the customer's language (chosen per quote). */
export const quoteMailTexts: Record<Language, { subject: string; subjectFrom: string; intro: string; link: string; attached: string }> = {
  es: {
    subject: 'Cotización {{number}}',
    subjectFrom: 'Cotización {{number}} de {{company}}',
    intro: 'Le enviamos nuestra cotización {{number}}, válida hasta el {{validUntil}}.',
    link: 'Ver la cotización y aceptarla o rechazarla',
    attached: 'La cotización va adjunta en PDF. El enlace es personal: no lo reenvíe a quien no deba responder por su empresa.',
  },
  en: {
    subject: 'Quote {{number}}',
    subjectFrom: 'Quote {{number}} from {{company}}',
    intro: 'Please find our quote {{number}}, valid until {{validUntil}}.',
    link: 'View the quote and accept or decline it',
    attached: 'The quote is attached as a PDF. The link is personal: do not forward it to anyone who should not answer for your company.',
  },
};

export const fill = (text: string, values: Record<string, string>): string => text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
