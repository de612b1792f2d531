import type { Selectable, Updateable } from 'kysely';
import type { Db } from '@server/db/database';
import type { RegistrySettingsTable } from '@server/db/registry-tables';

export type RegistrySettingRow = Selectable<RegistrySettingsTable>;

export const settingRows = (db: Db): Promise<RegistrySettingRow[]> =>
  db.selectFrom('registry_settings').selectAll().orderBy('country').execute();

export const settingRow = (db: Db, country: string): Promise<RegistrySettingRow | undefined> =>
  db.selectFrom('registry_settings').selectAll().where('country', '=', country).executeTakeFirst();

/** Writes a setting if its version is still the one read; false when someone changed it meanwhile. */
export async function updateSettingRow(db: Db, country: string, version: number, patch: Updateable<RegistrySettingsTable>): Promise<boolean> {
  const result = await db.updateTable('registry_settings').set({ ...patch, version: version + 1 })
    .where('country', '=', country).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Bookkeeping that is not an admin's edit (the feed's position, Peru's load): the version stays. */
export async function setSettingState(db: Db, country: string, patch: Pick<Updateable<RegistrySettingsTable>, 'feed_cursor' | 'loaded_at' | 'loaded_count'>): Promise<void> {
  await db.updateTable('registry_settings').set(patch).where('country', '=', country).execute();
}
