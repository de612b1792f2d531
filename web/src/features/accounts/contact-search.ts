import type { Contact } from '@contract/contacts';

/** A list of contacts longer than this gets a search box. */
export const searchableFrom = 8;

/** Lower case without accents, so "jose" finds "José". */
const fold = (value: string) => value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Contacts whose name, position, area, e-mail or phone holds every word typed. */
export function matchingContacts(contacts: Contact[], query: string, isOrganization: boolean): Contact[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return contacts;
  return contacts.filter((contact) => {
    const other = isOrganization ? contact.person.name : contact.organization.name;
    const text = fold([other, contact.position, contact.area, contact.person.email, contact.person.phone].filter(Boolean).join(' '));
    return words.every((word) => text.includes(word));
  });
}
