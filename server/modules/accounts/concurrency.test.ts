import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { User } from '@contract/users';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { accountState, expectProblem } from '@server/test/state';

/**
 * Two people acting at the same moment. On PostgreSQL the requests really run in parallel
 * transactions; on SQLite they serialise. Either way the answers must be the ones a user
 * can act on (never a 500) and the data must stay consistent.
 */
let t: TestApp;
let admin: Client;
let manager: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  manager = await t.user({ role: 'manager' });
});

afterAll(async () => {
  await t.close();
});

describe('simultaneous writes', () => {
  test('two updates with the same version: exactly one wins, the other gets 412', async () => {
    for (let round = 0; round < 5; round++) {
      const account = await t.account(admin, { kind: 'organization', name: `Carrera ${round}` });
      const [a, b] = await Promise.all([
        admin.patch(`/api/v1/accounts/${account.id}`, { version: 1, name: `Admin ${round}` }),
        manager.patch(`/api/v1/accounts/${account.id}`, { version: 1, name: `Manager ${round}` }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
      const winner = a.statusCode === 200 ? a.json<Account>() : b.json<Account>();
      const state = await accountState(t.db, account.id);
      expect(state).toMatchObject({ version: 2, name: winner.name });
    }
  });

  test('the same contact added twice at once: one 201, one 409 contact_exists, one link', async () => {
    for (let round = 0; round < 5; round++) {
      const org = await t.account(admin, { kind: 'organization', name: `Org ${round}` });
      const person = await t.account(admin, { kind: 'person', firstName: `Persona ${round}` });
      const responses = await Promise.all([
        admin.post(`/api/v1/accounts/${org.id}/contacts`, { otherId: person.id }),
        manager.post(`/api/v1/accounts/${person.id}/contacts`, { otherId: org.id }),
      ]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const refused = responses.find((r) => r.statusCode === 409);
      if (refused) expectProblem(refused, 409, 'contact_exists');
      expect((await accountState(t.db, org.id)).contacts).toBe(1);
    }
  });

  test('the same new user e-mail posted twice at once: one 201, one 409 email_taken', async () => {
    for (let round = 0; round < 3; round++) {
      const body = { email: `doble${round}@example.com`, name: 'Doble', password: 'long-enough-pw' };
      const second = await t.user({ role: 'admin' });
      const responses = await Promise.all([admin.post('/api/v1/users', body), second.post('/api/v1/users', body)]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const refused = responses.find((r) => r.statusCode === 409);
      if (refused) expectProblem(refused, 409, 'email_taken');
      expect(await t.db.selectFrom('users').select('id').where('email', '=', body.email).execute()).toHaveLength(1);
    }
  });

  test('two admins demoting each other at once leave one admin standing', async () => {
    const t2 = await testApp();
    try {
      for (let round = 0; round < 5; round++) {
        const a = await t2.user({ role: 'admin' });
        const b = await t2.user({ role: 'admin' });
        // Only these two are admins: every earlier pair was left with exactly one.
        await t2.db.updateTable('users').set({ role: 'agent' }).where('role', '=', 'admin').where('id', 'not in', [a.user.id, b.user.id]).execute();
        const version = async (user: User) => (await t2.db.selectFrom('users').select('version').where('id', '=', user.id).executeTakeFirstOrThrow()).version;
        const vb = await version(b.user);
        const responses = await Promise.all([
          a.patch(`/api/v1/users/${b.user.id}`, { version: vb, role: 'agent' }),
          b.post(`/api/v1/users/${a.user.id}/deactivate`),
        ]);
        // The loser is refused as the last admin, or, when the winner committed before its
        // request arrived, as no longer an admin at all.
        expect([[200, 409], [200, 403]]).toContainEqual(responses.map((r) => r.statusCode).sort());
        const admins = await t2.db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', true).execute();
        expect(admins).toHaveLength(1);
      }
    } finally {
      await t2.close();
    }
  });
});
