import { accountCreateSchema, accountUpdateSchema, type Account } from '@contract/accounts';
import { describe, expect, it } from 'vitest';
import { accountToValues, emptyAccountValues, toCreatePayload, toUpdatePayload } from './account-form-values';

describe('account form values', () => {
  it('drops blank e-mail rows but keeps the form row numbers for errors', () => {
    const values = { ...emptyAccountValues('organization'), name: 'Acme', emails: ['', 'a@example.com', '  ', 'bad'] };
    const { payload, renamePath } = toCreatePayload(values);
    expect(payload.emails).toEqual(['a@example.com', 'bad']);
    expect(renamePath('emails.1')).toBe('emails.3');
    expect(renamePath('name')).toBe('name');
  });

  it('sends only the name fields of the kind, and no empty address on create', () => {
    const { payload } = toCreatePayload({ ...emptyAccountValues('person', ['u1']), firstName: 'Lucía', name: 'ignored' });
    expect(payload).toMatchObject({ kind: 'person', firstName: 'Lucía', ownerIds: ['u1'], addresses: {} });
    expect(payload).not.toHaveProperty('name');
    expect(accountCreateSchema.safeParse(payload).success).toBe(false); // ownerIds must be uuids
  });

  it('round-trips an account and sends every address on update so clearing works', () => {
    const account: Account = {
      id: '0190f1c2-0000-7000-8000-000000000001', kind: 'organization', name: 'Acme', firstName: null, lastName: null,
      stage: 'customer', taxId: 'B1', industry: null, source: null, website: null, emails: ['a@example.com'], phones: [],
      addresses: { visit: { street: 'Mayor 1', postalCode: null, city: 'Madrid', region: null, country: 'ES' } },
      city: 'Madrid', country: 'ES', notes: null, owners: [], parentId: null, parent: null, birthDate: null, nationalId: null, preferredChannel: null, language: null,
      invoiceDelivery: 'paper', invoiceEmail: 'facturas@acme.es', creditDays: 30, teamId: null, logoUrl: null, overview: {}, createdAt: '', updatedAt: '', createdBy: null, version: 3,
      abilities: { update: true, discard: true },
    };
    const values = accountToValues(account);
    values.addresses.visit.street = '';
    const { payload } = toUpdatePayload(values, account.version);
    const parsed = accountUpdateSchema.parse(payload);
    expect(parsed.version).toBe(3);
    expect(parsed.addresses?.visit).toEqual({ street: null, postalCode: null, city: 'Madrid', region: null, country: 'ES' });
    expect(parsed.addresses?.billing).toEqual({ street: null, postalCode: null, city: null, region: null, country: null });
    expect(parsed.stage).toBe('customer');
  });
});
