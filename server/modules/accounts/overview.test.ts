import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Account, AccountListItem } from '@contract/accounts';
import type { Activity } from '@contract/activities';
import type { ListResponse } from '@contract/common';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let admin: Client;
let agent: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
});
afterAll(async () => t.close());

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function activity(client: Client, body: Record<string, unknown>): Promise<Activity> {
  const response = await client.post('/api/v1/activities', { type: 'call', subject: 'Llamar', startAt: inHours(2), ...body });
  expect(response.statusCode).toBe(201);
  return response.json<Activity>();
}

test('open activities count scheduled ones only, and a private one only for those who may see it', async () => {
  const account = await t.account(admin, { name: 'Contadores SA', ownerIds: [agent.user.id] });
  await activity(admin, { accountId: account.id, responsibleId: agent.user.id });
  await activity(admin, { accountId: account.id, responsibleId: admin.user.id, private: true });
  const done = await activity(admin, { accountId: account.id, responsibleId: agent.user.id });
  expect((await admin.post(`/api/v1/activities/${done.id}/done`, { version: done.version, result: 'hecho' })).statusCode).toBe(200);

  expect((await admin.get(`/api/v1/accounts/${account.id}`)).json<Account>().overview.openActivities).toBe(2);
  expect((await agent.get(`/api/v1/accounts/${account.id}`)).json<Account>().overview.openActivities).toBe(1);
  const row = (await agent.get('/api/v1/accounts?q=contadores&counters=openActivities')).json<ListResponse<AccountListItem>>().items[0];
  expect(row?.overview).toEqual({ openActivities: 1 });
});
