import type { Readable } from 'node:stream';
import type { Language } from '@contract/common';
import type { SpreadsheetOptions } from '@contract/exports';
import type { Db } from '@server/db/database';
import { normalizeText } from '@server/lib/normalize';
import { csvFile, defaultSeparator, type SheetCell } from '@server/lib/spreadsheet-writer';
import { accountScopeOf, authorize, type Actor } from '@server/policies';
import { fieldsOf } from '@server/modules/accounts/account-fields';
import { listAccountPage } from '@server/modules/accounts/account-list';
import { getTag } from './tags.service';
import { organizationsOf } from './tags.repo';

const batchSize = 500;
const headers: Record<Language, string[]> = {
  es: ['Correo electrónico', 'Nombre', 'Empresa'],
  en: ['E-mail', 'Name', 'Company'],
};

/** A file name made of the tag's name in plain ASCII, so every browser and OS keeps it. */
export const exportFileName = (tagName: string): string =>
  `${normalizeText(tagName).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'tag'}.csv`;

/**
 * The tag's accounts in the actor's portfolio as CSV for mass mailing: e-mail, name, company
 * (an organization's own name; for a person, the organizations they belong to that the actor
 * sees). Streamed page by page over the same keyset query as the list, so memory stays flat.
 * Written by the shared CSV writer, which neutralises every cell a spreadsheet would run.
 */
export async function exportTagCsv(
  db: Db, actor: Actor, tagId: string, language: Language, options: SpreadsheetOptions = {},
): Promise<{ fileName: string; stream: Readable }> {
  authorize(actor, { domain: 'account', action: 'read' });
  const tag = await getTag(db, actor, tagId);
  async function* rows(): AsyncGenerator<SheetCell[]> {
    let cursor: string | undefined;
    do {
      const page = await listAccountPage(db, accountScopeOf(actor), { tagId: tag.id, sort: 'name', limit: batchSize, cursor, counters: [] });
      const persons = page.rows.filter((row) => row.kind === 'person').map((row) => row.id);
      const organizations = await organizationsOf(db, actor, persons);
      for (const row of page.rows) {
        const email = fieldsOf(row).emails[0] ?? '';
        const company = row.kind === 'organization' ? row.name : (organizations.get(row.id) ?? []).join('; ');
        yield [email, row.name, company];
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const sheet = { name: tag.name, columns: headers[language].map((header) => ({ header, width: 30 })), rows: rows() };
  const stream = csvFile(sheet, { language, timeZone: options.timeZone ?? 'UTC', separator: options.separator ?? defaultSeparator(language) });
  return { fileName: exportFileName(tag.name), stream };
}
