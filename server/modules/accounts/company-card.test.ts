import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem, Duplicate, TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Team } from '@contract/users';
import { multipartFile } from '@server/test/multipart';
import { expectProblem, uniqueWord } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let admin: Client;
let agent: Client;
let outsider: Client;
let north: Team;
let south: Team;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
  outsider = await t.user({ role: 'agent', scope: 'own' });
  north = (await admin.post('/api/v1/teams', { name: 'Norte' })).json<Team>();
  south = (await admin.post('/api/v1/teams', { name: 'Sur' })).json<Team>();
});
afterAll(async () => {
  await t.close();
});

describe('the company card', () => {
  test('invoice settings and team are saved, validated and recorded in the history', async () => {
    const account = await t.account(agent, {
      kind: 'organization', name: 'Facturas S.L.', invoiceDelivery: 'email_pdf', invoiceEmail: ' Facturas@Example.COM ', creditDays: 30, teamId: north.id,
    });
    expect(account).toMatchObject({ invoiceDelivery: 'email_pdf', invoiceEmail: 'facturas@example.com', creditDays: 30, teamId: north.id, logoUrl: null });
    const updated = await agent.patch(`/api/v1/accounts/${account.id}`, { version: account.version, invoiceDelivery: 'paper', creditDays: 0, teamId: south.id });
    expect(updated.statusCode).toBe(200);
    expect(updated.json<Account>()).toMatchObject({ invoiceDelivery: 'paper', creditDays: 0, teamId: south.id, version: account.version + 1 });
    const history = (await agent.get(`/api/v1/accounts/${account.id}/timeline`)).json<ListResponse<TimelineEntry>>();
    const update = history.items.find((entry) => entry.action === 'updated');
    expect(update?.changes).toEqual([
      { field: 'invoiceDelivery', before: 'email_pdf', after: 'paper' },
      { field: 'creditDays', before: 30, after: 0 },
      { field: 'teamId', before: north.id, after: south.id },
    ]);
  });

  test.each([
    [{ creditDays: 366 }, 'creditDays', 'too_big'],
    [{ creditDays: -1 }, 'creditDays', 'too_small'],
    [{ creditDays: 1.5 }, 'creditDays', 'invalid_type'],
    [{ invoiceDelivery: 'fax' }, 'invoiceDelivery', 'invalid_value'],
    [{ invoiceEmail: 'not-an-email' }, 'invoiceEmail', 'invalid_email'],
    [{ teamId: '01900000-0000-7000-8000-000000000000' }, 'teamId', 'unknown_team'],
  ])('%o is a field error and nothing is created', async (input, field, code) => {
    const name = uniqueWord('bad');
    const response = await agent.post('/api/v1/accounts', { kind: 'organization', name, ...input });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.find((error) => error.field === field)?.code).toBe(code);
    expect((await admin.get(`/api/v1/accounts?q=${name}`)).json<ListResponse<AccountListItem>>().total).toBe(0);
  });

  test('the list filters by team and answers the asked counters, through the portfolio', async () => {
    const word = uniqueWord('team');
    const inNorth = await t.account(agent, { kind: 'organization', name: `${word} Uno`, teamId: north.id });
    await t.account(agent, { kind: 'organization', name: `${word} Dos`, teamId: south.id });
    // Two contacts: one the agent owns, one only the outsider sees.
    await agent.post(`/api/v1/accounts/${inNorth.id}/contacts`, { newPerson: { firstName: 'Visible' } });
    const hidden = await t.account(outsider, { kind: 'person', firstName: 'Oculta' });
    await admin.post(`/api/v1/accounts/${inNorth.id}/contacts`, { otherId: hidden.id });
    const document = multipartFile('a.txt', 'hola');
    await agent.request('POST', `/api/v1/accounts/${inNorth.id}/documents`, document.body, document.headers);

    const list = (await agent.get(`/api/v1/accounts?q=${word}&teamId=${north.id}&counters=contacts,documents`)).json<ListResponse<AccountListItem>>();
    expect(list.items.map((item) => [item.name, item.teamId, item.overview])).toEqual([[`${word} Uno`, north.id, { contacts: 1, documents: 1 }]]);
    expect((await admin.get(`/api/v1/accounts?q=${word}&teamId=${north.id}&counters=contacts`)).json<ListResponse<AccountListItem>>().items[0]?.overview).toEqual({ contacts: 2 });
    // Without counters asked, none are computed.
    expect((await agent.get(`/api/v1/accounts?q=${word}`)).json<ListResponse<AccountListItem>>().items.map((item) => item.overview)).toEqual([{}, {}]);
    expect((await agent.get(`/api/v1/accounts/${inNorth.id}`)).json<Account>().overview).toEqual({ openActivities: 0, contacts: 1, documents: 1, activeProjects: 0, openTasks: 0, unsignedAgreements: 0, invoicedThisYear: [] });
    expectProblem(await agent.get('/api/v1/accounts?counters=contacts,secrets'), 400, 'validation_failed');
  });
});

describe('the duplicate check', () => {
  const check = (client: Client, query: string) => client.get(`/api/v1/accounts/duplicates?${query}`);

  test('finds visible accounts by normalised tax id, e-mail and phone, saying what matched', async () => {
    const existing = await t.account(agent, {
      kind: 'organization', name: 'Duplicada S.L.', taxId: 'B-12345674', emails: ['info@duplicada.es'], phones: ['+34 612 345 678'],
      addresses: { visit: { country: 'ES' } },
    });
    const response = await check(agent, 'taxId=es%20b12345674&country=ES&email=INFO@duplicada.es&phone=612%2034%2056%2078');
    expect(response.statusCode).toBe(200);
    expect(response.json<{ items: Duplicate[] }>().items).toEqual([
      { id: existing.id, kind: 'organization', name: 'Duplicada S.L.', stage: 'lead', matched: ['taxId', 'email', 'phone'] },
    ]);
    const byPhone = (await check(agent, 'phone=%2B34612345678')).json<{ items: Duplicate[] }>().items;
    expect(byPhone.map((item) => [item.id, item.matched])).toEqual([[existing.id, ['phone']]]);
    // The account being edited is not its own duplicate; a domain alone is no match.
    expect((await check(agent, `email=info@duplicada.es&excludeId=${existing.id}`)).json<{ items: Duplicate[] }>().items).toEqual([]);
    expect((await check(agent, 'email=otra@duplicada.es')).json<{ items: Duplicate[] }>().items).toEqual([]);
  });

  test('never reveals accounts outside the portfolio, nor discarded ones', async () => {
    await t.account(outsider, { kind: 'organization', name: 'Secreta S.A.', emails: ['secreto@secreta.es'], taxId: 'A58818501', addresses: { visit: { country: 'ES' } } });
    expect((await check(agent, 'email=secreto@secreta.es&taxId=A58818501&country=ES')).json<{ items: Duplicate[] }>().items).toEqual([]);
    expect((await check(outsider, 'email=secreto@secreta.es')).json<{ items: Duplicate[] }>().items).toHaveLength(1);
    const gone = await t.account(agent, { kind: 'organization', name: 'Borrada', emails: ['borrada@example.com'] });
    await agent.delete(`/api/v1/accounts/${gone.id}`);
    expect((await check(admin, 'email=borrada@example.com')).json<{ items: Duplicate[] }>().items).toEqual([]);
  });

  test('bad input is a translated 400, empty input finds nothing', async () => {
    expectProblem(await check(agent, 'excludeId=nope'), 400, 'validation_failed');
    expect((await check(agent, '')).json<{ items: Duplicate[] }>().items).toEqual([]);
  });
});
