import { accountListQuerySchema } from '@contract/accounts';
import { requestListQuerySchema } from '@contract/requests';
import { describe, expect, it } from 'vitest';
import { dayToInstant, instantToDay } from './filter-fields';
import { listQueryOf } from './use-list-url';

describe('a list URL read through its contract', () => {
  it('types what the contract accepts and keeps its text, leaving out refused values and paging', () => {
    const { query, text } = listQueryOf(accountListQuerySchema, new URLSearchParams('stage=customer&kind=robot&sort=-name&limit=5&cursor=x&counters=contacts&other=1'));
    expect(query).toMatchObject({ stage: 'customer', sort: '-name', counters: ['contacts'] });
    expect(query.kind).toBeUndefined();
    expect(text).toEqual({ stage: 'customer', sort: '-name', counters: 'contacts' });
  });

  it('fills defaults in the typed query only, and reads booleans as the contract does', () => {
    const { query, text } = listQueryOf(requestListQuerySchema, new URLSearchParams('latestOnly=true&handled=maybe'));
    expect(query).toMatchObject({ sort: '-requestedAt', latestOnly: true });
    expect(query.handled).toBeUndefined();
    expect(text).toEqual({ latestOnly: 'true' });
  });
});

describe('a date filter', () => {
  it('reads a day a link gives (the dashboard\'s ranges) as the instants that bound it', () => {
    const { query, text } = listQueryOf(requestListQuerySchema, new URLSearchParams('from=2026-12-01&to=2026-12-07'), { from: 'start', to: 'end' });
    expect(text).toEqual({ from: dayToInstant('2026-12-01', 'start'), to: dayToInstant('2026-12-07', 'end') });
    expect(query).toMatchObject(text);
  });


  it('sends the day as the instants that bound it, and reads them back as the same day', () => {
    const start = dayToInstant('2026-12-07', 'start');
    const end = dayToInstant('2026-12-07', 'end');
    expect(Date.parse(end) - Date.parse(start)).toBeGreaterThanOrEqual(23 * 3_600_000);
    expect(instantToDay(start, 'start')).toBe('2026-12-07');
    expect(instantToDay(end, 'end')).toBe('2026-12-07');
    expect(instantToDay('not a date', 'start')).toBeNull();
  });
});
