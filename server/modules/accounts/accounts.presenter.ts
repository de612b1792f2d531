import type { Account, AccountListItem, UserRef } from '@contract/accounts';
import type { AccountRow } from '@server/db/database';
import { can, type Actor } from '@server/policies';
import { fieldsOf } from './account-fields';

/** The full account for its page, with what the actor may do with it. */
export function presentAccount(row: AccountRow, owners: UserRef[], createdBy: UserRef | null, actor: Actor, parent: { id: string; name: string } | null = null): Account {
  return {
    ...fieldsOf(row),
    id: row.id,
    kind: row.kind,
    name: row.name,
    city: row.city,
    country: row.country,
    owners,
    parent,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy,
    version: row.version,
    abilities: {
      update: can(actor, { domain: 'account', action: 'update' }),
      discard: can(actor, { domain: 'account', action: 'discard' }),
    },
  };
}

/** A list row: only what the list shows, to keep pages small. */
export function presentListItem(row: AccountRow, owners: UserRef[]): AccountListItem {
  const fields = fieldsOf(row);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    stage: row.stage,
    email: fields.emails[0] ?? null,
    phone: fields.phones[0] ?? null,
    city: row.city,
    country: row.country,
    industry: row.industry,
    source: row.source,
    owners,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
