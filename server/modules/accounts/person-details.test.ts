import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import { accountState, expectProblem } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let agent: Client;
let outsider: Client;

beforeAll(async () => {
  t = await testApp();
  agent = await t.user({ role: 'agent', scope: 'own' });
  outsider = await t.user({ role: 'agent', scope: 'own' });
});
afterAll(async () => {
  await t.close();
});

describe("a person's own details", () => {
  test('are saved on create, changed on update and recorded in the history', async () => {
    const person = await t.account(agent, {
      kind: 'person', firstName: 'Lucía', lastName: 'Pérez', birthDate: '1988-04-12', nationalId: '12345678Z', preferredChannel: 'whatsapp', language: 'ES',
    });
    expect(person).toMatchObject({ birthDate: '1988-04-12', nationalId: '12345678Z', preferredChannel: 'whatsapp', language: 'es' });
    const updated = await agent.patch(`/api/v1/accounts/${person.id}`, { version: person.version, preferredChannel: 'phone', birthDate: '' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json<Account>()).toMatchObject({ preferredChannel: 'phone', birthDate: null, nationalId: '12345678Z' });
    const history = (await agent.get(`/api/v1/accounts/${person.id}/timeline`)).json<ListResponse<TimelineEntry>>();
    expect(history.items.find((entry) => entry.action === 'updated')?.changes).toEqual([
      { field: 'birthDate', before: '1988-04-12', after: null },
      { field: 'preferredChannel', before: 'whatsapp', after: 'phone' },
    ]);
  });

  test.each([
    [{ birthDate: '1988-02-30' }, 'birthDate', 'invalid_date'],
    [{ birthDate: '2999-01-01' }, 'birthDate', 'out_of_range'],
    [{ birthDate: '12/04/1988' }, 'birthDate', 'invalid_format'],
    [{ preferredChannel: 'pigeon' }, 'preferredChannel', 'unknown_list_item'],
    [{ language: 'spanish' }, 'language', 'invalid_format'],
  ])('%o is a field error and nothing is created', async (input, field, code) => {
    const response = await agent.post('/api/v1/accounts', { kind: 'person', firstName: 'Mal', ...input });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.find((error) => error.field === field)?.code).toBe(code);
  });

  test('an organization has none of them', async () => {
    const created = await agent.post('/api/v1/accounts', { kind: 'organization', name: 'Sin cumpleaños S.A.', birthDate: '1990-01-01' });
    expect(expectProblem(created, 400, 'validation_failed').errors?.[0]).toMatchObject({ field: 'birthDate', code: 'not_for_kind' });
    const company = await t.account(agent, { kind: 'organization', name: 'Empresa con idioma' });
    const updated = await agent.patch(`/api/v1/accounts/${company.id}`, { version: company.version, language: 'en' });
    expect(expectProblem(updated, 400, 'validation_failed').errors?.[0]).toMatchObject({ field: 'language', code: 'not_for_kind' });
    expect((await accountState(t.db, company.id)).version).toBe(company.version);
  });

  test('someone outside the portfolio cannot change them', async () => {
    const person = await t.account(agent, { kind: 'person', firstName: 'Privada', nationalId: 'X1234567L' });
    const response = await outsider.patch(`/api/v1/accounts/${person.id}`, { version: person.version, nationalId: 'Y0000000Z' });
    expectProblem(response, 404, 'not_found');
    expect((await agent.get(`/api/v1/accounts/${person.id}`)).json<Account>()).toMatchObject({ nationalId: 'X1234567L', version: person.version });
  });
});
