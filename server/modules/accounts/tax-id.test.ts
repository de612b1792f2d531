import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Account, AccountListItem } from '@contract/accounts';
import type { ListResponse, Problem } from '@contract/common';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let agent: Client;

beforeAll(async () => {
  t = await testApp();
  agent = await t.user({ role: 'agent', scope: 'own', language: 'es' });
});
afterAll(async () => t.close());

const spain = { visit: { city: 'Bilbao', country: 'ES' } };

test('a tax id that is not valid for the account country is refused with a translated field error, and nothing is stored', async () => {
  const response = await agent.post('/api/v1/accounts', { kind: 'organization', name: 'Mal CIF SL', taxId: 'B-58378432', addresses: spain });
  expect(response.statusCode).toBe(400);
  const problem = response.json<Problem>();
  expect(problem.errors).toEqual([{ field: 'taxId', code: 'invalid_tax_id', message: 'El identificador fiscal no es válido para el país de la cuenta.' }]);
  const stored = await t.db.selectFrom('accounts').select('id').where('name', '=', 'Mal CIF SL').execute();
  expect(stored).toEqual([]);
});

test('a valid id is kept as typed, normalised without separators or VAT prefix, and found by either form', async () => {
  const account = (await agent.post('/api/v1/accounts', { kind: 'organization', name: 'Buen CIF SL', taxId: 'ES-B58.378.431', addresses: spain })).json<Account>();
  expect(account.taxId).toBe('ES-B58.378.431');
  const row = await t.db.selectFrom('accounts').select('tax_id_norm').where('id', '=', account.id).executeTakeFirstOrThrow();
  expect(row.tax_id_norm).toBe('B58378431');
  for (const q of ['B58378431', 'b-58.378', 'ES-B58.378.431']) {
    const list = (await agent.get(`/api/v1/accounts?q=${encodeURIComponent(q)}`)).json<ListResponse<AccountListItem>>();
    expect(list.items.map((item) => item.id)).toEqual([account.id]);
  }
});

test('moving an account to a country whose rules its tax id breaks is refused and changes nothing', async () => {
  const account = await t.account(agent, { name: 'Sin país', taxId: '12345' });
  const response = await agent.patch(`/api/v1/accounts/${account.id}`, { version: account.version, addresses: { visit: { country: 'PE' } } });
  expect(response.statusCode).toBe(400);
  const after = (await agent.get(`/api/v1/accounts/${account.id}`)).json<Account>();
  expect(after).toMatchObject({ version: account.version, country: null });
});
