import { addressesSchema, type Addresses, type AccountKind, type InvoiceDelivery } from '@contract/accounts';
import { z } from 'zod';
import type { AccountRow } from '@server/db/database';
import { parseJsonColumn } from '@server/lib/json';
import { normalizeTaxIdFor } from '@contract/tax-id';
import { normalizeEmail, phoneSearchForms, normalizeText, searchWords } from '@server/lib/normalize';

/** The editable fields of an account in API terms: what forms send and what history compares. */
export type AccountFields = {
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  stage: string;
  taxId: string | null;
  industry: string | null;
  source: string | null;
  website: string | null;
  emails: string[];
  phones: string[];
  addresses: Addresses;
  notes: string | null;
  invoiceDelivery: InvoiceDelivery | null;
  invoiceEmail: string | null;
  creditDays: number | null;
  teamId: string | null;
  parentId: string | null;
  birthDate: string | null;
  nationalId: string | null;
  preferredChannel: string | null;
  language: string | null;
};

export const auditedAccountFields = [
  'name', 'firstName', 'lastName', 'stage', 'taxId', 'industry', 'source', 'website', 'emails', 'phones', 'addresses', 'notes',
  'invoiceDelivery', 'invoiceEmail', 'creditDays', 'teamId', 'parentId',
  'birthDate', 'nationalId', 'preferredChannel', 'language',
] as const satisfies ReadonlyArray<keyof AccountFields>;

const stringList = z.array(z.string());

/** A new account's fields before anything is filled in; a new field gets its default here, once. */
export function blankAccountFields(stage: string): AccountFields {
  return {
    name: null, firstName: null, lastName: null, stage, taxId: null, industry: null, source: null, website: null,
    emails: [], phones: [], addresses: {}, notes: null,
    invoiceDelivery: null, invoiceEmail: null, creditDays: null, teamId: null, parentId: null,
    birthDate: null, nationalId: null, preferredChannel: null, language: null,
  };
}

/** The account's first e-mail and phone: what a list row shows, without reading the rest of its fields. */
export function firstContactOf(row: Pick<AccountRow, 'emails' | 'phones'>): { email: string | null; phone: string | null } {
  return { email: parseJsonColumn(row.emails, stringList, [])[0] ?? null, phone: parseJsonColumn(row.phones, stringList, [])[0] ?? null };
}

export function fieldsOf(row: AccountRow): AccountFields {
  return {
    name: row.kind === 'organization' ? row.name : null,
    firstName: row.first_name,
    lastName: row.last_name,
    stage: row.stage,
    taxId: row.tax_id,
    industry: row.industry,
    source: row.source,
    website: row.website,
    emails: parseJsonColumn(row.emails, stringList, []),
    phones: parseJsonColumn(row.phones, stringList, []),
    addresses: parseJsonColumn(row.addresses, addressesSchema, {}),
    notes: row.notes,
    invoiceDelivery: row.invoice_delivery,
    invoiceEmail: row.invoice_email,
    creditDays: row.credit_days,
    teamId: row.team_id,
    parentId: row.parent_id,
    birthDate: row.birth_date,
    nationalId: row.national_id,
    preferredChannel: row.preferred_channel,
    language: row.language,
  };
}

/** Where the account is, for filters and tax-id rules: the visit address, else the postal one. */
export function location(addresses: Addresses): { city: string | null; country: string | null } {
  const main = addresses.visit?.city || addresses.visit?.country ? addresses.visit : addresses.postal;
  return { city: main?.city ?? null, country: main?.country ?? null };
}

export const displayName = (kind: AccountKind, fields: AccountFields): string =>
  kind === 'organization'
    ? (fields.name ?? '')
    : [fields.firstName, fields.lastName].filter((part) => part).join(' ');

/** The stored columns for these fields, normalised twins included. */
export function columnsOf(kind: AccountKind, fields: AccountFields) {
  const name = displayName(kind, fields);
  const { city, country } = location(fields.addresses);
  return {
    name,
    name_norm: normalizeText(name),
    first_name: kind === 'person' ? fields.firstName : null,
    last_name: kind === 'person' ? fields.lastName : null,
    stage: fields.stage,
    tax_id: fields.taxId,
    tax_id_norm: fields.taxId ? normalizeTaxIdFor(fields.taxId, country) : null,
    industry: fields.industry,
    industry_norm: fields.industry,
    source: fields.source,
    website: fields.website,
    emails: JSON.stringify(fields.emails.map(normalizeEmail)),
    phones: JSON.stringify(fields.phones),
    addresses: JSON.stringify(fields.addresses),
    city,
    city_norm: city ? normalizeText(city) : null,
    country,
    notes: fields.notes,
    invoice_delivery: fields.invoiceDelivery,
    invoice_email: fields.invoiceEmail,
    credit_days: fields.creditDays,
    team_id: fields.teamId,
    parent_id: fields.parentId,
    birth_date: kind === 'person' ? fields.birthDate : null,
    national_id: kind === 'person' ? fields.nationalId : null,
    preferred_channel: kind === 'person' ? fields.preferredChannel : null,
    language: kind === 'person' ? fields.language : null,
  };
}

/** Search terms: name words, e-mails and their domains, phones in E.164 and national digits, the tax id. */
export function termsOf(kind: AccountKind, fields: AccountFields, country: string | null): string[] {
  const terms = new Set<string>(searchWords(displayName(kind, fields)));
  for (const email of fields.emails) {
    const normalized = normalizeEmail(email);
    terms.add(normalized);
    const domain = normalized.split('@')[1];
    if (domain) terms.add(domain);
  }
  for (const phone of fields.phones) {
    for (const form of phoneSearchForms(phone, country)) terms.add(form);
  }
  if (fields.taxId) {
    const taxId = normalizeTaxIdFor(fields.taxId, country).toLowerCase();
    terms.add(taxId);
    // Also as a VAT number (country prefix + id), the way invoices often print it.
    if (country) terms.add(country.toLowerCase() + taxId);
  }
  return [...terms].filter((term) => term.length > 0 && term.length <= 200);
}

/** A free-text query as term prefixes: words, with phone-like input collapsed to its digits. */
export function queryPrefixes(q: string): string[][] {
  if (/^[+0-9 ().-]+$/.test(q) && /[0-9]{3}/.test(q.replace(/[^0-9]/g, ''))) {
    return [[q.replace(/[^0-9]/g, '')]];
  }
  return searchWords(q).map((word) => {
    const compact = word.replace(/[^\p{L}\p{N}]/gu, '');
    return compact && compact !== word ? [word, compact] : [word];
  });
}
