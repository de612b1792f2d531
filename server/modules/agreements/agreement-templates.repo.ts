import type { Insertable } from 'kysely';
import type { AgreementTemplateRow, Db } from '@server/db/database';
import type { AgreementTemplatesTable } from '@server/db/agreement-tables';

/** Templates by name (the active ones unless asked for all): a short admin-kept list. */
export function listTemplates(db: Db, includeInactive: boolean): Promise<AgreementTemplateRow[]> {
  let query = db.selectFrom('agreement_templates').selectAll().orderBy('name_norm').orderBy('id');
  if (!includeInactive) query = query.where('active', '=', true);
  return query.execute();
}

export const findTemplate = (db: Db, id: string): Promise<AgreementTemplateRow | undefined> =>
  db.selectFrom('agreement_templates').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertTemplate(db: Db, row: Insertable<AgreementTemplatesTable>): Promise<void> {
  await db.insertInto('agreement_templates').values(row).execute();
}

/** Writes the patch if the version is still `version`; false when someone else wrote first. */
export async function updateTemplateRow(db: Db, id: string, version: number, patch: Partial<Omit<AgreementTemplateRow, 'id' | 'version'>>): Promise<boolean> {
  const result = await db.updateTable('agreement_templates').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
