import type { RegistryCompany } from '@contract/registry';
import { describe, expect, it } from 'vitest';
import { emptyAccountValues } from '@web/features/accounts/account-form-values';
import { applyValue, differences, fillEmpty } from './registry-fill';

const digdir: RegistryCompany = {
  country: 'NO', number: '991825827', name: 'DIGITALISERINGSDIREKTORATET', legalForm: 'Organisasjonsledd', status: 'active', statusText: null,
  address: { street: 'Lørenfaret 1C', postalCode: '0151', city: 'OSLO', region: null, country: 'NO' },
  postalAddress: { street: 'Postboks 1382 Vika', postalCode: '0114', city: 'OSLO', region: null, country: 'NO' },
  employees: '1050', industry: '84.110 Generell offentlig administrasjon', website: 'www.digdir.no', phone: '22 45 10 00', email: null, signals: [],
};

describe('filling the form from the register', () => {
  it('fills every empty field: name, number, website, phone and both addresses', () => {
    const filled = fillEmpty(emptyAccountValues('organization'), digdir);
    expect(filled).toMatchObject({
      name: 'DIGITALISERINGSDIREKTORATET', taxId: '991825827', website: 'www.digdir.no', phones: ['22 45 10 00'], emails: [''],
      addresses: {
        visit: { street: 'Lørenfaret 1C', postalCode: '0151', city: 'OSLO', region: '', country: 'NO' },
        postal: { street: 'Postboks 1382 Vika', postalCode: '0114', city: 'OSLO', country: 'NO' },
      },
    });
    expect(differences(filled, digdir, new Set())).toEqual([]);
  });

  it('never replaces what the user typed: it becomes a difference to accept one by one', () => {
    const typed = { ...emptyAccountValues('organization'), name: 'Digdir', website: 'https://digdir.no', phones: ['+47 22 00 00 00'] };
    const filled = fillEmpty(typed, digdir);
    expect(filled.name).toBe('Digdir');
    expect(filled.website).toBe('https://digdir.no');
    expect(filled.taxId).toBe('991825827');
    const diff = differences(filled, digdir, new Set());
    expect(diff.map((proposal) => [proposal.field, proposal.current, proposal.value])).toEqual([
      ['name', 'Digdir', 'DIGITALISERINGSDIREKTORATET'],
      ['website', 'https://digdir.no', 'www.digdir.no'],
      ['phone', '+47 22 00 00 00', '22 45 10 00'],
    ]);
    // Accepting one leaves the others; a phone is added beside the user's own.
    const accepted = applyValue(filled, 'phone', '22 45 10 00');
    expect(accepted.phones).toEqual(['+47 22 00 00 00', '22 45 10 00']);
    expect(differences(accepted, digdir, new Set(['website'])).map((proposal) => proposal.field)).toEqual(['name']);
  });

  it('takes the same value written differently as the same', () => {
    const typed = { ...emptyAccountValues('organization'), name: 'digitaliseringsdirektoratet ', phones: ['+47 22451000'] };
    expect(differences(fillEmpty(typed, digdir), digdir, new Set())).toEqual([]);
  });

  it('offers the number as tax id only when it is one (a P-number is not)', () => {
    const unit = { ...digdir, country: 'DK' as const, number: '1003417562', address: { ...digdir.address, country: 'DK', street: null, postalCode: null, city: null, region: null } };
    expect(fillEmpty(emptyAccountValues('organization'), unit).taxId).toBe('');
  });
});
