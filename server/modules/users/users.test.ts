import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ListResponse } from '@contract/common';
import type { Team, User, UserOption } from '@contract/users';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { countRows, expectProblem } from '@server/test/state';

let t: TestApp;
let admin: Client;
let agent: User;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all', language: 'en', name: 'Ana Admin' });
});

afterAll(async () => {
  await t.close();
});

const userRow = (id: string) => t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('creating users', () => {
  test('an admin creates a sales agent: role agent and scope own by default, no password in the answer', async () => {
    const response = await admin.post('/api/v1/users', { email: ' Nuevo.Agente@Example.com ', name: 'Nuevo Agente', password: 'agent-password' });
    expect(response.statusCode).toBe(201);
    agent = response.json<User>();
    expect(agent).toMatchObject({ email: 'nuevo.agente@example.com', role: 'agent', scope: 'own', teamId: null, crmManager: false, active: true, version: 1 });
    expect(response.body).not.toMatch(/password|argon/i);
    const row = await userRow(agent.id);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    // The new agent can sign in with the password the admin gave.
    expect((await t.login('nuevo.agente@example.com', 'agent-password')).user.id).toBe(agent.id);
  });

  test('a second user with the same e-mail (any case) is 409 email_taken, and no row is added', async () => {
    const users = await countRows(t.db, 'users');
    const response = await admin.post('/api/v1/users', { email: 'NUEVO.agente@example.com', name: 'Otro', password: 'agent-password' });
    const problem = expectProblem(response, 409, 'email_taken');
    expect(problem.detail).toBe('A user with that e-mail already exists.');
    expect(await countRows(t.db, 'users')).toBe(users);
  });

  test('validation errors name each field, translated (en for this admin, es via another)', async () => {
    const response = await admin.post('/api/v1/users', { email: 'not-an-email', name: '', password: 'short', role: 'boss' });
    const problem = expectProblem(response, 400, 'validation_failed');
    const byField = Object.fromEntries((problem.errors ?? []).map((e) => [e.field, [e.code, e.message]]));
    expect(byField).toEqual({
      email: ['invalid_email', 'Not a valid e-mail address.'],
      name: ['required', 'Required.'],
      password: ['too_short', 'Too short (at least 10).'],
      role: ['invalid_value', 'Value not allowed.'],
    });
    expect(problem.detail).toBe('Please check the data: some fields have errors.');

    const spanish = await t.user({ role: 'admin', language: 'es' });
    const es = expectProblem(await spanish.post('/api/v1/users', { email: 'x@', name: 'Equis', password: 'long-enough-pw' }), 400, 'validation_failed');
    expect(es.errors).toEqual([{ field: 'email', code: 'invalid_email', message: 'No es un correo electrónico válido.' }]);
    expect(es.detail).toBe('Revisa los datos: hay campos con errores.');
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'x@').executeTakeFirst()).toBeUndefined();
  });

  test('an unknown team is a field error', async () => {
    const response = await admin.post('/api/v1/users', { email: 'sin.equipo@example.com', name: 'Sin', password: 'agent-password', teamId: '01900000-0000-7000-8000-000000000000' });
    expect(expectProblem(response, 400, 'validation_failed').errors).toEqual([{ field: 'teamId', code: 'unknown_team', message: 'Unknown team.' }]);
  });
});

describe('changing users', () => {
  let team: Team;

  beforeAll(async () => {
    team = (await admin.post('/api/v1/teams', { name: 'Madrid' })).json<Team>();
  });

  test('role, scope and team change with the current version, and the change is audited', async () => {
    const current = await userRow(agent.id);
    const response = await admin.patch(`/api/v1/users/${agent.id}`, { version: current.version, role: 'manager', scope: 'team', teamId: team.id });
    expect(response.statusCode).toBe(200);
    expect(response.json<User>()).toMatchObject({ role: 'manager', scope: 'team', teamId: team.id, version: current.version + 1 });
    expect(await userRow(agent.id)).toMatchObject({ role: 'manager', scope: 'team', team_id: team.id, version: current.version + 1 });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'changes', 'actor_id']).where('entity_id', '=', agent.id).where('action', '=', 'updated').executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(admin.user.id);
    expect(JSON.parse(audit.changes)).toEqual(expect.arrayContaining([{ field: 'role', before: 'agent', after: 'manager' }]));
  });

  test('a stale version is 412 and the user is untouched', async () => {
    const before = await userRow(agent.id);
    const response = await admin.patch(`/api/v1/users/${agent.id}`, { version: before.version - 1, role: 'admin' });
    expectProblem(response, 412, 'stale_version');
    expect(await userRow(agent.id)).toEqual(before);
  });

  test('an unknown user is 404', async () => {
    expectProblem(await admin.patch('/api/v1/users/01900000-0000-7000-8000-000000000000', { version: 1, name: 'X' }), 404, 'not_found');
  });

  test('the last active admin can neither be demoted nor deactivated (409 last_admin)', async () => {
    // A database of its own, where this admin really is the only one.
    const t2 = await testApp();
    try {
      const only = await t2.user({ role: 'admin' });
      const row = await t2.db.selectFrom('users').selectAll().where('id', '=', only.user.id).executeTakeFirstOrThrow();
      expectProblem(await only.patch(`/api/v1/users/${only.user.id}`, { version: row.version, role: 'agent' }), 409, 'last_admin');
      expectProblem(await only.post(`/api/v1/users/${only.user.id}/deactivate`), 409, 'last_admin');
      expect(await t2.db.selectFrom('users').selectAll().where('id', '=', only.user.id).executeTakeFirstOrThrow()).toEqual(row);
      // With a second admin, the first may step down.
      const second = await t2.user({ role: 'admin' });
      expect((await only.patch(`/api/v1/users/${only.user.id}`, { version: row.version, role: 'manager' })).statusCode).toBe(200);
      const secondRow = await t2.db.selectFrom('users').selectAll().where('id', '=', second.user.id).executeTakeFirstOrThrow();
      expectProblem(await second.post(`/api/v1/users/${second.user.id}/deactivate`), 409, 'last_admin');
      expect(await t2.db.selectFrom('users').selectAll().where('id', '=', second.user.id).executeTakeFirstOrThrow()).toEqual(secondRow);
    } finally {
      await t2.close();
    }
  });

  test('an admin\'s password reset works and ends that user\'s sessions', async () => {
    const user = await t.user({ email: 'olvido@example.com' });
    expect((await user.get('/api/v1/me')).statusCode).toBe(200);
    const response = await admin.post(`/api/v1/users/${user.user.id}/password`, { password: 'reset-by-admin' });
    expect(response.statusCode).toBe(204);
    expectProblem(await user.get('/api/v1/me'), 401, 'unauthenticated');
    expect((await t.login('olvido@example.com', 'reset-by-admin')).user.id).toBe(user.user.id);
    expect((await admin.get('/api/v1/me')).statusCode).toBe(200);
  });

  test('the users list pages and filters by text and active state', async () => {
    const all = (await admin.get('/api/v1/users?limit=2')).json<ListResponse<User>>();
    expect(all.items).toHaveLength(2);
    expect(all.nextCursor).not.toBeNull();
    const seen = [...all.items];
    let cursor = all.nextCursor;
    while (cursor) {
      const page = (await admin.get(`/api/v1/users?limit=2&cursor=${cursor}`)).json<ListResponse<User>>();
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(all.total);
    expect(new Set(seen.map((u) => u.id)).size).toBe(all.total);
    const found = (await admin.get('/api/v1/users?q=nuevo')).json<ListResponse<User>>();
    expect(found.items.map((u) => u.id)).toEqual([agent.id]);
  });
});

