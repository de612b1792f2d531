import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Request } from '@contract/requests';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { accountState, countRows, expectProblem } from '@server/test/state';

let t: TestApp;
let admin: Client;
let ana: Client;
let bruno: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  ana = await t.user({ role: 'agent', scope: 'own' });
  bruno = await t.user({ role: 'agent', scope: 'own' });
  for (const [list, key, es, en] of [['request_interest', 'botox', 'Bótox', 'Botox'], ['request_interest', 'laser', 'Láser', 'Laser'], ['request_group', 'aesthetics', 'Estética', 'Aesthetics'], ['source', 'facebook', 'Facebook', 'Facebook']] as const) {
    expect((await admin.post(`/api/v1/lists/${list}/items`, { key, labels: { es, en } })).statusCode).toBe(201);
  }
});

afterAll(async () => {
  await t.close();
});

async function newLead(client: Client, name: string, request: Record<string, unknown> = {}) {
  const response = await client.post('/api/v1/leads', {
    account: { kind: 'person', firstName: name, lastName: 'Lead', phones: ['+34 600 000 000'], source: 'facebook' },
    request: { interest: 'botox', group: 'aesthetics', channel: 'web_form', status: 'new', reason: 'Precio', ...request },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ accountId: string; request: Request }>();
}

const requests = async (client: Client, query: string) => (await client.get(`/api/v1/requests?${query}`)).json<ListResponse<Request>>();

describe('new lead and requests', () => {
  test('"New lead" makes the person at stage lead and its first request in one step', async () => {
    const lead = await newLead(ana, 'Marta');
    expect(lead.request).toMatchObject({ interest: 'botox', group: 'aesthetics', channel: 'web_form', source: 'facebook', status: 'new', handled: false, responsible: { id: ana.user.id } });
    expect(lead.request.account).toMatchObject({ id: lead.accountId, kind: 'person', name: 'Marta Lead', stage: 'lead' });
    const history = (await ana.get(`/api/v1/accounts/${lead.accountId}/timeline`)).json<ListResponse<TimelineEntry>>().items.map((e) => e.action);
    expect(history).toEqual(expect.arrayContaining(['created', 'request_created']));
  });

  test('a bad request value rolls the whole lead back and names the field', async () => {
    const accounts = await countRows(t.db, 'accounts');
    const response = await ana.post('/api/v1/leads', { account: { kind: 'person', firstName: 'Nadie' }, request: { interest: 'unknown_thing' } });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((e) => [e.field, e.code])).toEqual([['request.interest', 'unknown_list_item']]);
    expect(await countRows(t.db, 'accounts')).toBe(accounts);
    const missing = expectProblem(await ana.post('/api/v1/leads', { account: { kind: 'person' }, request: {} }), 400, 'validation_failed');
    expect(missing.errors?.map((e) => e.field)).toEqual(['account.firstName']);
  });

  test('filters, date range and "only the latest request of each lead"', async () => {
    const lead = await newLead(bruno, 'Pedro', { requestedAt: '2026-01-10T10:00:00Z' });
    const second = await bruno.post('/api/v1/requests', { accountId: lead.accountId, interest: 'laser', status: 'contacted', requestedAt: '2026-02-10T10:00:00Z' });
    expect(second.statusCode).toBe(201);
    const all = await requests(bruno, `accountId=${lead.accountId}`);
    expect(all.items.map((r) => r.interest)).toEqual(['laser', 'botox']);
    expect((await requests(bruno, `accountId=${lead.accountId}&latestOnly=true`)).items.map((r) => r.interest)).toEqual(['laser']);
    expect((await requests(bruno, `accountId=${lead.accountId}&interest=botox`)).total).toBe(1);
    expect((await requests(bruno, `accountId=${lead.accountId}&status=contacted`)).total).toBe(1);
    expect((await requests(bruno, `accountId=${lead.accountId}&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`)).items.map((r) => r.interest)).toEqual(['botox']);
    // Pages: one at a time, in order, without repeats.
    const first = await requests(bruno, `accountId=${lead.accountId}&limit=1`);
    const next = await requests(bruno, `accountId=${lead.accountId}&limit=1&cursor=${first.nextCursor ?? ''}`);
    expect([...first.items, ...next.items].map((r) => r.interest)).toEqual(['laser', 'botox']);
    expect(next.nextCursor).toBeNull();
    // Another agent's leads are not in Ana's list, and their requests are 404 for her.
    expect((await requests(ana, `accountId=${lead.accountId}`)).total).toBe(0);
    expectProblem(await ana.get(`/api/v1/requests/${lead.request.id}`), 404, 'not_found');
    expectProblem(await ana.patch(`/api/v1/requests/${lead.request.id}`, { version: 1, handled: true }), 404, 'not_found');
    expectProblem(await ana.post('/api/v1/requests', { accountId: lead.accountId }), 404, 'not_found');
    expect((await requests(bruno, `accountId=${lead.accountId}&handled=false`)).total).toBe(2);
  });

  test('editing a request records the change in the account history', async () => {
    const lead = await newLead(ana, 'Eva');
    const response = await ana.patch(`/api/v1/requests/${lead.request.id}`, { version: 1, status: 'appointment', handled: true });
    expect(response.json<Request>()).toMatchObject({ status: 'appointment', handled: true, version: 2 });
    const entry = (await ana.get(`/api/v1/accounts/${lead.accountId}/timeline`)).json<ListResponse<TimelineEntry>>().items[0];
    expect(entry).toMatchObject({ action: 'request_updated', entityId: lead.request.id });
    expect(entry?.changes.map((c) => c.field)).toEqual(['status', 'handled']);
    expectProblem(await ana.patch(`/api/v1/requests/${lead.request.id}`, { version: 1, handled: false }), 412, 'stale_version');
  });
});

