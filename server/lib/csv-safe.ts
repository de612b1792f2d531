/**
 * Spreadsheets run a cell that starts with =, +, -, @ (or a tab / carriage return that hides
 * one) as a formula: a name like `=HYPERLINK(...)` in a mailing export would run on the
 * recipient's machine. Such cells get a leading apostrophe, which spreadsheets show as text.
 * Leading spaces do not protect a cell, so they are looked past.
 */
const formulaStart = /^[\s]*[=+\-@\t\r]/;

export function neutralizeCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return formulaStart.test(value) ? `'${value}` : value;
}

export const neutralizeRow = (cells: Array<string | null | undefined>): string[] => cells.map(neutralizeCell);
