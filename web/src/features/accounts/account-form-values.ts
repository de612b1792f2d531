import type {
  Account,
  AccountCreate,
  AccountKind,
  AccountStage,
  AccountUpdate,
  Address,
  InvoiceDelivery,
} from '@contract/accounts';

export type AddressValues = { street: string; postalCode: string; city: string; region: string; country: string };
export type AddressKey = 'visit' | 'postal' | 'billing';

/** The form keeps every field as a string: inputs never hold null. */
export type AccountFormValues = {
  kind: AccountKind;
  name: string;
  firstName: string;
  lastName: string;
  stage: AccountStage;
  taxId: string;
  /** Keys of configurable-list items; null is "none". */
  industry: string | null;
  source: string | null;
  website: string;
  emails: string[];
  phones: string[];
  addresses: Record<AddressKey, AddressValues>;
  notes: string;
  ownerIds: string[];
  /** Company card (seed 003). Credit days as the number input gives them: a number, or '' when empty. */
  invoiceDelivery: InvoiceDelivery | null;
  invoiceEmail: string;
  creditDays: number | string;
  teamId: string | null;
  /** The parent organization (departments and subsidiaries); null is none. */
  parentId: string | null;
  /** A person's own details; YYYY-MM-DD or null for the birth date, list / language keys or null. */
  birthDate: string | null;
  nationalId: string;
  preferredChannel: string | null;
  language: string | null;
};

const emptyAddress: AddressValues = { street: '', postalCode: '', city: '', region: '', country: '' };

export function emptyAccountValues(kind: AccountKind, ownerIds: string[] = []): AccountFormValues {
  return {
    kind,
    name: '',
    firstName: '',
    lastName: '',
    stage: 'lead',
    taxId: '',
    industry: null,
    source: null,
    website: '',
    emails: [''],
    phones: [''],
    addresses: { visit: { ...emptyAddress }, postal: { ...emptyAddress }, billing: { ...emptyAddress } },
    notes: '',
    ownerIds,
    invoiceDelivery: null,
    invoiceEmail: '',
    creditDays: '',
    teamId: null,
    parentId: null,
    birthDate: null,
    nationalId: '',
    preferredChannel: null,
    language: null,
  };
}

function addressValues(address: Address | undefined): AddressValues {
  return {
    street: address?.street ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    country: address?.country ?? '',
  };
}

export function accountToValues(account: Account): AccountFormValues {
  return {
    kind: account.kind,
    name: account.name,
    firstName: account.firstName ?? '',
    lastName: account.lastName ?? '',
    stage: account.stage,
    taxId: account.taxId ?? '',
    industry: account.industry,
    source: account.source,
    website: account.website ?? '',
    emails: account.emails.length > 0 ? [...account.emails] : [''],
    phones: account.phones.length > 0 ? [...account.phones] : [''],
    addresses: {
      visit: addressValues(account.addresses.visit),
      postal: addressValues(account.addresses.postal),
      billing: addressValues(account.addresses.billing),
    },
    notes: account.notes ?? '',
    ownerIds: account.owners.map((owner) => owner.id),
    invoiceDelivery: account.invoiceDelivery,
    invoiceEmail: account.invoiceEmail ?? '',
    creditDays: account.creditDays ?? '',
    teamId: account.teamId,
    parentId: account.parentId,
    birthDate: account.birthDate,
    nationalId: account.nationalId ?? '',
    preferredChannel: account.preferredChannel,
    language: account.language,
  };
}

/** Blank rows are dropped; `index` maps a payload position back to the form row for errors. */
function compactList(values: string[]): { items: string[]; index: number[] } {
  const kept = values.map((value, index) => ({ value: value.trim(), index })).filter((row) => row.value !== '');
  return { items: kept.map((row) => row.value), index: kept.map((row) => row.index) };
}

function hasAddress(address: AddressValues): boolean {
  return Object.values(address).some((value) => value.trim() !== '');
}

/** '' is "no default"; anything else goes as a number for the schema to judge (0–365, whole). */
function creditDaysOf(value: number | string): number | null {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? null : Number(value);
}

export type PayloadWithPaths<T> = { payload: T; renamePath: (path: string) => string };

function common(values: AccountFormValues, includeEmptyAddresses: boolean) {
  const emails = compactList(values.emails);
  const phones = compactList(values.phones);
  const addresses: Partial<Record<AddressKey, AddressValues>> = {};
  for (const key of ['visit', 'postal', 'billing'] as const) {
    if (includeEmptyAddresses || hasAddress(values.addresses[key])) addresses[key] = values.addresses[key];
  }
  const names =
    values.kind === 'organization'
      ? { name: values.name }
      : {
          firstName: values.firstName,
          lastName: values.lastName,
          birthDate: values.birthDate,
          nationalId: values.nationalId,
          preferredChannel: values.preferredChannel,
          language: values.language,
        };
  const fields = {
    ...names,
    stage: values.stage,
    taxId: values.taxId,
    industry: values.industry,
    source: values.source,
    website: values.website,
    emails: emails.items,
    phones: phones.items,
    addresses,
    notes: values.notes,
    invoiceDelivery: values.invoiceDelivery,
    invoiceEmail: values.invoiceEmail.trim() === '' ? null : values.invoiceEmail,
    creditDays: creditDaysOf(values.creditDays),
    teamId: values.teamId,
    ...(values.kind === 'organization' ? { parentId: values.parentId } : {}),
  };
  const renamePath = (path: string): string => {
    const [list, position, ...rest] = path.split('.');
    const lists: Record<string, number[]> = { emails: emails.index, phones: phones.index };
    const map = list === undefined ? undefined : lists[list];
    const original = map?.[Number(position)];
    return map && original !== undefined ? [list, String(original), ...rest].join('.') : path;
  };
  return { fields, renamePath };
}

export function toCreatePayload(values: AccountFormValues): PayloadWithPaths<AccountCreate> {
  const { fields, renamePath } = common(values, false);
  return { payload: { kind: values.kind, ...fields, ownerIds: values.ownerIds }, renamePath };
}

export function toUpdatePayload(values: AccountFormValues, version: number): PayloadWithPaths<AccountUpdate> {
  // Every address goes out, so clearing one in the form clears it on the record.
  const { fields, renamePath } = common(values, true);
  return { payload: { version, ...fields }, renamePath };
}