describe('qualifying a lead', () => {
  test('makes it a customer, marks open requests handled, and only an admin can undo it', async () => {
    const lead = await newLead(ana, 'Clara');
    await ana.post('/api/v1/requests', { accountId: lead.accountId, interest: 'laser' });
    const account = (await ana.get(`/api/v1/accounts/${lead.accountId}`)).json<Account>();
    const qualified = await ana.post(`/api/v1/accounts/${lead.accountId}/qualify`, { version: account.version, markRequestsHandled: true });
    expect(qualified.json()).toEqual({ handledRequests: 2, opportunityId: null });
    const after = (await ana.get(`/api/v1/accounts/${lead.accountId}`)).json<Account>();
    expect(after.stage).toBe('customer');
    expect((await requests(ana, `accountId=${lead.accountId}&handled=false`)).total).toBe(0);
    const history = (await ana.get(`/api/v1/accounts/${lead.accountId}/timeline`)).json<ListResponse<TimelineEntry>>().items;
    const entry = history.find((e) => e.action === 'qualified');
    expect(entry).toMatchObject({ actor: { id: ana.user.id }, changes: [{ field: 'stage', before: 'lead', after: 'customer' }] });
    expectProblem(await ana.post(`/api/v1/accounts/${lead.accountId}/qualify`, { version: after.version }), 409, 'already_customer');

    // An agent may not undo it: refused, nothing changes.
    const before = await accountState(t.db, lead.accountId);
    expectProblem(await ana.post(`/api/v1/accounts/${lead.accountId}/unqualify`, { version: after.version }), 403, 'forbidden');
    expect(await accountState(t.db, lead.accountId)).toEqual(before);
    expect((await admin.post(`/api/v1/accounts/${lead.accountId}/unqualify`, { version: after.version })).statusCode).toBe(204);
    const undone = (await ana.get(`/api/v1/accounts/${lead.accountId}`)).json<Account>();
    expect(undone.stage).toBe('lead');
    const last = (await ana.get(`/api/v1/accounts/${lead.accountId}/timeline`)).json<ListResponse<TimelineEntry>>().items[0];
    expect(last).toMatchObject({ action: 'unqualified', actor: { id: admin.user.id } });
    expectProblem(await admin.post(`/api/v1/accounts/${lead.accountId}/unqualify`, { version: undone.version }), 409, 'not_qualified');
    // Outside the portfolio it does not exist.
    expectProblem(await bruno.post(`/api/v1/accounts/${lead.accountId}/qualify`, { version: undone.version }), 404, 'not_found');
  });
});
