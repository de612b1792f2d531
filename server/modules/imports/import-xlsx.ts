import path from 'node:path';
import ExcelJS from 'exceljs';
import { SharedStringStore } from './import-string-store';
import { readZipDirectory, zipStreamOf, type ZipEntry } from './import-xlsx-zip';

/** Where string-table indexes are looked up. */
type Strings = Pick<SharedStringStore, 'get'>;

const sheetName = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const workbookParts = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

/**
 * The parts exceljs reads, in the order that lets it stream the sheet: relationships and workbook
 * (sheet names, 1904 dates), styles (which numbers are dates), the string table, then the first
 * worksheet (the lowest-numbered, as Excel numbers them in tab order). Writers order their ZIPs
 * differently (Excel and exceljs itself put the string table after the sheets), and exceljs's
 * streaming reader reads in ZIP order, so we hand it the parts in this order whatever the file's.
 */
function readingOrder(entries: ZipEntry[]): ZipEntry[] {
  const parts = workbookParts.flatMap((name) => entries.filter((entry) => entry.name === name));
  const sheets = entries
    .map((entry) => ({ entry, number: Number(sheetName.exec(entry.name)?.[1] ?? Number.NaN) }))
    .filter((sheet) => Number.isFinite(sheet.number))
    .sort((a, b) => a.number - b.number);
  const first = sheets[0];
  return first ? [...parts, first.entry] : parts;
}

// exceljs streams a worksheet only while it believes it holds the string table; otherwise it copies
// the sheet to a temporary file to read after the whole archive (a file it does not remove when
// reading stops early). This stand-in makes it stream, and answers each string lookup with the
// index, as exceljs does when it has no table, for cellText to resolve from the on-disk store.
const stringIndexes = new Proxy({}, {
  get: (_target, key) => (typeof key === 'string' && /^\d+$/.test(key) ? { sharedString: Number(key) } : undefined),
});

function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((part: unknown) => (typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string' ? part.text : '')).join('');
  }
  return '';
}

/** A cell's value as the text an import reads: dates as ISO dates, formulas by their result. */
export function cellText(value: unknown, strings: Strings): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('sharedString' in value && typeof value.sharedString === 'number') return strings.get(value.sharedString);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return plainText(value);
    if ('result' in value) return cellText(value.result, strings);
  }
  return '';
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value && typeof value[Symbol.asyncIterator] === 'function';
}

/** What exceljs's parse() yields: a string of the table (in 'emit' mode, bare), or a worksheet to read. */
function eventOf(value: unknown): { string: string } | { rows: AsyncIterable<unknown> } | null {
  if (typeof value !== 'object' || value === null) return null;
  if ('index' in value && 'text' in value) return { string: plainText(value.text) };
  if ('eventType' in value && value.eventType === 'worksheet' && 'value' in value && isAsyncIterable(value.value)) return { rows: value.value };
  return null;
}

function rowValues(row: unknown): unknown[] {
  if (typeof row !== 'object' || row === null || !('values' in row) || !Array.isArray(row.values)) return [];
  return Array.from(row.values.slice(1)); // exceljs counts columns from 1; holes become undefined
}

/**
 * The first worksheet's non-blank rows as text cells, streamed with flat memory: the string table
 * (Excel writes every text cell there, so it grows with the file) goes to a store on disk beside
 * the upload and is read back through a small cache; nothing else is held but the current row.
 */
export async function* xlsxRecords(file: string): AsyncGenerator<string[]> {
  const entries = readingOrder(await readZipDirectory(file));
  const strings = SharedStringStore.create(path.dirname(file));
  const input = zipStreamOf(file, entries);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'emit', worksheets: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  Object.assign(reader, { sharedStrings: stringIndexes });
  const events = reader.parse();
  try {
    for (;;) {
      const step = await events.next();
      if (step.done) return;
      const event = eventOf(step.value);
      if (event && 'string' in event) strings.append(event.string);
      if (event && 'rows' in event) {
        for await (const row of event.rows) {
          const values = rowValues(row).map((cell) => cellText(cell, strings));
          if (values.some((value) => value.trim() !== '')) yield values;
        }
        return;
      }
    }
  } finally {
    await events.return?.(undefined);
    input.destroy();
    strings.close();
  }
}
