import { accountCreateSchema, type AccountKind } from '@contract/accounts';
import { tagNameSchema } from '@contract/tags';
import { checkTaxId } from '@contract/tax-id';
import type { ImportListField, ImportRules, ImportTarget } from '@contract/imports';
import { fieldIssue } from '@contract/validation';
import type { Db } from '@server/db/database';
import type { FieldError } from '@server/lib/errors';
import { normalizeEmail, normalizeText } from '@server/lib/normalize';
import { isUnsafeText } from '@server/lib/safe-text';
import { blankAccountFields, type AccountFields } from '@server/modules/accounts/account-fields';
import { activeUserDirectory } from '@server/modules/users/users.repo';

/**
 * Label or key (normalised) → item key, per list; country names in both languages → ISO code;
 * active users by e-mail and by name (null for a name several users share).
 */
export type ImportLookups = {
  stage: Map<string, string>;
  industry: Map<string, string>;
  source: Map<string, string>;
  countries: Map<string, string>;
  users: Map<string, string | null>;
};

/** The words a kind column may hold, in both languages (what exports write, and common synonyms). */
const kindWords = new Map<string, AccountKind>([
  ...['organizacion', 'organization', 'organisation', 'empresa', 'company', 'org'].map((word): [string, AccountKind] => [word, 'organization']),
  ...['persona', 'person', 'contacto', 'contact', 'particular', 'individual'].map((word): [string, AccountKind] => [word, 'person']),
]);

let countryNames: Map<string, string> | null = null;

/** "España", "Spain", "es", "ESP" → "ES", from the runtime's own region names. */
function countries(): Map<string, string> {
  if (countryNames) return countryNames;
  const names = new Map<string, string>();
  const displays = ['es', 'en'].map((language) => new Intl.DisplayNames([language], { type: 'region' }));
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      for (const display of displays) {
        const name = display.of(code);
        if (name && name !== code) {
          names.set(normalizeText(name), code);
          names.set(code.toLowerCase(), code);
        }
      }
    }
  }
  for (const [alias, code] of [['espana', 'ES'], ['spain', 'ES'], ['esp', 'ES'], ['usa', 'US'], ['eeuu', 'US'], ['ee.uu.', 'US'], ['uk', 'GB'], ['mex', 'MX']] as const) {
    names.set(alias, code);
  }
  countryNames = names;
  return names;
}

/** The active items of the account lists, indexed by key and by both labels. */
export async function loadLookups(db: Db): Promise<ImportLookups> {
  const rows = await db
    .selectFrom('list_items')
    .select(['list_key', 'key', 'label_es', 'label_en'])
    .where('list_key', 'in', ['account_stage', 'industry', 'source'])
    .where('active', '=', true)
    .execute();
  const lookups: ImportLookups = { stage: new Map(), industry: new Map(), source: new Map(), countries: countries(), users: new Map() };
  for (const row of rows) {
    const map = row.list_key === 'account_stage' ? lookups.stage : row.list_key === 'industry' ? lookups.industry : lookups.source;
    for (const label of [row.key, row.label_es, row.label_en]) map.set(normalizeText(label), row.key);
  }
  const users = await activeUserDirectory(db);
  for (const user of users) {
    const name = normalizeText(user.name);
    lookups.users.set(name, lookups.users.has(name) ? null : user.id);
  }
  // E-mails are unique, and win over a name that happens to read the same.
  for (const user of users) lookups.users.set(normalizeEmail(user.email), user.id);
  return lookups;
}

/**
 * A row ready to write: the account's fields; for a person, the company to link it to; the tags
 * (by name) it gets; and its owners when the file names them (else the import's own).
 */
export type ParsedRow = {
  kind: AccountKind;
  fields: AccountFields;
  company: { name: string | null; taxId: string | null; position: string | null } | null;
  tags: string[];
  ownerIds: string[] | null;
};

export type RowResult = { ok: true; row: ParsedRow } | { ok: false; errors: FieldError[] };

const splitList = (value: string | undefined): string[] =>
  (value ?? '').split(/[;,\n]+/).map((part) => part.trim()).filter((part) => part.length > 0);

/** Names may hold commas ("García, Ana", "Feria, 2027"): tags and owners split on semicolons and lines only. */
const splitNames = (value: string | undefined): string[] =>
  (value ?? '').split(/[;\n]+/).map((part) => part.trim()).filter((part) => part.length > 0);

function kindOf(value: string | undefined, fallback: AccountKind, errors: FieldError[]): AccountKind {
  if (!value) return fallback;
  const kind = kindWords.get(normalizeText(value));
  if (!kind) errors.push({ field: 'kind', code: 'unknown_list_item' });
  return kind ?? fallback;
}

/** Tag names, once each (ignoring case and accents, as tags are unique); a name no tag could have is an error. */
function tagsOf(value: string | undefined, errors: FieldError[]): string[] {
  const names = new Map<string, string>();
  for (const name of splitNames(value)) {
    if (!tagNameSchema.safeParse(name).success) {
      errors.push({ field: 'tags', code: 'too_long', params: { maximum: 60 } });
      continue;
    }
    if (!names.has(normalizeText(name))) names.set(normalizeText(name), name);
  }
  return [...names.values()];
}

