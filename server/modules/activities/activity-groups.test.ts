import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GroupCount } from '@contract/list-query';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectProblem } from '@server/test/state';

// Counts per status, type or month, as a dashboard chart or a kanban board reads them: under the
// same portfolio, privacy and filters as the list, so a hidden activity is never counted.

let t: TestApp;
let admin: Client;
let ana: Client;
let bruno: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  ana = await t.user({ role: 'agent', scope: 'own' });
  bruno = await t.user({ role: 'agent', scope: 'own' });
  const shared = await t.account(admin, { name: 'Compartida', ownerIds: [ana.user.id, bruno.user.id] });
  const others = await t.account(admin, { name: 'Ajena', ownerIds: [bruno.user.id] });
  const at = (day: string) => `2026-${day}T10:00:00.000Z`;
  for (const [client, body] of [
    [ana, { accountId: shared.id, type: 'call', startAt: at('01-05') }],
    [ana, { accountId: shared.id, type: 'call', startAt: at('01-20'), private: true }],
    [ana, { accountId: shared.id, type: 'visit', startAt: at('02-01') }],
    [bruno, { accountId: others.id, type: 'call', startAt: at('02-10') }],
  ] as const) {
    const response = await client.post('/api/v1/activities', { subject: 'Seguimiento', ...body });
    expect(response.statusCode, response.body).toBe(201);
  }
});
afterAll(async () => t.close());

const groups = async (client: Client, query: string) => {
  const response = await client.get(`/api/v1/activities/groups?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries(response.json<GroupCount>().groups.map((group) => [group.value, group.count]));
};

describe('activities counted per group', () => {
  test('per type: every type of the list, each counted under the actor\'s portfolio and privacy', async () => {
    expect(await groups(admin, 'by=type')).toMatchObject({ call: 3, visit: 1, email: 0 });
    expect(await groups(ana, 'by=type')).toMatchObject({ call: 2, visit: 1 });
    // Bruno owns the shared account too, but Ana's private call is not his to see.
    expect(await groups(bruno, 'by=type')).toMatchObject({ call: 2, visit: 1 });
  });

  test('per status and per month, under the list\'s own filters', async () => {
    expect(await groups(admin, 'by=status&type=call')).toEqual({ scheduled: 3, done: 0, cancelled: 0 });
    expect(await groups(ana, `by=month&from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2026-03-01T00:00:00Z')}`)).toEqual({ '2026-01': 2, '2026-02': 1 });
  });

  test('a grouping the contract lacks, or months without their window, are field errors', async () => {
    const unknown = expectProblem(await admin.get('/api/v1/activities/groups?by=owner'), 400, 'validation_failed');
    expect(unknown.errors?.map((error) => error.field)).toEqual(['querystring.by']);
    const window = expectProblem(await admin.get('/api/v1/activities/groups?by=month'), 400, 'validation_failed');
    expect(window.errors?.map((error) => error.field).sort()).toEqual(['querystring.from', 'querystring.to']);
  });
});
