import type { AccountKind } from '@contract/accounts';
import { importTargets, type ImportMapping, type ImportTarget } from '@contract/imports';
import { uncsvCell } from '@server/lib/cell-safe';
import { normalizeText } from '@server/lib/normalize';

/** Headers (normalised: lower case, no accents) that name each field, in Spanish and English. */
const synonyms: Record<ImportTarget, string[]> = {
  kind: ['tipo', 'kind', 'tipo de cuenta', 'account type', 'account kind'],
  firstName: ['nombre', 'name', 'first name', 'firstname', 'given name', 'nombre de pila', 'forename'],
  lastName: ['apellidos', 'apellido', 'last name', 'lastname', 'surname', 'family name', 'primer apellido'],
  fullName: ['nombre completo', 'full name', 'fullname', 'contacto', 'contact', 'contact name', 'persona', 'person'],
  name: ['razon social', 'nombre de la empresa', 'company name', 'organization', 'organisation', 'organizacion', 'nombre comercial', 'account name'],
  company: ['empresa', 'company', 'compania', 'organizacion', 'organization', 'cuenta', 'account', 'employer'],
  companyTaxId: ['cif empresa', 'nif empresa', 'ruc empresa', 'company tax id', 'company vat', 'cif de la empresa'],
  position: ['cargo', 'puesto', 'position', 'job title', 'title', 'role', 'titulo'],
  email: ['email', 'e-mail', 'correo', 'correo electronico', 'mail', 'email address', 'e-mail address', 'emails', 'e-mails', 'correos', 'correos electronicos'],
  phone: ['telefono', 'phone', 'movil', 'mobile', 'celular', 'tel', 'tlf', 'tfno', 'phone number', 'telephone', 'telefonos', 'phones'],
  taxId: ['nif', 'cif', 'ruc', 'dni', 'nie', 'rut', 'cuit', 'rfc', 'tax id', 'taxid', 'vat', 'vat number', 'nif/cif', 'identificacion fiscal'],
  website: ['web', 'website', 'sitio web', 'pagina web', 'url', 'www'],
  street: ['direccion', 'domicilio', 'calle', 'address', 'street', 'street address', 'address line 1'],
  postalCode: ['codigo postal', 'cp', 'c.p.', 'postal code', 'postcode', 'zip', 'zip code'],
  city: ['ciudad', 'localidad', 'poblacion', 'municipio', 'city', 'town'],
  region: ['provincia', 'region', 'estado', 'comunidad', 'state', 'county', 'province'],
  country: ['pais', 'country', 'nacion'],
  industry: ['sector', 'industria', 'industry', 'actividad', 'vertical'],
  source: ['origen', 'fuente', 'source', 'lead source', 'como nos conocio', 'canal'],
  stage: ['etapa', 'fase', 'estado comercial', 'stage', 'lifecycle stage', 'tipo de cliente', 'status'],
  notes: ['notas', 'nota', 'observaciones', 'comentarios', 'notes', 'note', 'comments', 'description', 'descripcion'],
  tags: ['etiquetas', 'etiqueta', 'tags', 'tag', 'labels'],
  owners: ['responsables', 'responsable', 'owners', 'owner', 'propietarios', 'account owner'],
};

/** In a file of both kinds, a bare "name" is each account's own name (an organization's, or a person's in full). */
const bothKindsNames = new Set(['nombre', 'name']);

const byHeader = new Map<string, ImportTarget[]>();
for (const target of importTargets) {
  for (const word of synonyms[target]) byHeader.set(word, [...(byHeader.get(word) ?? []), target]);
}

export const headerKey = (header: string): string => normalizeText(header).replace(/[_*:]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Proposes a field for each header. Kind decides the ambiguous ones: in an organization file
 * "nombre" or "empresa" is the account's name; in a person file it is the first name and the
 * person's company; in a file with a kind column (both kinds) "nombre" is the name and
 * "empresa" a person's company. Each field is proposed once, to its first column.
 */
export function autoMap(headers: string[], kind: AccountKind): ImportMapping {
  const used = new Set<ImportTarget>();
  const bothKinds = headers.some((header) => byHeader.get(headerKey(header))?.includes('kind'));
  return headers.map((header) => {
    const key = headerKey(header);
    const candidates: ImportTarget[] = bothKinds && bothKindsNames.has(key) ? ['name'] : (byHeader.get(key) ?? []);
    for (const raw of candidates) {
      const target = bothKinds ? raw : forKind(raw, kind);
      if (target && !used.has(target)) {
        used.add(target);
        return target;
      }
    }
    return null;
  });
}

function forKind(target: ImportTarget, kind: AccountKind): ImportTarget | null {
  if (kind === 'person') return target === 'name' ? 'company' : target;
  switch (target) {
    case 'firstName':
    case 'company':
    case 'fullName':
      return 'name';
    case 'lastName':
    case 'companyTaxId':
    case 'position':
      return null;
    default:
      return target;
  }
}

/**
 * The values of one record by field; several columns for one field (two phone columns) are joined.
 * A cell a careful exporter guarded against formulas ("'+34 600…") reads as the text it guarded.
 */
export function valuesOf<T extends string>(record: string[], mapping: ReadonlyArray<T | null>): Partial<Record<T, string>> {
  const values: Partial<Record<T, string>> = {};
  mapping.forEach((target, index) => {
    const cell = uncsvCell((record[index] ?? '').trim()).trim();
    if (!target || cell === '') return;
    const previous = values[target];
    values[target] = previous ? `${previous}; ${cell}` : cell;
  });
  return values;
}

/** The header of the first column mapped to a field, for error reports. */
export function columnOf(headers: string[], mapping: ImportMapping, target: string): string | null {
  const index = mapping.findIndex((mapped) => mapped === target);
  return index >= 0 ? (headers[index] ?? null) : null;
}
