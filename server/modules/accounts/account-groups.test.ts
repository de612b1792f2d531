import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GroupCount } from '@contract/list-query';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectProblem } from '@server/test/state';

let t: TestApp;
let admin: Client;
let ana: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  ana = await t.user({ role: 'agent', scope: 'own' });
  expect((await admin.post('/api/v1/lists/account_stage/items', { key: 'partner', labels: { es: 'Socio', en: 'Partner' } })).statusCode).toBe(201);
  for (const [stage, owners, kind] of [['lead', [ana.user.id], 'organization'], ['lead', [], 'person'], ['customer', [ana.user.id], 'person'], ['partner', [], 'organization']] as const) {
    await t.account(admin, kind === 'person' ? { kind, firstName: `Persona ${stage}`, stage, ownerIds: [...owners] } : { kind, name: `Empresa ${stage}`, stage, ownerIds: [...owners] });
  }
});
afterAll(async () => t.close());

const groups = async (client: Client, query: string) => {
  const response = await client.get(`/api/v1/accounts/groups?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<GroupCount>().groups.map((group) => [group.value, group.count, group.countIsEstimate]);
};

describe('accounts counted per group', () => {
  test("per stage: every stage of the list in its order, within the actor's portfolio", async () => {
    expect(await groups(admin, 'by=stage')).toEqual([['lead', 2, false], ['prospect', 0, false], ['customer', 1, false], ['partner', 1, false]]);
    expect(await groups(ana, 'by=stage')).toEqual([['lead', 1, false], ['prospect', 0, false], ['customer', 1, false], ['partner', 0, false]]);
  });

  test('under the list\'s filters; a value the filters exclude counts nothing', async () => {
    expect(await groups(admin, 'by=kind&stage=lead')).toEqual([['organization', 1, false], ['person', 1, false]]);
    expect(await groups(admin, 'by=stage&stage=customer&q=persona')).toEqual([['lead', 0, false], ['prospect', 0, false], ['customer', 1, false], ['partner', 0, false]]);
    expectProblem(await admin.get('/api/v1/accounts/groups?by=city'), 400, 'validation_failed');
  });
});
