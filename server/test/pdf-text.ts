import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page of a PDF, items joined by spaces: what tests compare figures against. */
export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await document.destroy();
  return pages;
}

/**
 * A text with no white space at all: pdfmake splits lines and inline runs into separate items
 * (and Intl puts no-break spaces in amounts), so tests compare texts squashed on both sides.
 */
export const squashed = (text: string): string => text.replace(/\s+/gu, '');

/** How many images a page paints (a logo, a photo): what the text cannot show. */
export async function imagesOnPage(bytes: Buffer, number: number): Promise<number> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const operators = await (await document.getPage(number)).getOperatorList();
  await document.destroy();
  return operators.fnArray.filter((fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject).length;
}
