import { accountListQuerySchema } from '@contract/accounts';
import type { Language } from '@contract/common';
import type { MergeValues } from '@contract/email-merge';
import type { EmailBulkSelection } from '@contract/emails';
import type { AccountRow, Db } from '@server/db/database';
import { accountScopeOf, type Actor } from '@server/policies';
import { countMatching, iterateAccounts } from '@server/modules/accounts/account-list';
import { fieldsOf } from '@server/modules/accounts/account-fields';
import { mergeValuesFor } from '../merge-values';
import { visibleContactsOfMany } from '../recipients.repo';
import { campaignRecipients } from './campaign-recipients';

/** One message of a bulk send: to whom, on whose timeline, in which language, with what to merge. */
export type BulkRecipient = {
  /** The account whose timeline gets the activity (the selected record). */
  accountId: string;
  /** The contact person it goes to, when it is an organization's contact. */
  contactId: string | null;
  address: string;
  name: string;
  language: Language | null;
  values: MergeValues;
};

/** A page of candidates: how many source records it covers, and how many of its targets have no address. */
export type RecipientPage = { recipients: BulkRecipient[]; records: number; noEmail: number };

/**
 * Where a bulk send's recipients come from: accounts (a selection, a list filter, a tag) or a
 * campaign's members. Every source reads through the author's portfolio: nobody outside it is
 * ever a candidate.
 */
export interface RecipientSource {
  /** How many targets (accounts, members) the source holds: the job's progress total. */
  count(): Promise<number>;
  pages(): AsyncGenerator<RecipientPage>;
}

const personLanguage = (row: AccountRow): Language | null => (row.language === 'es' || row.language === 'en' ? row.language : null);

type AccountSelection = Exclude<EmailBulkSelection, { campaignId: string }>;

const selectionQuery = (selection: AccountSelection) => {
  if ('ids' in selection) return { query: accountListQuerySchema.parse({}), ids: selection.ids };
  if ('tagId' in selection) return { query: accountListQuerySchema.parse({ tagId: selection.tagId }), ids: null };
  return { query: accountListQuerySchema.parse(selection.filter), ids: null };
};

/**
 * The messages for a page of accounts: each account's first address and, when asked, each
 * organization's visible contacts'; `extra` merge values (a campaign's) for all of them.
 */
export async function accountsPage(
  db: Db, author: Actor, accounts: AccountRow[], includeContacts: boolean, extra: MergeValues = {},
): Promise<RecipientPage> {
  const user = { name: author.name, email: author.email };
  const contacts = includeContacts ? await visibleContactsOfMany(db, author, accounts.filter((row) => row.kind === 'organization').map((row) => row.id)) : new Map();
  const page: RecipientPage = { recipients: [], records: accounts.length, noEmail: 0 };
  for (const account of accounts) {
    const address = fieldsOf(account).emails[0];
    if (address) page.recipients.push({ accountId: account.id, contactId: null, address, name: account.name, language: personLanguage(account), values: { ...mergeValuesFor(account, null, user), ...extra } });
    else page.noEmail += 1;
    for (const contact of contacts.get(account.id) ?? []) {
      const contactAddress = fieldsOf(contact.person).emails[0];
      if (!contactAddress) {
        page.noEmail += 1;
        continue;
      }
      page.recipients.push({
        accountId: account.id, contactId: contact.person.id, address: contactAddress, name: contact.person.name,
        language: personLanguage(contact.person), values: { ...mergeValuesFor(account, contact, user), ...extra },
      });
    }
  }
  return page;
}

/** The accounts of a selection in the author's portfolio, optionally with each organization's visible contacts. */
function accountRecipients(db: Db, author: Actor, selection: AccountSelection, includeContacts: boolean, pageSize: number): RecipientSource {
  const { query, ids } = selectionQuery(selection);
  const scope = accountScopeOf(author);
  return {
    count: () => countMatching(db, scope, query, ids),
    async *pages() {
      for await (const accounts of iterateAccounts(db, scope, query, ids, pageSize)) yield accountsPage(db, author, accounts, includeContacts);
    },
  };
}

/** Where a selection's recipients come from: accounts, or a campaign's members; always through the author's portfolio. */
export function recipientsOf(db: Db, author: Actor, selection: EmailBulkSelection, includeContacts: boolean, pageSize = 500): RecipientSource {
  if ('campaignId' in selection) return campaignRecipients(db, author, selection.campaignId, selection.statuses ?? null, includeContacts, pageSize);
  return accountRecipients(db, author, selection, includeContacts, pageSize);
}