describe('sorting users', () => {
  test('the list and the picker sort by name ignoring case and accents, and renaming re-sorts', async () => {
    const names = ['Zoe Zeta', 'beatriz Be', 'Álvaro Al'];
    const created: User[] = [];
    for (const [index, name] of names.entries()) {
      created.push((await admin.post('/api/v1/users', { email: `sort${index}@example.com`, name, password: 'agent-password' })).json<User>());
    }
    const listed = (await admin.get('/api/v1/users?q=sort&limit=200')).json<ListResponse<User>>().items;
    expect(listed.map((user) => user.name)).toEqual(['Álvaro Al', 'beatriz Be', 'Zoe Zeta']);
    const byName = (await admin.get('/api/v1/users?limit=200')).json<ListResponse<User>>().items.map((user) => user.name).filter((name) => names.includes(name));
    expect(byName).toEqual(['Álvaro Al', 'beatriz Be', 'Zoe Zeta']);
    const accent = (await admin.get(`/api/v1/users?q=${encodeURIComponent('alvaro')}`)).json<ListResponse<User>>().items;
    expect(accent.map((user) => user.name)).toEqual(['Álvaro Al']);
    const zoe = created[0];
    await admin.patch(`/api/v1/users/${zoe?.id}`, { version: zoe?.version, name: 'Aaron Zeta' });
    const options = (await admin.get('/api/v1/users/options')).json<{ items: UserOption[] }>().items.map((option) => option.name);
    expect(options.indexOf('Aaron Zeta')).toBeLessThan(options.indexOf('Álvaro Al'));
  });
});

describe('teams', () => {
  test('create, rename, list with member counts, delete an empty one', async () => {
    const created = await admin.post('/api/v1/teams', { name: 'Barcelona' });
    expect(created.statusCode).toBe(201);
    const team = created.json<Team>();
    expect(team).toMatchObject({ name: 'Barcelona', memberCount: 0 });
    const renamed = await admin.patch(`/api/v1/teams/${team.id}`, { name: 'Barcelona Norte' });
    expect(renamed.json<Team>().name).toBe('Barcelona Norte');
    await t.user({ teamId: team.id });
    const list = (await admin.get('/api/v1/teams')).json<{ items: Team[] }>();
    expect(list.items.find((item) => item.id === team.id)).toEqual({ id: team.id, name: 'Barcelona Norte', memberCount: 1 });
    expectProblem(await admin.delete(`/api/v1/teams/${team.id}`), 409, 'team_not_empty');
    expect(await t.db.selectFrom('teams').select('name').where('id', '=', team.id).executeTakeFirst()).toEqual({ name: 'Barcelona Norte' });

    const empty = (await admin.post('/api/v1/teams', { name: 'Vacío' })).json<Team>();
    expect((await admin.delete(`/api/v1/teams/${empty.id}`)).statusCode).toBe(204);
    expect(await t.db.selectFrom('teams').select('id').where('id', '=', empty.id).executeTakeFirst()).toBeUndefined();
    expectProblem(await admin.delete(`/api/v1/teams/${empty.id}`), 404, 'not_found');
  });

  test('a team name is required', async () => {
    const problem = expectProblem(await admin.post('/api/v1/teams', { name: '   ' }), 400, 'validation_failed');
    expect(problem.errors?.[0]).toMatchObject({ field: 'name', code: 'required' });
  });
});

describe('user options', () => {
  test('any user reads the picker: ids, names and active flags, sorted by name, no e-mails', async () => {
    const agentClient = await t.user({ role: 'agent', name: 'Zoe Agente' });
    const response = await agentClient.get('/api/v1/users/options');
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: UserOption[] }>().items;
    expect(items.map((item) => item.id)).toContain(admin.user.id);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['active', 'id', 'name']);
    const names = items.map((item) => item.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
