import type { Db } from '@server/db/database';
import type { MailSettingsRow } from '@server/db/mail-tables';

export const settingsId = 'mail';

export const findMailSettings = (db: Db): Promise<MailSettingsRow | undefined> =>
  db.selectFrom('mail_settings').selectAll().where('id', '=', settingsId).executeTakeFirst();

/** Writes the row if its version is still `version` (0: there was none yet); false when someone saved first. */
export async function saveMailSettings(db: Db, version: number, row: Omit<MailSettingsRow, 'id' | 'version'>): Promise<boolean> {
  if (version === 0) {
    const inserted = await db
      .insertInto('mail_settings')
      .values({ ...row, id: settingsId, version: 1 })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const result = await db
    .updateTable('mail_settings')
    .set({ ...row, version: version + 1 })
    .where('id', '=', settingsId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