/** Owners named by e-mail or name; null when the file names none (the import's owners apply). */
function ownersOf(value: string | undefined, users: ImportLookups['users'], errors: FieldError[]): string[] | null {
  const names = splitNames(value);
  if (names.length === 0) return null;
  const ids: string[] = [];
  for (const name of names) {
    const key = name.includes('@') ? normalizeEmail(name) : normalizeText(name);
    const id = users.get(key);
    if (id === null) errors.push({ field: 'owners', code: 'ambiguous_user' });
    else if (id === undefined) errors.push({ field: 'owners', code: 'unknown_user' });
    else if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** API field path of a zod issue → the import field the user mapped. */
function targetOf(path: string, kind: AccountKind, values: Partial<Record<ImportTarget, string>>): string {
  const head = path.split('.')[0] ?? path;
  if (head === 'emails') return 'email';
  if (head === 'phones') return 'phone';
  if (head === 'addresses') return path.split('.')[2] ?? 'street';
  if (kind === 'person' && head === 'firstName' && !values.firstName) return values.fullName ? 'fullName' : values.name ? 'name' : head;
  return head;
}

function listValue(map: Map<string, string>, field: ImportListField, value: string | undefined, errors: FieldError[]): string | null {
  if (!value) return null;
  const key = map.get(normalizeText(value));
  if (!key) errors.push({ field, code: 'unknown_list_item' });
  return key ?? null;
}

/**
 * One file row as an account, validated by the same schema as the API's create (so an import
 * accepts exactly what the form accepts), with list labels and country names resolved.
 */
export function parseRow(values: Partial<Record<ImportTarget, string>>, rules: ImportRules, lookups: ImportLookups): RowResult {
  // The rule every API string follows (see plugins/hostile-input.ts): PostgreSQL cannot store NUL.
  const errors: FieldError[] = Object.entries(values).filter(([, value]) => value !== undefined && isUnsafeText(value))
    .map(([field]) => ({ field, code: 'invalid_characters' }));
  const kind = kindOf(values.kind, rules.kind, errors);
  let firstName = values.firstName;
  let lastName = values.lastName;
  // A person's name in one column: "Nombre completo", or in a file of both kinds its "Nombre".
  const fullName = values.fullName ?? (kind === 'person' ? values.name : undefined);
  if (kind === 'person' && !firstName && fullName) {
    const [first = '', ...rest] = fullName.split(/\s+/);
    firstName = first;
    lastName = lastName ?? (rest.join(' ') || undefined);
  }
  const name = kind === 'organization' ? (values.name ?? values.fullName) : undefined;
  const tags = tagsOf(values.tags, errors);
  const ownerIds = ownersOf(values.owners, lookups.users, errors);
  const countryText = values.country;
  const country = countryText ? (lookups.countries.get(normalizeText(countryText)) ?? countryText) : undefined;
  const stage = rules.stage ?? listValue(lookups.stage, 'stage', values.stage, errors) ?? 'lead';
  const industry = listValue(lookups.industry, 'industry', values.industry, errors);
  const source = listValue(lookups.source, 'source', values.source, errors);
  const address = { street: values.street, postalCode: values.postalCode, city: values.city, region: values.region, country };
  const hasAddress = Object.values(address).some((part) => part !== undefined);
  const input = {
    kind,
    ...(kind === 'organization' ? { name } : { firstName, lastName }),
    stage,
    taxId: values.taxId,
    website: values.website,
    notes: values.notes,
    emails: splitList(values.email),
    phones: splitList(values.phone),
    ...(hasAddress ? { addresses: { visit: address } } : {}),
  };
  const parsed = accountCreateSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const mapped = fieldIssue({ code: issue.code, path: issue.path, message: issue.message, params: { ...issue } });
      errors.push({ field: targetOf(mapped.field, kind, values), code: mapped.code, params: mapped.params });
    }
  }
  // As the accounts service checks it: valid for the account's country.
  if (parsed.success && parsed.data.taxId && !checkTaxId(parsed.data.taxId, parsed.data.addresses?.visit?.country ?? null).valid) {
    errors.push({ field: 'taxId', code: 'invalid_tax_id' });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  const data = parsed.data;
  const fields: AccountFields = {
    ...blankAccountFields(stage),
    name: kind === 'organization' ? (data.name ?? null) : null,
    firstName: kind === 'person' ? (data.firstName ?? null) : null,
    lastName: kind === 'person' ? (data.lastName ?? null) : null,
    stage,
    taxId: data.taxId ?? null,
    industry,
    source,
    website: data.website ?? null,
    emails: data.emails ?? [],
    phones: data.phones ?? [],
    addresses: data.addresses ?? {},
    notes: data.notes ?? null,
    invoiceDelivery: null,
    invoiceEmail: null,
    creditDays: null,
    teamId: null,
  };
  const company = kind === 'person' && (values.company || values.companyTaxId)
    ? { name: values.company ?? null, taxId: values.companyTaxId ?? null, position: values.position ?? null }
    : null;
  return { ok: true, row: { kind, fields, company, tags, ownerIds } };
}
