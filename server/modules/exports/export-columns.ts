import type { Language } from '@contract/common';
import type { AccountRow, Db } from '@server/db/database';
import { fieldsOf } from '@server/modules/accounts/account-fields';

/** The columns of an accounts export, headed in the reader's language. */
export const exportColumns = [
  'kind', 'name', 'firstName', 'lastName', 'stage', 'taxId', 'emails', 'phones', 'street', 'postalCode', 'city', 'region',
  'country', 'industry', 'source', 'website', 'owners', 'notes', 'createdAt', 'updatedAt', 'id',
] as const;
type Column = (typeof exportColumns)[number];

const headings: Record<Language, Record<Column, string>> = {
  es: {
    kind: 'Tipo', name: 'Nombre', firstName: 'Nombre de pila', lastName: 'Apellidos', stage: 'Etapa', taxId: 'NIF/CIF',
    emails: 'Correos electrónicos', phones: 'Teléfonos', street: 'Dirección', postalCode: 'Código postal', city: 'Ciudad',
    region: 'Provincia', country: 'País', industry: 'Sector', source: 'Origen', website: 'Web', owners: 'Responsables',
    notes: 'Notas', createdAt: 'Creada', updatedAt: 'Modificada', id: 'ID',
  },
  en: {
    kind: 'Kind', name: 'Name', firstName: 'First name', lastName: 'Last name', stage: 'Stage', taxId: 'Tax ID',
    emails: 'E-mails', phones: 'Phones', street: 'Address', postalCode: 'Postal code', city: 'City',
    region: 'Region', country: 'Country', industry: 'Industry', source: 'Source', website: 'Website', owners: 'Owners',
    notes: 'Notes', createdAt: 'Created', updatedAt: 'Updated', id: 'ID',
  },
};

const kinds: Record<Language, Record<AccountRow['kind'], string>> = {
  es: { organization: 'Organización', person: 'Persona' },
  en: { organization: 'Organization', person: 'Person' },
};

export const exportHeadings = (language: Language): string[] => exportColumns.map((column) => headings[language][column]);

/** List item key → label in the reader's language, for stage, industry and source. */
export async function listLabels(db: Db, language: Language): Promise<Map<string, string>> {
  const rows = await db.selectFrom('list_items').select(['list_key', 'key', 'label_es', 'label_en'])
    .where('list_key', 'in', ['account_stage', 'industry', 'source']).execute();
  return new Map(rows.map((row) => [`${row.list_key}:${row.key}`, language === 'es' ? row.label_es : row.label_en]));
}

/** One account as export cells, in column order (not yet neutralised). */
export function exportCells(row: AccountRow, owners: string[], labels: Map<string, string>, language: Language): string[] {
  const fields = fieldsOf(row);
  const address = fields.addresses.visit ?? fields.addresses.postal;
  const label = (list: string, key: string | null) => (key ? (labels.get(`${list}:${key}`) ?? key) : '');
  const cells: Record<Column, string> = {
    kind: kinds[language][row.kind],
    name: row.name,
    firstName: row.first_name ?? '',
    lastName: row.last_name ?? '',
    stage: label('account_stage', row.stage),
    taxId: row.tax_id ?? '',
    emails: fields.emails.join('; '),
    phones: fields.phones.join('; '),
    street: address?.street ?? '',
    postalCode: address?.postalCode ?? '',
    city: row.city ?? '',
    region: address?.region ?? '',
    country: row.country ?? '',
    industry: label('industry', row.industry),
    source: label('source', row.source),
    website: row.website ?? '',
    owners: owners.join('; '),
    notes: row.notes ?? '',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    id: row.id,
  };
  return exportColumns.map((column) => cells[column]);
}
