import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TimelineEntry } from '@contract/accounts';
import type { Activity } from '@contract/activities';
import type { ListResponse } from '@contract/common';
import type { Request } from '@contract/requests';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { accountState, countRows, expectProblem } from '@server/test/state';

// The assignment rule (assign-work.ts): whoever is given work sees it, in every list, the bell
// and reminders, or the assignment is refused and nothing changes.

let t: TestApp;
let admin: Client;
/** Scope own, no team: sees only what they own. */
let olga: Client;
/** Scope team, in the north team: sees what anyone of the north team owns. */
let tomas: Client;
/** Scope own, north team: Tomás's teammate. */
let nora: Client;
/** An agent with scope all. */
let alba: Client;
let manager: Client;

beforeAll(async () => {
  t = await testApp();
  // The admin reads Spanish; the agents English.
  admin = await t.user({ role: 'admin', scope: 'all', name: 'Admin', language: 'es' });
  const north = await admin.post('/api/v1/teams', { name: 'Norte' });
  expect(north.statusCode).toBe(201);
  const teamId = north.json<{ id: string }>().id;
  olga = await t.user({ role: 'agent', scope: 'own', name: 'Olga Own' });
  tomas = await t.user({ role: 'agent', scope: 'team', teamId, name: 'Tomás Team' });
  nora = await t.user({ role: 'agent', scope: 'own', teamId, name: 'Nora North' });
  alba = await t.user({ role: 'agent', scope: 'all', name: 'Alba All' });
  manager = await t.user({ role: 'manager', scope: 'own', name: 'Marco Manager' });
});

afterAll(async () => {
  await t.close();
});

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const json = async <T>(client: Client, url: string): Promise<T> => {
  const response = await client.get(url);
  expect(response.statusCode, url).toBe(200);
  return response.json<T>();
};
const ids = (list: ListResponse<{ id: string }>) => list.items.map((item) => item.id);
const ownerIdsOf = async (accountId: string) => (await accountState(t.db, accountId)).ownerIds;

/** An account only the admin owns: no agent sees it except through scope all. */
const adminsAccount = (name: string) => t.account(admin, { kind: 'organization', name, ownerIds: [admin.user.id] });

/** What the assignee sees of their work: lists, detail, the bell and the reminders page's data. */
async function seenBy(client: Client, accountId: string) {
  return {
    account: (await client.get(`/api/v1/accounts/${accountId}`)).statusCode,
    requests: ids(await json(client, `/api/v1/requests?accountId=${accountId}`)),
    myRequests: ids(await json(client, `/api/v1/requests?responsibleId=${client.user.id}&limit=200`)),
    activities: ids(await json(client, `/api/v1/activities?responsibleId=${client.user.id}&limit=200`)),
    bell: ids(await json(client, `/api/v1/activities/pending?until=${inHours(24)}&limit=200`)),
    reminders: ids(await json(client, '/api/v1/activities/reminders?limit=200')),
  };
}

/** Everything a refused assignment must leave as it was. */
async function snapshot(accountId: string) {
  return {
    account: await accountState(t.db, accountId),
    audit: await countRows(t.db, 'audit_log'),
    requests: (await t.db.selectFrom('requests').select(['id', 'responsible_id', 'version']).where('account_id', '=', accountId).orderBy('id').execute()),
    activities: (await t.db.selectFrom('activities').select(['id', 'responsible_id', 'version']).where('account_id', '=', accountId).orderBy('id').execute()),
  };
}

describe('"New lead" with another user as Responsable', () => {
  test('the responsible agent becomes the owner and sees the lead, its request and its page', async () => {
    const response = await admin.post('/api/v1/leads', { account: { kind: 'person', firstName: 'Lucas', lastName: 'Asignado' }, request: { responsibleId: olga.user.id } });
    expect(response.statusCode).toBe(201);
    const lead = response.json<{ accountId: string; request: Request }>();
    // The admin named no owners: the responsible agent alone owns the lead.
    expect(await ownerIdsOf(lead.accountId)).toEqual([olga.user.id]);
    const seen = await seenBy(olga, lead.accountId);
    expect(seen.account).toBe(200);
    expect(seen.requests).toEqual([lead.request.id]);
    expect(seen.myRequests).toContain(lead.request.id);
  });

  test('an agent filing a lead for a colleague stays an owner beside them', async () => {
    const response = await nora.post('/api/v1/leads', { account: { kind: 'person', firstName: 'Lía' }, request: { responsibleId: olga.user.id } });
    expect(response.statusCode).toBe(201);
    const { accountId } = response.json<{ accountId: string }>();
    expect(await ownerIdsOf(accountId)).toEqual([nora.user.id, olga.user.id].sort());
    expect((await seenBy(olga, accountId)).account).toBe(200);
  });

  test('named owners keep their place and the responsible joins them; no responsible adds no one', async () => {
    const named = await admin.post('/api/v1/leads', { account: { kind: 'person', firstName: 'Nico', ownerIds: [nora.user.id] }, request: { responsibleId: olga.user.id } });
    expect(await ownerIdsOf(named.json<{ accountId: string }>().accountId)).toEqual([nora.user.id, olga.user.id].sort());
    const nobody = await admin.post('/api/v1/leads', { account: { kind: 'person', firstName: 'Nadia' }, request: { responsibleId: null } });
    expect(await ownerIdsOf(nobody.json<{ accountId: string }>().accountId)).toEqual([admin.user.id]);
  });

  test('an unknown responsible is a field error of the request and nothing is written', async () => {
    const accounts = await countRows(t.db, 'accounts');
    const response = await admin.post('/api/v1/leads', { account: { kind: 'person', firstName: 'Fantasma' }, request: { responsibleId: '01900000-0000-7000-8000-000000000000' } });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors).toEqual([{ field: 'request.responsibleId', code: 'unknown_user', message: 'Usuario desconocido o inactivo.' }]);
    expect(await countRows(t.db, 'accounts')).toBe(accounts);
  });
});

