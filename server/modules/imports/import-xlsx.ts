import path from 'node:path';
import ExcelJS from 'exceljs';
import { SharedStringStore } from './import-string-store';
import { readZipDirectory, zipStreamOf, type ZipEntry } from './import-xlsx-zip';

/** Where string-table indexes are looked up. */
type Strings = Pick<SharedStringStore, 'get'>;

const sheetName = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const workbookParts = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml'];
const stringTable = 'xl/sharedStrings.xml';

/**
 * The parts exceljs reads, in the order that lets it stream the sheet: relationships and workbook
 * (sheet names, 1904 dates), styles (which numbers are dates), the string table if asked for, then
 * the first worksheet (the lowest-numbered, as Excel numbers them in tab order). Writers order
 * their ZIPs differently (Excel and exceljs itself put the string table after the sheets), and
 * exceljs's streaming reader reads in ZIP order, so we hand it the parts in our order.
 */
function partsToRead(entries: ZipEntry[], want: { strings: boolean; sheet: boolean }): ZipEntry[] {
  const named = (name: string) => entries.filter((entry) => entry.name === name);
  const sheets = entries
    .map((entry) => ({ entry, number: Number(sheetName.exec(entry.name)?.[1] ?? Number.NaN) }))
    .filter((sheet) => Number.isFinite(sheet.number))
    .sort((a, b) => a.number - b.number);
  const first = sheets[0];
  return [
    ...(want.sheet ? workbookParts.flatMap(named) : []),
    ...(want.strings ? named(stringTable) : []),
    ...(want.sheet && first ? [first.entry] : []),
  ];
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

type XlsxEvent = { string: string } | { row: unknown[] };

/** exceljs over some parts of the file: the string table's strings, in order, then the first sheet's rows (string cells as indexes). */
async function* xlsxEvents(file: string, parts: ZipEntry[]): AsyncGenerator<XlsxEvent> {
  const input = zipStreamOf(file, parts);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'emit', worksheets: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  Object.assign(reader, { sharedStrings: stringIndexes });
  const events = reader.parse();
  try {
    for (;;) {
      const step = await events.next();
      if (step.done) return;
      const event = eventOf(step.value);
      if (event && 'string' in event) yield event;
      if (event && 'rows' in event) {
        for await (const row of event.rows) yield { row: rowValues(row) };
        return; // the first worksheet only
      }
    }
  } finally {
    await events.return?.(undefined);
    input.destroy();
  }
}

const blank = (values: string[]): boolean => values.every((value) => value.trim() === '');

/**
 * The first worksheet's non-blank rows as text cells, streamed with flat memory: the string table
 * (Excel writes every text cell there, so it grows with the file) goes to a store on disk beside
 * the upload and is read back through a small cache; nothing else is held but the current row.
 */
export async function* xlsxRecords(file: string): AsyncGenerator<string[]> {
  const parts = partsToRead(await readZipDirectory(file), { strings: true, sheet: true });
  const strings = SharedStringStore.create(path.dirname(file));
  try {
    for await (const event of xlsxEvents(file, parts)) {
      if ('string' in event) {
        strings.append(event.string);
      } else {
        const values = event.row.map((cell) => cellText(cell, strings));
        if (!blank(values)) yield values;
      }
    }
  } finally {
    strings.close();
  }
}

/**
 * The first `count` non-blank rows, fast whatever the file's size (the upload and every preview
 * read them): the sheet's first rows are read with string cells left as indexes, then the string
 * table only as far as the highest index they use (writers number strings in order of first use,
 * so that is its beginning). Should resolving turn a row blank, the streamed read decides.
 */
export async function xlsxHead(file: string, count: number): Promise<string[][]> {
  const entries = await readZipDirectory(file);
  const rows: unknown[][] = [];
  let more = false;
  const unresolved: Strings = { get: () => 'x' }; // any text: a string cell is not blank until known
  for await (const event of xlsxEvents(file, partsToRead(entries, { strings: false, sheet: true }))) {
    if (!('row' in event) || blank(event.row.map((cell) => cellText(cell, unresolved)))) continue;
    if (rows.length === count) {
      more = true;
      break;
    }
    rows.push(event.row);
  }
  const wanted = new Set(rows.flat().flatMap((cell) => (typeof cell === 'object' && cell !== null && 'sharedString' in cell && typeof cell.sharedString === 'number' ? [cell.sharedString] : [])));
  const found = new Map<number, string>();
  if (wanted.size > 0) {
    const last = Math.max(...wanted);
    let index = 0;
    for await (const event of xlsxEvents(file, partsToRead(entries, { strings: true, sheet: false }))) {
      if (!('string' in event)) continue;
      if (wanted.has(index)) found.set(index, event.string);
      index += 1;
      if (index > last) break;
    }
  }
  const records = rows.map((row) => row.map((cell) => cellText(cell, { get: (index) => found.get(index) ?? '' }))).filter((values) => !blank(values));
  if (records.length < rows.length && more) {
    const streamed: string[][] = [];
    for await (const record of xlsxRecords(file)) if (streamed.push(record) >= count) break;
    return streamed;
  }
  return records;
}
