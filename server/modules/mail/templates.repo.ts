import type { Db } from '@server/db/database';
import type { EmailTemplateRow, EmailTemplatesTable } from '@server/db/mail-tables';
import type { Insertable, Updateable } from 'kysely';
import { keysetPage, type SortPlan } from '@server/lib/list';

const templateSort: SortPlan = { key: 'name', columns: ['email_templates.name_norm', 'email_templates.id'], direction: 'asc' };

export async function listTemplateRows(db: Db, query: { limit: number; cursor?: string | undefined; q?: string | undefined }) {
  const base = db.selectFrom('email_templates').$if(Boolean(query.q), (q) => q.where('email_templates.name_norm', 'like', `%${query.q ?? ''}%`));
  return keysetPage(db, base, base.selectAll(), templateSort, query, (row) => [row.name_norm, row.id]);
}

export const findTemplate = (db: Db, id: string): Promise<EmailTemplateRow | undefined> =>
  db.selectFrom('email_templates').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertTemplate(db: Db, row: Insertable<EmailTemplatesTable>): Promise<void> {
  await db.insertInto('email_templates').values(row).execute();
}

export async function updateTemplateRow(db: Db, id: string, version: number, patch: Updateable<EmailTemplatesTable>): Promise<boolean> {
  const result = await db.updateTable('email_templates').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteTemplateRow(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('email_templates').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
