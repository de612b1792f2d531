import { describe, expect, test } from 'vitest';
import type { Contact } from '@contract/contacts';
import { matchingContacts } from './contact-search';

const contact = (name: string, position: string | null, email: string | null): Contact => ({
  id: name, position, area: null, createdAt: '2026-12-07T00:00:00.000Z',
  person: { id: `p-${name}`, name, email, phone: null }, organization: { id: 'o', name: 'Acme' },
});
const people = [contact('José Pérez', 'Compras', 'jose@acme.example'), contact('Ana Ruiz', 'Gerente de ventas', null), contact('Luis Gómez', null, 'luis@acme.example')];
const names = (found: Contact[]) => found.map((item) => item.person.name);

describe("an organization's contacts, searched", () => {
  test('by name without accents or case, by position, by e-mail, every word', () => {
    expect(names(matchingContacts(people, 'jose', true))).toEqual(['José Pérez']);
    expect(names(matchingContacts(people, 'VENTAS', true))).toEqual(['Ana Ruiz']);
    expect(names(matchingContacts(people, 'acme.example', true))).toEqual(['José Pérez', 'Luis Gómez']);
    expect(names(matchingContacts(people, 'luis gomez', true))).toEqual(['Luis Gómez']);
    expect(names(matchingContacts(people, 'ana compras', true))).toEqual([]);
    expect(matchingContacts(people, '  ', true)).toBe(people);
  });
});
