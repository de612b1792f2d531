import type { RegistryAddress, RegistryCompany } from '@contract/registry';
import { checkTaxId } from '@contract/tax-id';
import type { AccountFormValues, AddressValues } from '@web/features/accounts/account-form-values';

const addressParts = ['street', 'postalCode', 'city', 'region', 'country'] as const;
type AddressPart = (typeof addressParts)[number];

/** A form field the register can fill. */
export type RegistryField = 'name' | 'taxId' | 'website' | 'phone' | 'email' | `visit.${AddressPart}` | `postal.${AddressPart}`;

/** What the register says for one field, and what the form holds there now. */
export type Proposal = { field: RegistryField; value: string; current: string };

const same = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
const digits = (value: string): string => value.replace(/\D/g, '');

function addressProposals(kind: 'visit' | 'postal', address: RegistryAddress | null): Array<[RegistryField, string]> {
  if (!address) return [];
  return addressParts.flatMap((part): Array<[RegistryField, string]> => {
    const value = address[part];
    return value ? [[`${kind}.${part}`, value]] : [];
  });
}

/** The register's values for the form, each only when it has one (a number only when it is a valid tax id there). */
function registryValues(company: RegistryCompany): Array<[RegistryField, string]> {
  const country = company.address?.country ?? company.country;
  return [
    ['name', company.name],
    ...(checkTaxId(company.number, country).valid ? [['taxId', company.number] satisfies [RegistryField, string]] : []),
    ...(company.website ? [['website', company.website] satisfies [RegistryField, string]] : []),
    ...(company.phone ? [['phone', company.phone] satisfies [RegistryField, string]] : []),
    ...(company.email ? [['email', company.email] satisfies [RegistryField, string]] : []),
    ...addressProposals('visit', company.address),
    // A postal address the same as the visiting one adds nothing.
    ...(company.postalAddress && addressParts.some((part) => company.postalAddress?.[part] !== company.address?.[part]) ? addressProposals('postal', company.postalAddress) : []),
  ];
}

function listCurrent(list: string[], value: string, compare: (a: string, b: string) => boolean): string {
  const filled = list.map((item) => item.trim()).filter((item) => item !== '');
  if (filled.some((item) => compare(item, value))) return value;
  return filled.join(', ');
}

/** What the form holds for a field ('' when empty); for e-mails and phones, the register's value when the list has it. */
export function currentValue(values: AccountFormValues, field: RegistryField, proposed: string): string {
  switch (field) {
    case 'name':
    case 'taxId':
    case 'website':
      return values[field];
    case 'phone':
      return listCurrent(values.phones, proposed, (a, b) => digits(a).endsWith(digits(b)) || digits(b).endsWith(digits(a)));
    case 'email':
      return listCurrent(values.emails, proposed, same);
    default: {
      const [kind, part] = field.split('.');
      const address: AddressValues | undefined = kind === 'visit' ? values.addresses.visit : kind === 'postal' ? values.addresses.postal : undefined;
      const key = addressParts.find((name) => name === part);
      return address && key ? address[key] : '';
    }
  }
}

/** The form with the register's value in this field (an e-mail or phone is added to its list). */
export function applyValue(values: AccountFormValues, field: RegistryField, value: string): AccountFormValues {
  const addTo = (list: string[]) => {
    const blank = list.findIndex((item) => item.trim() === '');
    return blank >= 0 ? list.map((item, index) => (index === blank ? value : item)) : [...list, value];
  };
  switch (field) {
    case 'name':
    case 'taxId':
    case 'website':
      return { ...values, [field]: value };
    case 'phone':
      return { ...values, phones: addTo(values.phones) };
    case 'email':
      return { ...values, emails: addTo(values.emails) };
    default: {
      const [kind, part] = field.split('.');
      const key = addressParts.find((name) => name === part);
      if (!key || (kind !== 'visit' && kind !== 'postal')) return values;
      const normalized = key === 'country' ? value.toUpperCase() : value;
      return { ...values, addresses: { ...values.addresses, [kind]: { ...values.addresses[kind], [key]: normalized } } };
    }
  }
}

/** Every value the register offers, with what the form holds there now. */
export function proposalsFor(values: AccountFormValues, company: RegistryCompany): Proposal[] {
  return registryValues(company).map(([field, value]) => ({ field, value, current: currentValue(values, field, value) }));
}

/** Fills the fields the user left empty; nothing typed is ever replaced. */
export function fillEmpty(values: AccountFormValues, company: RegistryCompany): AccountFormValues {
  return proposalsFor(values, company).reduce((next, proposal) => (proposal.current.trim() === '' ? applyValue(next, proposal.field, proposal.value) : next), values);
}

/** Where the user's value and the register's differ: shown to accept one by one. */
export function differences(values: AccountFormValues, company: RegistryCompany, dismissed: ReadonlySet<RegistryField>): Proposal[] {
  return proposalsFor(values, company).filter((proposal) =>
    proposal.current.trim() !== '' && !same(proposal.current, proposal.value) && !dismissed.has(proposal.field));
}
