import { once } from 'node:events';
import { PassThrough, Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Language } from '@contract/common';
import type { CsvSeparator } from '@contract/exports';
import { csvCell, xlsxText } from './cell-safe';
import { wallClock, wallClockText } from './time-zone';

/** A cell as a writer takes it: text, an instant (shown in the reader's time zone), or empty. */
export type SheetCell = string | Date | null;
/** A column: its heading, and its width in characters for XLSX (CSV has none). */
export type SheetColumn = { header: string; width: number };
/** A whole file: columns, and rows in column order, streamed. */
export type Sheet = { name: string; columns: SheetColumn[]; rows: AsyncIterable<SheetCell[]> | Iterable<SheetCell[]> };
export type SheetReader = { language: Language; timeZone: string };

/** Semicolons for Spanish (what Excel in Spanish splits on), commas for English. */
export const defaultSeparator = (language: Language): CsvSeparator => (language === 'es' ? 'semicolon' : 'comma');

const dateFormats: Record<Language, string> = { es: 'dd/mm/yyyy hh:mm', en: 'yyyy-mm-dd hh:mm' };

async function* csvRecords(sheet: Sheet, reader: SheetReader): AsyncGenerator<string[]> {
  yield sheet.columns.map((column) => csvCell(column.header));
  for await (const row of sheet.rows) {
    yield row.map((cell) => (cell instanceof Date ? wallClockText(cell, reader.timeZone) : csvCell(cell)));
  }
}

/**
 * A CSV file every cell of which is neutralised (see cell-safe), with a byte-order mark so
 * spreadsheet programs read accents as UTF-8, and dates as local "yyyy-mm-dd hh:mm".
 */
export function csvFile(sheet: Sheet, reader: SheetReader & { separator: CsvSeparator }): Readable {
  const csv = stringify({ bom: true, delimiter: reader.separator === 'semicolon' ? ';' : ',' });
  // A failure while reading rows destroys the file stream too, so the download breaks off rather than hangs.
  return pipeline(Readable.from(csvRecords(sheet, reader)), csv, () => undefined);
}

function xlsxValue(cell: SheetCell, timeZone: string): ExcelJS.CellValue {
  if (cell instanceof Date) return wallClock(cell, timeZone);
  // An inline string: typed text, never a formula, so it needs (and gets) no apostrophe.
  return cell === null || cell === '' ? null : { richText: [{ text: xlsxText(cell) }] };
}

async function writeXlsx(sheet: Sheet, reader: SheetReader, out: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column) => ({ width: column.width }));
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  const heading = worksheet.addRow(sheet.columns.map((column) => xlsxValue(column.header, reader.timeZone)));
  heading.font = { bold: true };
  heading.commit();
  const numFmt = dateFormats[reader.language];
  for await (const cells of sheet.rows) {
    const row = worksheet.addRow(cells.map((cell) => xlsxValue(cell, reader.timeZone)));
    cells.forEach((cell, index) => {
      if (cell instanceof Date) row.getCell(index + 1).numFmt = numFmt;
    });
    row.commit();
    // Let the client catch up rather than buffering the workbook in memory.
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  worksheet.commit();
  await workbook.commit();
}

/**
 * An XLSX workbook, streamed: text as inline strings (never formulas), instants as date cells at
 * the reader's local time, the heading row bold, frozen and filterable, columns at their widths.
 */
export function xlsxFile(sheet: Sheet, reader: SheetReader): Readable {
  const out = new PassThrough();
  writeXlsx(sheet, reader, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