describe('assigning work on an account the assignee does not see', () => {
  test('a request for them is refused with a translated 422 and changes nothing', async () => {
    const account = await adminsAccount('Ajena Solicitudes');
    const before = await snapshot(account.id);
    const response = await admin.post('/api/v1/requests', { accountId: account.id, responsibleId: olga.user.id });
    const problem = expectProblem(response, 422, 'assignee_cannot_see_account');
    expect(problem.detail).toContain('Olga Own no ve esta cuenta');
    expect(problem.errors?.map((e) => [e.field, e.code])).toEqual([['responsibleId', 'assignee_cannot_see_account']]);
    expect(await snapshot(account.id)).toEqual(before);
    // An agent assigning on their own account to a colleague reads it in English.
    const norasAccount = await t.account(nora, { kind: 'organization', name: 'De Nora' });
    const english = expectProblem(await nora.post('/api/v1/requests', { accountId: norasAccount.id, responsibleId: olga.user.id }), 422, 'assignee_cannot_see_account');
    expect(english.detail).toContain('Olga Own cannot see this account');
    expect(english.errors?.[0]?.message).toBe('This user cannot see the account.');
    expect((await seenBy(olga, account.id)).account).toBe(404);
  });

  test('with addAssigneeAsOwner the request is made, the assignee owns the account, and history says so', async () => {
    const account = await adminsAccount('Ajena Confirmada');
    const response = await admin.post('/api/v1/requests', { accountId: account.id, responsibleId: olga.user.id, addAssigneeAsOwner: true });
    expect(response.statusCode).toBe(201);
    const request = response.json<Request>();
    expect(request.responsible?.id).toBe(olga.user.id);
    const state = await accountState(t.db, account.id);
    expect(state.ownerIds).toEqual([admin.user.id, olga.user.id].sort());
    // The version moved: an owners form opened before gets 412 instead of undoing this.
    expect(state.version).toBe(account.version + 1);
    expectProblem(await admin.put(`/api/v1/accounts/${account.id}/owners`, { version: account.version, ownerIds: [admin.user.id] }), 412, 'stale_version');
    const history = await json<ListResponse<TimelineEntry>>(admin, `/api/v1/accounts/${account.id}/timeline`);
    const owners = history.items.find((entry) => entry.action === 'owners_changed');
    expect(owners).toMatchObject({ actor: { id: admin.user.id }, changes: [{ field: 'owners', before: ['Admin'], after: ['Admin', 'Olga Own'] }] });
    const seen = await seenBy(olga, account.id);
    expect(seen.account).toBe(200);
    expect(seen.requests).toEqual([request.id]);
  });

  test('reassigning a request (PATCH) follows the same rule', async () => {
    const account = await adminsAccount('Reasignar Solicitud');
    const created = (await admin.post('/api/v1/requests', { accountId: account.id })).json<Request>();
    expect(created.responsible?.id).toBe(admin.user.id);
    const before = await snapshot(account.id);
    expectProblem(await admin.patch(`/api/v1/requests/${created.id}`, { version: created.version, responsibleId: olga.user.id, reason: 'Cambio' }), 422, 'assignee_cannot_see_account');
    expect(await snapshot(account.id)).toEqual(before);
    const moved = await admin.patch(`/api/v1/requests/${created.id}`, { version: created.version, responsibleId: olga.user.id, addAssigneeAsOwner: true });
    expect(moved.statusCode).toBe(200);
    expect((await seenBy(olga, account.id)).myRequests).toContain(created.id);
    // Other edits do not ask again, and a flag with nothing to do adds no one.
    const edited = await admin.patch(`/api/v1/requests/${created.id}`, { version: moved.json<Request>().version, reason: 'Otra', addAssigneeAsOwner: true });
    expect(edited.statusCode).toBe(200);
    expect(await ownerIdsOf(account.id)).toEqual([admin.user.id, olga.user.id].sort());
  });

  test('an activity for them is refused; with the flag it reaches their bell, reminders and list', async () => {
    const account = await adminsAccount('Ajena Actividades');
    const before = await snapshot(account.id);
    const body = { accountId: account.id, type: 'call', subject: 'Llamar a la clínica', startAt: inHours(-3), remindAt: inHours(-4), responsibleId: olga.user.id };
    expectProblem(await admin.post('/api/v1/activities', body), 422, 'assignee_cannot_see_account');
    expect(await snapshot(account.id)).toEqual(before);
    expect((await seenBy(olga, account.id)).bell).toEqual([]);

    const response = await admin.post('/api/v1/activities', { ...body, addAssigneeAsOwner: true });
    expect(response.statusCode).toBe(201);
    const activity = response.json<Activity>();
    const seen = await seenBy(olga, account.id);
    expect(seen.bell).toContain(activity.id);
    expect(seen.reminders).toContain(activity.id);
    expect(seen.activities).toContain(activity.id);
    expect((await olga.post('/api/v1/activities/reminders/claim')).json<{ items: Activity[] }>().items.map((a) => a.id)).toContain(activity.id);
  });

  test('reassigning an activity (PATCH) follows the same rule', async () => {
    const account = await adminsAccount('Reasignar Actividad');
    const activity = (await admin.post('/api/v1/activities', { accountId: account.id, type: 'visit', subject: 'Visita', startAt: inHours(-1) })).json<Activity>();
    const before = await snapshot(account.id);
    expectProblem(await admin.patch(`/api/v1/activities/${activity.id}`, { version: activity.version, responsibleId: olga.user.id }), 422, 'assignee_cannot_see_account');
    expect(await snapshot(account.id)).toEqual(before);
    const moved = await admin.patch(`/api/v1/activities/${activity.id}`, { version: activity.version, responsibleId: olga.user.id, addAssigneeAsOwner: true });
    expect(moved.statusCode).toBe(200);
    expect((await seenBy(olga, account.id)).bell).toContain(activity.id);
  });

  test('an agent may hand a private activity to a colleague: it is theirs, and the answer is not a 404', async () => {
    const account = await t.account(nora, { kind: 'organization', name: 'Privada de Nora' });
    const response = await nora.post('/api/v1/activities', {
      accountId: account.id, type: 'call', subject: 'Privada', startAt: inHours(-1), private: true, responsibleId: olga.user.id, addAssigneeAsOwner: true,
    });
    expect(response.statusCode).toBe(201);
    const activity = response.json<Activity>();
    expect(activity).toMatchObject({ private: true, responsible: { id: olga.user.id } });
    expect((await nora.get(`/api/v1/activities/${activity.id}`)).statusCode).toBe(404);
    expect((await seenBy(olga, account.id)).bell).toContain(activity.id);
  });

  test('an actor outside the account cannot assign on it, flag or not', async () => {
    const account = await adminsAccount('Fuera del alcance');
    const before = await snapshot(account.id);
    expectProblem(await olga.post('/api/v1/requests', { accountId: account.id, responsibleId: olga.user.id, addAssigneeAsOwner: true }), 404, 'not_found');
    expectProblem(await olga.post('/api/v1/activities', { accountId: account.id, type: 'call', subject: 'x', startAt: inHours(1), addAssigneeAsOwner: true }), 404, 'not_found');
    expect(await snapshot(account.id)).toEqual(before);
  });
});

