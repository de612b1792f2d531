import type { AccountRow, Db } from '@server/db/database';
import { accountScope, type Actor } from '@server/policies';

/** The contact persons of an organization (or the organizations of a person) the actor may see, with the person rows. */
export async function visibleContactsOf(db: Db, actor: Actor, account: AccountRow): Promise<Array<{ person: AccountRow; position: string | null }>> {
  if (account.kind !== 'organization') return [];
  const rows = await db
    .selectFrom('contacts')
    .innerJoin('accounts as person', 'person.id', 'contacts.person_id')
    .selectAll('person')
    .select('contacts.position as contact_position')
    .where('contacts.organization_id', '=', account.id)
    .where(accountScope(actor, 'person'))
    .orderBy('person.name_norm')
    .orderBy('person.id')
    .execute();
  return rows.map(({ contact_position, ...person }) => ({ person, position: contact_position }));
}

/** The contacts of many organizations at once (a bulk page), by organization id, seen through the portfolio. */
export async function visibleContactsOfMany(db: Db, actor: Actor, organizationIds: string[]): Promise<Map<string, Array<{ person: AccountRow; position: string | null }>>> {
  const found = new Map<string, Array<{ person: AccountRow; position: string | null }>>();
  if (organizationIds.length === 0) return found;
  const rows = await db
    .selectFrom('contacts')
    .innerJoin('accounts as person', 'person.id', 'contacts.person_id')
    .selectAll('person')
    .select(['contacts.position as contact_position', 'contacts.organization_id as contact_organization_id'])
    .where('contacts.organization_id', 'in', organizationIds)
    .where(accountScope(actor, 'person'))
    .orderBy('person.name_norm')
    .orderBy('person.id')
    .execute();
  for (const { contact_position, contact_organization_id, ...person } of rows) {
    found.set(contact_organization_id, [...(found.get(contact_organization_id) ?? []), { person, position: contact_position }]);
  }
  return found;
}

/** A person that is a visible contact of the organization (or the account itself, when it is that person). */
export async function findVisibleContact(db: Db, actor: Actor, account: AccountRow, personId: string): Promise<{ person: AccountRow; position: string | null } | undefined> {
  if (account.kind === 'person') return account.id === personId ? { person: account, position: null } : undefined;
  return (await visibleContactsOf(db, actor, account)).find((contact) => contact.person.id === personId);
}
