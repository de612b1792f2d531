import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { AccountListQuery } from '@contract/accounts';
import type { Language } from '@contract/common';
import type { ExportFormat } from '@contract/exports';
import type { Db } from '@server/db/database';
import { neutralizeCell } from '@server/lib/spreadsheet-safe';
import { authorize, type Actor } from '@server/policies';
import { iterateAccounts, ownersOf } from '@server/modules/accounts/accounts.repo';
import { exportCells, exportHeadings, listLabels } from './export-columns';

/** Rows of the export, headings first, every cell neutralised; one keyset page in memory at a time. */
async function* exportRows(db: Db, actor: Actor, query: AccountListQuery, ids: string[] | null, language: Language): AsyncGenerator<string[]> {
  const labels = await listLabels(db, language);
  yield exportHeadings(language);
  for await (const page of iterateAccounts(db, actor, query, ids)) {
    const owners = await ownersOf(db, page.map((row) => row.id));
    for (const row of page) {
      yield exportCells(row, (owners.get(row.id) ?? []).map((owner) => owner.name), labels, language).map(neutralizeCell);
    }
  }
}

async function writeXlsx(rows: AsyncGenerator<string[]>, out: PassThrough, sheetName: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  for await (const cells of rows) {
    sheet.addRow(cells).commit();
    // Let the client catch up rather than buffering the workbook in memory.
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * An accounts export as a stream for the response: the list's filters and the actor's
 * portfolio (the same SQL as the list), or a selection of ids within that portfolio.
 */
export function exportAccounts(
  db: Db, actor: Actor, query: AccountListQuery, ids: string[] | null, format: ExportFormat, language: Language,
): Readable {
  authorize(actor, { domain: 'account', action: 'read' });
  const rows = exportRows(db, actor, query, ids, language);
  if (format === 'csv') return Readable.from(rows).pipe(stringify({ bom: true }));
  const out = new PassThrough();
  writeXlsx(rows, out, language === 'es' ? 'Cuentas' : 'Accounts').catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
