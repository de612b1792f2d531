import type { Readable } from 'node:stream';
import type { AccountListQuery } from '@contract/accounts';
import type { Language } from '@contract/common';
import type { ExportFormat, SpreadsheetOptions } from '@contract/exports';
import type { Db } from '@server/db/database';
import { csvFile, defaultSeparator, xlsxFile, type SheetCell } from '@server/lib/spreadsheet-writer';
import { accountScopeOf, authorize, type Actor } from '@server/policies';
import { iterateAccounts } from '@server/modules/accounts/account-list';
import { ownersOf } from '@server/modules/accounts/accounts.repo';
import { overviewsOf } from '@server/modules/accounts/overview.repo';
import { companyCounters, exportCells, exportSheetColumns, listLabels } from './export-columns';
import { organizationLinksOf, tagNamesOf } from './exports.repo';

/** Rows of the export; one keyset page in memory at a time. */
async function* exportRows(db: Db, actor: Actor, query: AccountListQuery, ids: string[] | null, language: Language): AsyncGenerator<SheetCell[]> {
  const labels = await listLabels(db, language);
  for await (const page of iterateAccounts(db, accountScopeOf(actor), query, ids)) {
    const pageIds = page.map((row) => row.id);
    const owners = await ownersOf(db, pageIds);
    const tags = await tagNamesOf(db, pageIds);
    const organizations = await organizationLinksOf(db, actor, page.filter((row) => row.kind === 'person').map((row) => row.id));
    // Counted as the reader sees them (their own private tasks, nobody else's).
    const overviews = await overviewsOf(db, actor, pageIds, companyCounters);
    for (const row of page) {
      const extras = {
        owners: (owners.get(row.id) ?? []).map((owner) => owner.name),
        tags: tags.get(row.id) ?? [],
        organizations: organizations.get(row.id) ?? [],
        overview: overviews.get(row.id) ?? {},
      };
      yield exportCells(row, extras, labels, language);
    }
  }
}

/**
 * An accounts export as a stream for the response: the list's filters and the actor's
 * portfolio (the same SQL as the list), or a selection of ids within that portfolio.
 */
export function exportAccounts(
  db: Db, actor: Actor, query: AccountListQuery, ids: string[] | null, format: ExportFormat, language: Language, options: SpreadsheetOptions,
): Readable {
  authorize(actor, { domain: 'account', action: 'read' });
  const sheet = { name: language === 'es' ? 'Cuentas' : 'Accounts', columns: exportSheetColumns(language), rows: exportRows(db, actor, query, ids, language) };
  const reader = { language, timeZone: options.timeZone ?? 'UTC' };
  return format === 'csv' ? csvFile(sheet, { ...reader, separator: options.separator ?? defaultSeparator(language) }) : xlsxFile(sheet, reader);
}
