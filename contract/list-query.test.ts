import { describe, expect, test } from 'vitest';
import { accountListQuerySchema } from './accounts';
import { requestListQuerySchema } from './requests';
import { paramsFrom } from './list-query';

describe("a list's parameters read from its URL", () => {
  test('typed as the contract gives them: defaults, normalised values, booleans', () => {
    const accounts = paramsFrom(accountListQuerySchema, new URLSearchParams('stage=customer&country=es&q=%20garcia%20&sort=-name'));
    expect(accounts).toMatchObject({ stage: 'customer', country: 'ES', q: 'garcia', sort: '-name', limit: 50 });
    expect(paramsFrom(requestListQuerySchema, new URLSearchParams('latestOnly=1&handled=false'))).toMatchObject({ latestOnly: true, handled: false, sort: '-requestedAt' });
  });

  test('a value the contract refuses is left out as if absent; the rest still apply', () => {
    const parsed = paramsFrom(accountListQuerySchema, new URLSearchParams('stage=Not%20A%20Key&sort=password&kind=person&ownerId=1;drop&unknown=x'));
    expect(parsed).toMatchObject({ kind: 'person', sort: 'name' });
    expect(parsed).not.toHaveProperty('stage');
    expect(parsed).not.toHaveProperty('ownerId');
    expect(parsed).not.toHaveProperty('unknown');
  });
});
