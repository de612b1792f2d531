import type { Contact } from '@contract/contacts';
import type { AccountKind } from '@contract/accounts';
import type { ContactRow, Db } from '@server/db/database';
import { accountScope, type Actor } from '@server/policies';
import { inChunks } from '@server/lib/chunks';
import { firstOfJsonArray } from '@server/lib/json';

/**
 * The contacts of an account, seen through the portfolio: both the organization and the
 * person must be visible to the actor, so a contact never reveals an account outside it.
 * The filter names the account's own side: an OR over both columns kept PostgreSQL from
 * starting at the contacts indexes, and it joined every person to every organization.
 */
export async function listContactsOf(db: Db, actor: Actor, account: { id: string; kind: AccountKind }): Promise<Contact[]> {
  const rows = await db
    .selectFrom('contacts')
    .innerJoin('accounts as person', 'person.id', 'contacts.person_id')
    .innerJoin('accounts as organization', 'organization.id', 'contacts.organization_id')
    .select([
      'contacts.id', 'contacts.position', 'contacts.area', 'contacts.created_at',
      'person.id as person_id', 'person.name as person_name', 'person.emails as person_emails', 'person.phones as person_phones',
      'organization.id as organization_id', 'organization.name as organization_name',
    ])
    .where(account.kind === 'person' ? 'contacts.person_id' : 'contacts.organization_id', '=', account.id)
    .where(accountScope(actor, 'person'))
    .where(accountScope(actor, 'organization'))
    .orderBy('person.name_norm')
    .orderBy('organization.name_norm')
    .orderBy('contacts.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    area: row.area,
    createdAt: row.created_at,
    person: { id: row.person_id, name: row.person_name, email: firstOfJsonArray(row.person_emails), phone: firstOfJsonArray(row.person_phones) },
    organization: { id: row.organization_id, name: row.organization_name },
  }));
}

export const findContact = (db: Db, id: string): Promise<ContactRow | undefined> =>
  db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();

export const findContactPair = (db: Db, personId: string, organizationId: string): Promise<ContactRow | undefined> =>
  db.selectFrom('contacts').selectAll().where('person_id', '=', personId).where('organization_id', '=', organizationId).executeTakeFirst();

export async function insertContact(db: Db, row: ContactRow): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
}

export async function insertContactsBulk(db: Db, rows: ContactRow[]): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto('contacts').values(chunk).execute());
}

export async function updateContactRow(db: Db, id: string, patch: Pick<ContactRow, 'position' | 'area'>): Promise<void> {
  await db.updateTable('contacts').set(patch).where('id', '=', id).execute();
}

export async function deleteContact(db: Db, id: string): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

export async function deleteContacts(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('contacts').where('id', 'in', ids).execute();
}
