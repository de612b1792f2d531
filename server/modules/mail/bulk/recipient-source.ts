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
 * Where a bulk send's recipients come from. Accounts (a selection, a list filter, a tag) today;
 * a campaign's members implement the same interface when campaigns arrive. Every source reads
 * through the author's portfolio: nobody outside it is ever a candidate.
 */
export interface RecipientSource {
  /** How many targets (accounts, members) the source holds: the job's progress total. */
  count(): Promise<number>;
  pages(): AsyncGenerator<RecipientPage>;
}

const personLanguage = (row: AccountRow): Language | null => (row.language === 'es' || row.language === 'en' ? row.language : null);

const selectionQuery = (selection: EmailBulkSelection) => {
  if ('ids' in selection) return { query: accountListQuerySchema.parse({}), ids: selection.ids };
  if ('tagId' in selection) return { query: accountListQuerySchema.parse({ tagId: selection.tagId }), ids: null };
  return { query: accountListQuerySchema.parse(selection.filter), ids: null };
};

/** The accounts of a selection in the author's portfolio, optionally with each organization's visible contacts. */
export function accountRecipients(db: Db, author: Actor, selection: EmailBulkSelection, includeContacts: boolean, pageSize = 500): RecipientSource {
  const { query, ids } = selectionQuery(selection);
  const scope = accountScopeOf(author);
  const user = { name: author.name, email: author.email };
  return {
    count: () => countMatching(db, scope, query, ids),
    async *pages() {
      for await (const accounts of iterateAccounts(db, scope, query, ids, pageSize)) {
        const contacts = includeContacts ? await visibleContactsOfMany(db, author, accounts.filter((row) => row.kind === 'organization').map((row) => row.id)) : new Map();
        const page: RecipientPage = { recipients: [], records: accounts.length, noEmail: 0 };
        for (const account of accounts) {
          const address = fieldsOf(account).emails[0];
          if (address) page.recipients.push({ accountId: account.id, contactId: null, address, name: account.name, language: personLanguage(account), values: mergeValuesFor(account, null, user) });
          else page.noEmail += 1;
          for (const contact of contacts.get(account.id) ?? []) {
            const contactAddress = fieldsOf(contact.person).emails[0];
            if (!contactAddress) {
              page.noEmail += 1;
              continue;
            }
            page.recipients.push({
              accountId: account.id, contactId: contact.person.id, address: contactAddress, name: contact.person.name,
              language: personLanguage(contact.person), values: mergeValuesFor(account, contact, user),
            });
          }
        }
        yield page;
      }
    },
  };
}
