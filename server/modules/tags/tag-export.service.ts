import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Language } from '@contract/common';
import type { Db } from '@server/db/database';
import { neutralizeRow } from '@server/lib/csv-safe';
import { normalizeText } from '@server/lib/normalize';
import { authorize, type Actor } from '@server/policies';
import { fieldsOf } from '@server/modules/accounts/account-fields';
import { listAccounts } from '@server/modules/accounts/accounts.repo';
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
 * Cells that a spreadsheet would run as formulas are neutralised.
 */
export async function exportTagCsv(db: Db, actor: Actor, tagId: string, language: Language): Promise<{ fileName: string; stream: Readable }> {
  authorize(actor, { domain: 'account', action: 'read' });
  const tag = await getTag(db, actor, tagId);
  async function* lines(): AsyncGenerator<string> {
    // A byte-order mark so spreadsheet programs read the accents as UTF-8.
    yield `\uFEFF${stringify([headers[language]])}`;
    let cursor: string | undefined;
    do {
      const page = await listAccounts(db, actor, { tagId: tag.id, sort: 'name', limit: batchSize, cursor, counters: [] });
      const persons = page.rows.filter((row) => row.kind === 'person').map((row) => row.id);
      const organizations = await organizationsOf(db, actor, persons);
      const rows = page.rows.map((row) => {
        const email = fieldsOf(row).emails[0] ?? '';
        const company = row.kind === 'organization' ? row.name : (organizations.get(row.id) ?? []).join('; ');
        return neutralizeRow([email, row.name, company]);
      });
      if (rows.length > 0) yield stringify(rows);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return { fileName: exportFileName(tag.name), stream: Readable.from(lines()) };
}
