import type { MergeValues } from '@contract/email-merge';
import type { AccountRow } from '@server/db/database';
import { fieldsOf } from '@server/modules/accounts/account-fields';

type Person = { name: string; email: string };

/** An account's merge fields; a person also fills `contact.*` when no other contact is named. */
export function accountMergeValues(account: AccountRow): Record<string, string | null> {
  const fields = fieldsOf(account);
  return {
    'account.name': account.name,
    'account.firstName': account.first_name,
    'account.lastName': account.last_name,
    'account.email': fields.emails[0] ?? null,
    'account.phone': fields.phones[0] ?? null,
    'account.city': account.city,
    'account.country': account.country,
    'account.taxId': account.tax_id,
    'account.website': account.website,
  };
}

export function contactMergeValues(person: AccountRow, position: string | null): Record<string, string | null> {
  const fields = fieldsOf(person);
  return {
    'contact.name': person.name,
    'contact.firstName': person.first_name,
    'contact.lastName': person.last_name,
    'contact.email': fields.emails[0] ?? null,
    'contact.phone': fields.phones[0] ?? null,
    'contact.position': position,
  };
}

/**
 * Everything a message about `account` (and the contact person it is addressed to, if any) can
 * merge. `campaign.*` is filled only for a message sent for a campaign (see campaignMergeValues):
 * elsewhere a template using it is refused, never sent with the braces in it.
 */
export function mergeValuesFor(account: AccountRow, contact: { person: AccountRow; position: string | null } | null, user: Person): MergeValues {
  const person = contact ?? (account.kind === 'person' ? { person: account, position: null } : null);
  return {
    ...accountMergeValues(account),
    ...(person ? contactMergeValues(person.person, person.position) : {}),
    'user.name': user.name,
    'user.email': user.email,
  };
}

/** Only the values a text uses: what a bulk message keeps in its outbox row. */
export const pickValues = (values: MergeValues, keys: readonly string[]): Record<string, string | null> =>
  Object.fromEntries(keys.map((key) => [key, values[key] ?? null]));

/** What a message sent for a campaign can merge about it. */
export const campaignMergeValues = (campaign: { name: string; product: string | null }): Record<string, string | null> => ({
  'campaign.name': campaign.name,
  'campaign.product': campaign.product,
});
