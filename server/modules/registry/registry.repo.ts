import type { Insertable, Selectable } from 'kysely';
import type { Db } from '@server/db/database';
import type { AccountRegistryLinksTable, RegistryLookupsTable } from '@server/db/registry-tables';

export type LookupRow = Selectable<RegistryLookupsTable>;
export type RegistryLinkRow = Selectable<AccountRegistryLinksTable>;

export async function insertLookup(db: Db, row: LookupRow): Promise<void> {
  await db.insertInto('registry_lookups').values(row).execute();
}

/** A lookup the actor made themselves: nobody creates an account from someone else's answer. */
export const findOwnLookup = (db: Db, id: string, actorId: string): Promise<LookupRow | undefined> =>
  db.selectFrom('registry_lookups').selectAll().where('id', '=', id).where('created_by', '=', actorId).executeTakeFirst();

export async function insertRegistryLinks(db: Db, rows: Insertable<AccountRegistryLinksTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('account_registry_links').values(rows).execute();
}

/** Lookups older than this that no account was created from; their answers are kept in the links. */
export async function deleteLookupsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('registry_lookups').where('fetched_at', '<', before).execute();
}
