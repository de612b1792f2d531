import { contactCreateSchema, contactUpdateSchema, type Contact, type ContactCreate } from '@contract/contacts';
import type { z } from 'zod';
import type { AccountRow, ContactRow, Db } from '@server/db/database';
import { isUniqueViolation } from '@server/db/errors';
import type { FieldChange } from '@server/lib/diff';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { blankAccountFields } from './account-fields';
import { ownersOf } from './accounts.repo';
import { insertNewAccount, requireVisibleAccount } from './accounts.service';
import { deleteContact, findContact, findContactPair, insertContact, listContactsOf, updateContactRow } from './contacts.repo';

const invalid = (field: string, code: string) => new AppError('validation_failed', { fields: [{ field, code }] });

/** Both accounts' histories show every change to the link between them. */
async function auditBoth(trx: Db, actor: Actor, contact: ContactRow, action: string, changes: FieldChange[]): Promise<void> {
  for (const accountId of [contact.person_id, contact.organization_id]) {
    await writeAudit(trx, { actorId: actor.id, entity: 'contact', entityId: contact.id, accountId, action, changes });
  }
}

export async function listContacts(db: Db, actor: Actor, accountId: string): Promise<Contact[]> {
  return listContactsOf(db, actor, await requireVisibleAccount(db, actor, accountId));
}

async function presentContact(db: Db, actor: Actor, account: AccountRow, contactId: string): Promise<Contact> {
  const contact = (await listContactsOf(db, actor, account)).find((item) => item.id === contactId);
  if (!contact) throw new AppError('not_found');
  return contact;
}

/**
 * Links a person and an organization, from either side. The other side is an account the actor
 * can see, or a new one created in the same transaction, owned like the account it joins.
 */
export async function addContact(db: Db, actor: Actor, accountId: string, input: ContactCreate): Promise<Contact> {
  const data = contactCreateSchema.parse(input);
  const { here, contact } = await db.transaction().execute(async (trx) => {
    const here = await requireVisibleAccount(trx, actor, accountId);
    authorize(actor, { domain: 'account', action: 'update' });
    const other = await otherSide(trx, actor, here, data);
    const [person, organization] = here.kind === 'person' ? [here, other] : [other, here];
    if (await findContactPair(trx, person.id, organization.id)) throw new AppError('contact_exists');
    const row: ContactRow = {
      id: newId(), person_id: person.id, organization_id: organization.id,
      position: data.position ?? null, area: data.area ?? null, created_at: nowIso(), created_by: actor.id,
    };
    await insertContact(trx, row).catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError('contact_exists') : error;
    });
    await auditBoth(trx, actor, row, 'contact_added', [
      { field: 'person', before: null, after: person.name },
      { field: 'organization', before: null, after: organization.name },
      { field: 'position', before: null, after: row.position },
      { field: 'area', before: null, after: row.area },
    ]);
    return { here, contact: row };
  });
  return presentContact(db, actor, here, contact.id);
}

async function otherSide(trx: Db, actor: Actor, here: AccountRow, data: z.output<typeof contactCreateSchema>): Promise<AccountRow> {
  const wanted = here.kind === 'person' ? 'organization' : 'person';
  if (data.otherId) {
    const other = await requireVisibleAccount(trx, actor, data.otherId).catch(() => {
      throw invalid('otherId', 'unknown_account');
    });
    if (other.kind !== wanted) throw invalid('otherId', 'wrong_kind');
    return other;
  }
  const owners = ((await ownersOf(trx, [here.id])).get(here.id) ?? []).map((owner) => owner.id);
  const ownerIds = actor.role === 'agent' && !owners.includes(actor.id) ? [...owners, actor.id] : owners;
  // A contact made from here belongs to the same team of ours; invoices are the organization's business.
  const base = { ...blankAccountFields(here.stage), teamId: here.team_id };
  if (data.newPerson && wanted === 'person') {
    const p = data.newPerson;
    return insertNewAccount(trx, actor, 'person', {
      ...base, firstName: p.firstName, lastName: p.lastName ?? null,
      emails: p.email ? [p.email] : [], phones: p.phone ? [p.phone] : [],
    }, ownerIds);
  }
  if (data.newOrganization && wanted === 'organization') {
    return insertNewAccount(trx, actor, 'organization', { ...base, name: data.newOrganization.name, emails: [], phones: [] }, ownerIds);
  }
  throw invalid(data.newPerson ? 'newPerson' : 'newOrganization', 'wrong_kind');
}

/** Changes the position or area of a contact. */
export async function updateContact(db: Db, actor: Actor, accountId: string, contactId: string, input: z.input<typeof contactUpdateSchema>): Promise<Contact> {
  const data = contactUpdateSchema.parse(input);
  const here = await db.transaction().execute(async (trx) => {
    const before = await visibleContact(trx, actor, accountId, contactId);
    authorize(actor, { domain: 'account', action: 'update' });
    const after = { ...before, position: data.position === undefined ? before.position : data.position, area: data.area === undefined ? before.area : data.area };
    await updateContactRow(trx, contactId, { position: after.position, area: after.area });
    await auditBoth(trx, actor, after, 'contact_updated', [
      { field: 'position', before: before.position, after: after.position },
      { field: 'area', before: before.area, after: after.area },
    ].filter((change) => change.before !== change.after));
    return requireVisibleAccount(trx, actor, accountId);
  });
  return presentContact(db, actor, here, contactId);
}

/** Unlinks a person from an organization; both accounts stay. */
export async function removeContact(db: Db, actor: Actor, accountId: string, contactId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const contact = await visibleContact(trx, actor, accountId, contactId);
    authorize(actor, { domain: 'account', action: 'update' });
    await deleteContact(trx, contactId);
    await auditBoth(trx, actor, contact, 'contact_removed', [{ field: 'position', before: contact.position, after: null }]);
  });
}

/** A contact of this account whose both sides the actor can see; anything else is a 404. */
async function visibleContact(trx: Db, actor: Actor, accountId: string, contactId: string): Promise<ContactRow> {
  await requireVisibleAccount(trx, actor, accountId);
  const contact = await findContact(trx, contactId);
  if (!contact || (contact.person_id !== accountId && contact.organization_id !== accountId)) throw new AppError('not_found');
  const otherId = contact.person_id === accountId ? contact.organization_id : contact.person_id;
  await requireVisibleAccount(trx, actor, otherId);
  return contact;
}
