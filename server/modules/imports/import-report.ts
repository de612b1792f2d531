import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { Language } from '@contract/common';
import type { Db, ImportRow } from '@server/db/database';
import { fieldMessage } from '@server/lib/messages';
import { csvFile, type SheetCell } from '@server/lib/spreadsheet-writer';
import { columnOf } from './import-mapping';
import { settingsOf } from './import-jobs';
import { importRowsAfter } from './imports.repo';

const errorsSchema = z.array(z.object({ field: z.string(), code: z.string(), params: z.record(z.string(), z.unknown()).optional() }));

const headings: Record<Language, string[]> = {
  es: ['Fila', 'Campo', 'Columna', 'Error'],
  en: ['Row', 'Field', 'Column', 'Error'],
};

/** The failed rows of an import as CSV, one line per error, streamed page by page (the shared writer neutralises every cell). */
export function errorReport(db: Db, row: ImportRow, language: Language): Readable {
  const { mapping } = settingsOf(row);
  const headers = z.array(z.string()).parse(JSON.parse(row.headers));
  async function* lines(): AsyncGenerator<SheetCell[]> {
    let after = 0;
    for (;;) {
      const page = await importRowsAfter(db, row.id, after, 1000, ['failed']);
      if (page.length === 0) return;
      for (const item of page) {
        for (const error of errorsSchema.parse(JSON.parse(item.errors ?? '[]'))) {
          yield [String(item.row_number), error.field, columnOf(headers, mapping, error.field) ?? '', fieldMessage(language, error.code, error.params)];
        }
      }
      after = page[page.length - 1]?.row_number ?? after;
    }
  }
  const sheet = { name: 'errors', columns: headings[language].map((header) => ({ header, width: 20 })), rows: lines() };
  // Commas still: what the import screens and scripts already read (exports follow the language).
  return csvFile(sheet, { language, timeZone: 'UTC', separator: 'comma' });
}
