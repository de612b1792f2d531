import { accountCreateSchema, type AccountKind } from '@contract/accounts';
import { checkTaxId } from '@contract/tax-id';
import type { ImportRules, ImportTarget } from '@contract/imports';
import { fieldIssue } from '@contract/validation';
import type { Db } from '@server/db/database';
import type { FieldError } from '@server/lib/errors';
import { normalizeText } from '@server/lib/normalize';
import { blankAccountFields, type AccountFields } from '@server/modules/accounts/account-fields';

/** Label or key (normalised) → item key, per list; and country names in both languages → ISO code. */
export type ImportLookups = {
  stage: Map<string, string>;
  industry: Map<string, string>;
  source: Map<string, string>;
  countries: Map<string, string>;
};

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
  const lookups: ImportLookups = { stage: new Map(), industry: new Map(), source: new Map(), countries: countries() };
  for (const row of rows) {
    const map = row.list_key === 'account_stage' ? lookups.stage : row.list_key === 'industry' ? lookups.industry : lookups.source;
    for (const label of [row.key, row.label_es, row.label_en]) map.set(normalizeText(label), row.key);
  }
  return lookups;
}

/** A row ready to write: the account's fields and, for a person, the company to link it to. */
export type ParsedRow = {
  kind: AccountKind;
  fields: AccountFields;
  company: { name: string | null; taxId: string | null; position: string | null } | null;
};

export type RowResult = { ok: true; row: ParsedRow } | { ok: false; errors: FieldError[] };

const splitList = (value: string | undefined): string[] =>
  (value ?? '').split(/[;,\n]+/).map((part) => part.trim()).filter((part) => part.length > 0);

/** API field path of a zod issue → the import field the user mapped. */
function targetOf(path: string, kind: AccountKind, values: Partial<Record<ImportTarget, string>>): string {
  const head = path.split('.')[0] ?? path;
  if (head === 'emails') return 'email';
  if (head === 'phones') return 'phone';
  if (head === 'addresses') return path.split('.')[2] ?? 'street';
  if (kind === 'person' && head === 'firstName' && values.fullName) return 'fullName';
  return head;
}

function listValue(map: Map<string, string>, field: 'stage' | 'industry' | 'source', value: string | undefined, errors: FieldError[]): string | null {
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
  const kind = rules.kind;
  const errors: FieldError[] = [];
  let firstName = values.firstName;
  let lastName = values.lastName;
  if (kind === 'person' && !firstName && values.fullName) {
    const [first = '', ...rest] = values.fullName.split(/\s+/);
    firstName = first;
    lastName = lastName ?? (rest.join(' ') || undefined);
  }
  const countryText = values.country;
  const country = countryText ? (lookups.countries.get(normalizeText(countryText)) ?? countryText) : undefined;
  const stage = rules.stage ?? listValue(lookups.stage, 'stage', values.stage, errors) ?? 'lead';
  const industry = listValue(lookups.industry, 'industry', values.industry, errors);
  const source = listValue(lookups.source, 'source', values.source, errors);
  const address = { street: values.street, postalCode: values.postalCode, city: values.city, region: values.region, country };
  const hasAddress = Object.values(address).some((part) => part !== undefined);
  const input = {
    kind,
    ...(kind === 'organization' ? { name: values.name } : { firstName, lastName }),
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
  return { ok: true, row: { kind, fields, company } };
}
