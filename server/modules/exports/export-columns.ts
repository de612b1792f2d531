import type { AccountOverview, OverviewCounter } from '@contract/accounts';
import type { Language } from '@contract/common';
import { majorText } from '@contract/money';
import type { AccountRow, Db } from '@server/db/database';
import type { SheetCell, SheetColumn } from '@server/lib/spreadsheet-writer';
import { fieldsOf } from '@server/modules/accounts/account-fields';
import type { OrganizationLink } from './exports.repo';

/** The company counters an export carries, as the list's columns show them to the reader. */
export const companyCounters = ['activeProjects', 'openTasks', 'unsignedAgreements', 'invoicedThisYear'] as const satisfies readonly OverviewCounter[];

/**
 * The columns of an accounts export. Every column the import takes is headed as the import's
 * column mapping recognises it in that language (kind, name, company, position, tags…), so an
 * export read back by the import maps itself; the company counters (seed 003's Excel report) and
 * the last three are for reading only.
 */
export const exportColumns = [
  'kind', 'name', 'firstName', 'lastName', 'company', 'position', 'otherCompanies', 'stage', 'taxId', 'emails', 'phones',
  'street', 'postalCode', 'city', 'region', 'country', 'industry', 'source', 'website', 'tags', 'owners', 'notes',
  ...companyCounters, 'createdAt', 'updatedAt', 'id',
] as const;
type Column = (typeof exportColumns)[number];

const headings: Record<Language, Record<Column, string>> = {
  es: {
    kind: 'Tipo', name: 'Nombre', firstName: 'Nombre de pila', lastName: 'Apellidos', company: 'Empresa', position: 'Cargo',
    otherCompanies: 'Otras empresas', stage: 'Etapa', taxId: 'NIF/CIF', emails: 'Correos electrónicos', phones: 'Teléfonos',
    street: 'Dirección', postalCode: 'Código postal', city: 'Ciudad', region: 'Provincia', country: 'País', industry: 'Sector',
    source: 'Origen', website: 'Web', tags: 'Etiquetas', owners: 'Responsables', notes: 'Notas', createdAt: 'Creada',
    updatedAt: 'Modificada', id: 'ID', activeProjects: 'Proyectos activos', openTasks: 'Tareas abiertas',
    unsignedAgreements: 'Acuerdos sin firmar', invoicedThisYear: 'Facturado este año',
  },
  en: {
    kind: 'Kind', name: 'Name', firstName: 'First name', lastName: 'Last name', company: 'Company', position: 'Position',
    otherCompanies: 'Other companies', stage: 'Stage', taxId: 'Tax ID', emails: 'E-mails', phones: 'Phones',
    street: 'Address', postalCode: 'Postal code', city: 'City', region: 'Region', country: 'Country', industry: 'Industry',
    source: 'Source', website: 'Website', tags: 'Tags', owners: 'Owners', notes: 'Notes', createdAt: 'Created',
    updatedAt: 'Updated', id: 'ID', activeProjects: 'Active projects', openTasks: 'Open tasks',
    unsignedAgreements: 'Unsigned agreements', invoicedThisYear: 'Invoiced this year',
  },
};

/** Widths in characters: enough for the usual value, so a sheet opens readable without resizing. */
const widths: Record<Column, number> = {
  kind: 14, name: 32, firstName: 16, lastName: 20, company: 28, position: 20, otherCompanies: 28, stage: 14, taxId: 14,
  emails: 30, phones: 18, street: 30, postalCode: 10, city: 16, region: 16, country: 14, industry: 18, source: 16,
  website: 26, tags: 24, owners: 24, notes: 40, createdAt: 17, updatedAt: 17, id: 38,
  activeProjects: 10, openTasks: 10, unsignedAgreements: 10, invoicedThisYear: 24,
};

const kinds: Record<Language, Record<AccountRow['kind'], string>> = {
  es: { organization: 'Organización', person: 'Persona' },
  en: { organization: 'Organization', person: 'Person' },
};

export const exportSheetColumns = (language: Language): SheetColumn[] =>
  exportColumns.map((column) => ({ header: headings[language][column], width: widths[column] }));

/** List item key → label in the reader's language, for stage, industry and source. */
export async function listLabels(db: Db, language: Language): Promise<Map<string, string>> {
  const rows = await db.selectFrom('list_items').select(['list_key', 'key', 'label_es', 'label_en'])
    .where('list_key', 'in', ['account_stage', 'industry', 'source']).execute();
  return new Map(rows.map((row) => [`${row.list_key}:${row.key}`, language === 'es' ? row.label_es : row.label_en]));
}

/** What an export row shows beside the account's own columns. */
export type ExportExtras = { owners: string[]; tags: string[]; organizations: OrganizationLink[]; overview: AccountOverview };

/** Sums per currency side by side, never added up: "1210.00 EUR; 7.00 USD". */
const moneyCell = (sums: AccountOverview['invoicedThisYear']): string =>
  (sums ?? []).map((sum) => `${majorText(sum.amount, sum.currency)} ${sum.currency}`).join('; ');

const countryNames = { es: new Intl.DisplayNames(['es'], { type: 'region' }), en: new Intl.DisplayNames(['en'], { type: 'region' }) };
const countryName = (code: string | null, language: Language): string => {
  if (!code) return '';
  try {
    return countryNames[language].of(code) ?? code;
  } catch {
    return code; // not a region code the runtime knows: as stored
  }
};

/** One account as export cells, in column order: text as it is (each writer makes it safe), instants as dates. */
export function exportCells(row: AccountRow, extras: ExportExtras, labels: Map<string, string>, language: Language): SheetCell[] {
  const fields = fieldsOf(row);
  const address = fields.addresses.visit ?? fields.addresses.postal;
  const label = (list: string, key: string | null) => (key ? (labels.get(`${list}:${key}`) ?? key) : '');
  // The first organization goes where the import reads a person's company; the rest are listed beside it.
  const [first, ...others] = extras.organizations;
  const cells: Record<Column, SheetCell> = {
    kind: kinds[language][row.kind],
    name: row.name,
    firstName: row.first_name ?? '',
    lastName: row.last_name ?? '',
    company: first?.name ?? '',
    position: first?.position ?? '',
    otherCompanies: others.map((link) => (link.position ? `${link.name} (${link.position})` : link.name)).join('; '),
    stage: label('account_stage', row.stage),
    taxId: row.tax_id ?? '',
    emails: fields.emails.join('; '),
    phones: fields.phones.join('; '),
    street: address?.street ?? '',
    postalCode: address?.postalCode ?? '',
    city: row.city ?? '',
    region: address?.region ?? '',
    country: countryName(row.country, language),
    industry: label('industry', row.industry),
    source: label('source', row.source),
    website: row.website ?? '',
    tags: extras.tags.join('; '),
    owners: extras.owners.join('; '),
    notes: row.notes ?? '',
    activeProjects: String(extras.overview.activeProjects ?? 0),
    openTasks: String(extras.overview.openTasks ?? 0),
    unsignedAgreements: String(extras.overview.unsignedAgreements ?? 0),
    invoicedThisYear: moneyCell(extras.overview.invoicedThisYear),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    id: row.id,
  };
  return exportColumns.map((column) => cells[column]);
}
