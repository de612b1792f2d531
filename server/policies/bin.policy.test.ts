import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { binItemSchema } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Team, User } from '@contract/users';
import type { z } from 'zod';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { accountState, countRows, expectProblem } from '@server/test/state';

type BinItem = z.infer<typeof binItemSchema>;

/**
 * Admin-only features: the bin, user administration and team writes. Everyone else gets 403
 * (a whole feature their role lacks, not a record they cannot see) and nothing changes.
 */
let t: TestApp;
let admin: Client;
let team: Team;
let target: User;
const others = new Map<string, Client>();

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  team = (await admin.post('/api/v1/teams', { name: 'Equipo' })).json<Team>();
  target = (await t.user({ role: 'agent', scope: 'own', teamId: team.id })).user;
  others.set('manager', await t.user({ role: 'manager', crmManager: true }));
  others.set('agent-all', await t.user({ role: 'agent', scope: 'all' }));
  others.set('agent-own', await t.user({ role: 'agent', scope: 'own' }));
});

afterAll(async () => {
  await t.close();
});

const nonAdmins = ['manager', 'agent-all', 'agent-own'] as const;

function client(name: string): Client {
  const found = others.get(name);
  if (!found) throw new Error(name);
  return found;
}

async function discarded(): Promise<string> {
  const account = await t.account(admin, { kind: 'organization', name: 'Papelera SA' });
  expect((await admin.delete(`/api/v1/accounts/${account.id}`)).statusCode).toBe(204);
  return account.id;
}

describe('the bin is for admins only', () => {
  test('admin sees discarded accounts in the bin, with who discarded them', async () => {
    const id = await discarded();
    const response = await admin.get('/api/v1/bin');
    expect(response.statusCode).toBe(200);
    const bin = response.json<ListResponse<BinItem>>();
    const item = bin.items.find((entry) => entry.id === id);
    expect(item?.discardedBy?.id).toBe(admin.user.id);
    expect(item?.name).toBe('Papelera SA');
  });

  test.each(nonAdmins)('%s: GET /bin → 403 forbidden', async (name) => {
    await discarded();
    expectProblem(await client(name).get('/api/v1/bin'), 403, 'forbidden');
  });

  test.each(nonAdmins)('%s: restore → 403 and the account stays in the bin', async (name) => {
    const id = await discarded();
    const before = await accountState(t.db, id);
    expectProblem(await client(name).post(`/api/v1/bin/accounts/${id}/restore`), 403, 'forbidden');
    expect(await accountState(t.db, id)).toEqual(before);
    expect(before.discardedAt).not.toBeNull();
  });

  test.each(nonAdmins)('%s: purge → 403 and the account still exists', async (name) => {
    const id = await discarded();
    const before = await accountState(t.db, id);
    expectProblem(await client(name).delete(`/api/v1/bin/accounts/${id}`), 403, 'forbidden');
    expect(await accountState(t.db, id)).toEqual({ ...before, exists: true });
  });

  test('restore or purge of a live account (not in the bin) is 404 and changes nothing', async () => {
    const account = await t.account(admin, { kind: 'organization', name: 'Viva' });
    const before = await accountState(t.db, account.id);
    expectProblem(await admin.post(`/api/v1/bin/accounts/${account.id}/restore`), 404, 'not_found');
    expectProblem(await admin.delete(`/api/v1/bin/accounts/${account.id}`), 404, 'not_found');
    expect(await accountState(t.db, account.id)).toEqual(before);
  });
});

describe('user and team administration is for admins only', () => {
  const userRow = () => t.db.selectFrom('users').selectAll().where('id', '=', target.id).executeTakeFirstOrThrow();

  test.each(nonAdmins)('%s: GET /users → 403', async (name) => {
    expectProblem(await client(name).get('/api/v1/users'), 403, 'forbidden');
  });

  test.each(nonAdmins)('%s: POST /users → 403 and no user is created', async (name) => {
    const users = await countRows(t.db, 'users');
    const response = await client(name).post('/api/v1/users', { email: `new-${name}@example.com`, name: 'Nuevo', password: 'long-enough-pw' });
    expectProblem(response, 403, 'forbidden');
    expect(await countRows(t.db, 'users')).toBe(users);
  });

  test.each(nonAdmins)('%s: PATCH /users/:id (make themselves admin or change another) → 403, unchanged', async (name) => {
    const actor = client(name);
    const before = await userRow();
    expectProblem(await actor.patch(`/api/v1/users/${target.id}`, { version: before.version, role: 'admin' }), 403, 'forbidden');
    const self = await t.db.selectFrom('users').selectAll().where('id', '=', actor.user.id).executeTakeFirstOrThrow();
    expectProblem(await actor.patch(`/api/v1/users/${actor.user.id}`, { version: self.version, role: 'admin', scope: 'all' }), 403, 'forbidden');
    expect(await userRow()).toEqual(before);
    expect(await t.db.selectFrom('users').selectAll().where('id', '=', actor.user.id).executeTakeFirstOrThrow()).toEqual(self);
  });

  test.each(nonAdmins)('%s: deactivate, activate and password reset → 403, unchanged, sessions kept', async (name) => {
    const actor = client(name);
    const before = await userRow();
    const sessions = await countRows(t.db, 'sessions');
    expectProblem(await actor.post(`/api/v1/users/${target.id}/deactivate`), 403, 'forbidden');
    expectProblem(await actor.post(`/api/v1/users/${target.id}/activate`), 403, 'forbidden');
    expectProblem(await actor.post(`/api/v1/users/${target.id}/password`, { password: 'another-password' }), 403, 'forbidden');
    expect(await userRow()).toEqual(before);
    expect(await countRows(t.db, 'sessions')).toBe(sessions);
  });

  test.each(nonAdmins)('%s: team create, rename, delete → 403, unchanged', async (name) => {
    const actor = client(name);
    const teams = await t.db.selectFrom('teams').selectAll().orderBy('id').execute();
    expectProblem(await actor.post('/api/v1/teams', { name: 'Pirata' }), 403, 'forbidden');
    expectProblem(await actor.patch(`/api/v1/teams/${team.id}`, { name: 'Renombrado' }), 403, 'forbidden');
    expectProblem(await actor.delete(`/api/v1/teams/${team.id}`), 403, 'forbidden');
    expect(await t.db.selectFrom('teams').selectAll().orderBy('id').execute()).toEqual(teams);
  });

  test.each(nonAdmins)('%s: may read the user picker and the team list', async (name) => {
    const options = await client(name).get('/api/v1/users/options');
    expect(options.statusCode).toBe(200);
    expect(options.body).not.toContain('@example.com');
    expect((await client(name).get('/api/v1/teams')).statusCode).toBe(200);
  });

  test.each(nonAdmins)('%s: /me says they cannot manage users nor see the bin', async (name) => {
    const me = (await client(name).get('/api/v1/me')).json<{ abilities: { manageUsers: boolean; viewBin: boolean } }>();
    expect(me.abilities).toMatchObject({ manageUsers: false, viewBin: false });
  });
});
