/**
 * The one rule for spreadsheet formula injection, for every file Cartera writes (exports, mailing
 * lists, import error reports, later reports).
 *
 * A spreadsheet opening a CSV runs a cell that starts with = + - @ (or a tab or carriage return
 * that hides one) as a formula, and Excel in East Asian locales takes the full-width and small
 * forms (＝＋－＠, ﹦﹢﹣﹫) the same way. Leading spaces do not protect a cell, so they are looked
 * past. Such a CSV cell gets a leading apostrophe, which spreadsheets show as text.
 *
 * An XLSX cell needs none of this: it is written as an inline string, a type that is never a
 * formula, so it keeps its exact text (a phone stays "+34 600 000 001", no apostrophe).
 */
const formulaStart = /^\s*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]/u;

/** True when a spreadsheet would evaluate this text typed into a cell (or read from a CSV). */
export function startsLikeFormula(value: string): boolean {
  return formulaStart.test(value);
}

// Text that already starts with apostrophes before a formula gets one more, so that uncsvCell can
// always tell the guard from the text: "'=x" is written "''=x" and reads back as "'=x".
const needsGuard = (value: string): boolean => startsLikeFormula(value.replace(/^'+/, ''));

/** A CSV cell that no spreadsheet will evaluate; null and undefined are empty cells. */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return needsGuard(value) ? `'${value}` : value;
}

/**
 * The text a CSV cell held before csvCell guarded it, for an import reading back a file Cartera
 * exported: the apostrophe is dropped only where csvCell put one.
 */
export function uncsvCell(value: string): string {
  return value.startsWith("'") && needsGuard(value.slice(1)) ? value.slice(1) : value;
}

// XML 1.0 cannot carry C0 controls other than tab, newline and carriage return, U+FFFE/FFFF or a
// lone surrogate (with the u flag a whole pair is one code point, outside this class): one such
// character in a name would make the whole workbook unreadable.
const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/gu;

/** A text cell's content for XLSX: the text itself, minus what XML cannot hold; never a formula. */
export function xlsxText(value: string): string {
  return value.replace(notXml, '\ufffd');
}
