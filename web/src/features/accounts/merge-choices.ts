import type { Account } from '@contract/accounts';
import { mergeFieldKeys, type MergeField, type MergeRequest } from '@contract/merges';

/** A person's name is its first and last names; an organization's is its name. */
const notFor: Record<Account['kind'], ReadonlySet<MergeField>> = {
  organization: new Set(['firstName', 'lastName']),
  person: new Set(['name']),
};

const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || value === '' ||
  (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.values(value).every(isEmpty));

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A field's value on an account as the merge compares it (a parent outside the portfolio reads as none). */
export const valueOf = (account: Account, field: MergeField): unknown => account[field];

/** The fields whose values differ between the accounts: the only ones there is anything to choose. */
export function differingFields(accounts: Account[]): MergeField[] {
  const [first, ...rest] = accounts;
  if (!first) return [];
  return mergeFieldKeys.filter((field) => !notFor[first.kind].has(field) && rest.some((account) => !same(valueOf(account, field), valueOf(first, field))));
}

/** The account kept by default: the oldest, whose id other records and links are most likely to know. */
export function defaultSurvivor(accounts: Account[]): string | undefined {
  return [...accounts].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0]?.id;
}

/** Per differing field, the survivor's value, or the first account's that has one where the survivor's is empty. */
export function defaultChoices(accounts: Account[], survivorId: string): Partial<Record<MergeField, string>> {
  const survivor = accounts.find((account) => account.id === survivorId);
  const choices: Partial<Record<MergeField, string>> = {};
  if (!survivor) return choices;
  for (const field of differingFields(accounts)) {
    const filled = isEmpty(valueOf(survivor, field)) ? accounts.find((account) => !isEmpty(valueOf(account, field))) : undefined;
    choices[field] = filled?.id ?? survivor.id;
  }
  return choices;
}

/** The request: the fields taken from another account than the survivor, and the versions on screen. */
export function mergeRequest(accounts: Account[], survivorId: string, choices: Partial<Record<MergeField, string>>): MergeRequest {
  const fields: Partial<Record<MergeField, string>> = {};
  for (const field of mergeFieldKeys) {
    const source = choices[field];
    if (source && source !== survivorId) fields[field] = source;
  }
  return {
    survivorId,
    loserIds: accounts.filter((account) => account.id !== survivorId).map((account) => account.id),
    fields,
    versions: Object.fromEntries(accounts.map((account) => [account.id, account.version])),
  };
}
