import { accountFilterParams } from '@contract/accounts';
import { describe, expect, it } from 'vitest';
import { accountFilterKeys, accountsListText, shownCounters, sortedCounter } from './account-list-url';

describe('the accounts list URL', () => {
  it('offers every filter of the contract in the bar, the search aside', () => {
    expect([...accountFilterKeys, 'q'].sort()).toEqual(Object.keys(accountFilterParams).sort());
    expect(accountFilterKeys).toContain('openTasksAbove');
    expect(accountFilterKeys).toContain('invoicedAbove');
  });

  it('shows the counter it is sorted or filtered by, beside those picked, in the picker\'s order', () => {
    expect(sortedCounter('-invoicedThisYear')).toBe('invoicedThisYear');
    expect(sortedCounter('name')).toBeNull();
    expect(shownCounters({ counters: 'contacts', sort: '-openTasks' })).toEqual(['contacts', 'openTasks']);
    expect(shownCounters({ invoicedAbove: '1000', counters: 'nonsense' })).toEqual(['invoicedThisYear']);
    expect(accountsListText({ sort: 'unsignedAgreements', stage: 'lead' })).toEqual({ sort: 'unsignedAgreements', stage: 'lead', counters: 'unsignedAgreements' });
    expect(accountsListText({ sort: 'name' })).toEqual({ sort: 'name' });
  });
});
