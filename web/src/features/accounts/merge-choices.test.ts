import type { Account } from '@contract/accounts';
import { mergeRequestSchema } from '@contract/merges';
import { describe, expect, it } from 'vitest';
import { defaultChoices, defaultSurvivor, differingFields, mergeRequest } from './merge-choices';

const account = (id: string, fields: Partial<Account>): Account => ({
  id, kind: 'organization', name: 'Acme', firstName: null, lastName: null, stage: 'lead', taxId: null, industry: null, source: null,
  website: null, emails: [], phones: [], addresses: {}, city: null, country: null, notes: null, owners: [], parentId: null, parent: null,
  birthDate: null, nationalId: null, preferredChannel: null, language: null, invoiceDelivery: null, invoiceEmail: null, creditDays: null,
  teamId: null, logoUrl: null, overview: {}, createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '', createdBy: null, version: 1,
  abilities: { update: true, discard: true }, ...fields,
});

const a = account('0190f1c2-0000-7000-8000-00000000000a', { name: 'Acme SL', emails: ['info@acme.es'], createdAt: '2026-12-02T10:00:00.000Z', version: 4 });
const b = account('0190f1c2-0000-7000-8000-00000000000b', { name: 'ACME', website: 'https://acme.es', emails: ['ventas@acme.es'], addresses: { visit: { city: 'Madrid' } } });

describe('choosing what a merge keeps', () => {
  it('offers only the fields that differ, never the other kind\'s names', () => {
    expect(differingFields([a, b])).toEqual(['name', 'website', 'emails', 'addresses']);
    expect(differingFields([a, { ...a, id: b.id }])).toEqual([]);
  });

  it('keeps the oldest account, its values, and fills its empty fields from the others', () => {
    expect(defaultSurvivor([a, b])).toBe(b.id);
    expect(defaultChoices([a, b], a.id)).toEqual({ name: a.id, website: b.id, emails: a.id, addresses: b.id });
  });

  it('sends only what comes from another account, with the versions read', () => {
    const request = mergeRequest([a, b], a.id, { name: b.id, website: b.id, emails: a.id });
    expect(request).toEqual({ survivorId: a.id, loserIds: [b.id], fields: { name: b.id, website: b.id }, versions: { [a.id]: 4, [b.id]: 1 } });
    expect(mergeRequestSchema.safeParse(request).success).toBe(true);
  });
});
