import path from 'node:path';
import pdfmake from 'pdfmake';
import roboto from 'pdfmake/fonts/Roboto.js';
import type { Language } from '@contract/common';
import { minorDigits } from '@contract/money';

// Every PDF Cartera makes (quotes, invoices…) is built on the server with pdfmake. Fonts are its
// own Roboto (accents and ñ included); a document may read nothing else from disk and fetch nothing.
const fontDir = path.dirname(roboto.Roboto.normal);
pdfmake.setFonts(roboto);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir));

const locales: Record<Language, string> = { es: 'es-ES', en: 'en-GB' };

/** An amount of minor units as the reader's language writes it ("180,37 €", "€180.37"). */
export function moneyText(amount: number, currency: string, language: Language): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locales[language], { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount / 10 ** digits);
}

export const numberText = (value: number, language: Language, maxDigits: number): string =>
  new Intl.NumberFormat(locales[language], { maximumFractionDigits: maxDigits }).format(value);

/** An ISO date (YYYY-MM-DD) as the reader's language writes it. */
export const dateText = (date: string, language: Language): string =>
  new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** A document definition's PDF bytes. */
export async function renderPdf(definition: object): Promise<Buffer> {
  // getBuffer only: write() after getBuffer() never settles (STACK.md).
  return pdfmake.createPdf(definition).getBuffer();
}
