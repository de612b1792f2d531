import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { z } from 'zod';
import type { Language } from '@contract/common';
import type { Db, ImportRow } from '@server/db/database';
import { neutralizeCell } from '@server/lib/spreadsheet-safe';
import { fieldMessage } from '@server/lib/messages';
import { columnOf } from './import-mapping';
import { settingsOf } from './import-jobs';
import { importRowsAfter } from './imports.repo';

const errorsSchema = z.array(z.object({ field: z.string(), code: z.string(), params: z.record(z.string(), z.unknown()).optional() }));

const headings: Record<Language, string[]> = {
  es: ['Fila', 'Campo', 'Columna', 'Error'],
  en: ['Row', 'Field', 'Column', 'Error'],
};

/** The failed rows of an import as CSV, one line per error, streamed page by page. */
export function errorReport(db: Db, row: ImportRow, language: Language): Readable {
  const { mapping } = settingsOf(row);
  const headers = z.array(z.string()).parse(JSON.parse(row.headers));
  async function* lines(): AsyncGenerator<string[]> {
    yield headings[language];
    let after = 0;
    for (;;) {
      const page = await importRowsAfter(db, row.id, after, 1000, ['failed']);
      if (page.length === 0) return;
      for (const item of page) {
        for (const error of errorsSchema.parse(JSON.parse(item.errors ?? '[]'))) {
          yield [String(item.row_number), error.field, columnOf(headers, mapping, error.field) ?? '', fieldMessage(language, error.code, error.params)].map(neutralizeCell);
        }
      }
      after = page[page.length - 1]?.row_number ?? after;
    }
  }
  return Readable.from(lines()).pipe(stringify({ bom: true }));
}