describe('the assignee\'s scope decides whether they already see the account', () => {
  const cases: Array<{ who: string; client: () => Client; owner: () => Client | null; sees: boolean }> = [
    { who: 'own scope, owner', client: () => olga, owner: () => olga, sees: true },
    { who: 'own scope, not owner', client: () => olga, owner: () => null, sees: false },
    { who: 'team scope, a teammate owns it', client: () => tomas, owner: () => nora, sees: true },
    { who: 'team scope, nobody of the team owns it', client: () => tomas, owner: () => null, sees: false },
    { who: 'scope all', client: () => alba, owner: () => null, sees: true },
    { who: 'manager', client: () => manager, owner: () => null, sees: true },
  ];
  test.each(cases)('$who', async ({ client, owner, sees }) => {
    const assignee = client();
    const extra = owner();
    const account = await t.account(admin, { kind: 'organization', name: `Alcance ${assignee.user.name}`, ownerIds: extra ? [admin.user.id, extra.user.id] : [admin.user.id] });
    const before = await ownerIdsOf(account.id);
    const request = await admin.post('/api/v1/requests', { accountId: account.id, responsibleId: assignee.user.id });
    const activity = await admin.post('/api/v1/activities', { accountId: account.id, type: 'call', subject: 'Alcance', startAt: inHours(-1), responsibleId: assignee.user.id });
    if (sees) {
      expect([request.statusCode, activity.statusCode]).toEqual([201, 201]);
      // Someone who already sees the account is not made an owner.
      expect(await ownerIdsOf(account.id)).toEqual(before);
      const seen = await seenBy(assignee, account.id);
      expect(seen.requests).toEqual([request.json<Request>().id]);
      expect(seen.bell).toContain(activity.json<Activity>().id);
    } else {
      expectProblem(request, 422, 'assignee_cannot_see_account');
      expectProblem(activity, 422, 'assignee_cannot_see_account');
      expect(await ownerIdsOf(account.id)).toEqual(before);
      expect((await seenBy(assignee, account.id)).account).toBe(404);
    }
  });
});
