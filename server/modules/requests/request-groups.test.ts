import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GroupCount } from '@contract/list-query';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let admin: Client;
let ana: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  ana = await t.user({ role: 'agent', scope: 'own' });
  const mine = await t.account(admin, { kind: 'person', firstName: 'Lead', ownerIds: [ana.user.id] });
  const theirs = await t.account(admin, { kind: 'person', firstName: 'Otro' });
  for (const body of [
    { accountId: mine.id, status: 'new', channel: 'phone', requestedAt: '2026-01-02T09:00:00Z' },
    { accountId: mine.id, status: 'contacted', channel: 'phone', requestedAt: '2026-01-03T09:00:00Z' },
    { accountId: mine.id, requestedAt: '2026-02-03T09:00:00Z' },
    { accountId: theirs.id, status: 'new', channel: 'web_form', requestedAt: '2026-02-04T09:00:00Z' },
  ]) {
    const response = await admin.post('/api/v1/requests', body);
    expect(response.statusCode, response.body).toBe(201);
  }
});
afterAll(async () => t.close());

const groups = async (client: Client, query: string) => {
  const response = await client.get(`/api/v1/requests/groups?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<GroupCount>().groups.map((group) => [group.value, group.count, group.countIsEstimate]);
};

describe('requests counted per group', () => {
  test('per status: every status of the list in its order, then those without one', async () => {
    expect(await groups(admin, 'by=status')).toEqual([['new', 2, false], ['contacted', 1, false], ['appointment', 0, false], ['not_interested', 0, false], [null, 1, false]]);
    expect(await groups(ana, 'by=status')).toEqual([['new', 1, false], ['contacted', 1, false], ['appointment', 0, false], ['not_interested', 0, false], [null, 1, false]]);
  });

  test('"only the latest" and the other filters apply as in the list', async () => {
    expect(await groups(ana, 'by=channel&latestOnly=true')).toEqual([['phone', 0, false], ['web_form', 0, false], ['walk_in', 0, false], [null, 1, false]]);
    expect(await groups(admin, `by=month&channel=phone&from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2026-03-01T00:00:00Z')}`)).toEqual([['2026-01', 2, false], ['2026-02', 0, false]]);
  });
});
