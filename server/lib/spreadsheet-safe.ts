/**
 * Neutralises a cell a spreadsheet would run as a formula (CSV/formula injection): text that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return, also after leading spaces, gets a
 * leading apostrophe, which spreadsheets show as text. Everything else passes unchanged.
 */
export function neutralizeCell(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}

export function isFormulaLike(value: string): boolean {
  return /^[\s\u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/u.test(value);
}
