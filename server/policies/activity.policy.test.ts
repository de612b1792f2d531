import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Activity } from '@contract/activities';
import type { ListResponse } from '@contract/common';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectProblem } from '@server/test/state';

/**
 * Activities as a table: actor × (private or not) × action. An activity is visible when its
 * account is in the actor's portfolio AND (it is not private OR the actor is its responsible
 * user, a CRM manager or an admin). Refused writes answer 404 and change nothing.
 */
const actors = ['admin', 'manager', 'crm-manager agent', 'responsible agent', 'other agent with the account', 'agent without the account'] as const;
const privacy = ['public', 'private'] as const;
const actions = ['list contains', 'count', 'read', 'update', 'mark done', 'timeline'] as const;
type ActorName = (typeof actors)[number];

function sees(actor: ActorName, isPrivate: boolean): boolean {
  switch (actor) {
    case 'admin':
    case 'crm-manager agent':
    case 'responsible agent':
      return true;
    case 'manager':
    case 'other agent with the account':
      return !isPrivate;
    case 'agent without the account':
      return false;
  }
}

const cells = actors.flatMap((actor) => privacy.flatMap((p) => actions.map((action) => ({ actor, privacy: p, action, expected: sees(actor, p === 'private') ? 'allowed' : 'refused' }))));

let t: TestApp;
let admin: Client;
const clients = new Map<ActorName, Client>();

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  clients.set('admin', await t.user({ role: 'admin', scope: 'own' }));
  clients.set('manager', await t.user({ role: 'manager', scope: 'own' }));
  // A CRM manager agent who owns the account: crm_manager is what lets them see private ones.
  clients.set('crm-manager agent', await t.user({ role: 'agent', scope: 'own', crmManager: true }));
  clients.set('responsible agent', await t.user({ role: 'agent', scope: 'own' }));
  clients.set('other agent with the account', await t.user({ role: 'agent', scope: 'own' }));
  clients.set('agent without the account', await t.user({ role: 'agent', scope: 'own' }));
});

afterAll(async () => {
  await t.close();
});

const client = (name: ActorName): Client => {
  const found = clients.get(name);
  if (!found) throw new Error(name);
  return found;
};

async function activityRow(id: string) {
  return t.db.selectFrom('activities').select(['status', 'subject', 'version', 'result']).where('id', '=', id).executeTakeFirstOrThrow();
}

describe('activity visibility policy', () => {
  test.each(cells)('$actor × $privacy activity × $action → $expected', async ({ actor: actorName, privacy: p, action, expected }) => {
    const actor = client(actorName);
    const responsible = client('responsible agent');
    const owners = (['responsible agent', 'crm-manager agent', 'other agent with the account'] as const).map((name) => client(name).user.id);
    const account = await t.account(admin, { kind: 'organization', name: `Acme ${Math.random().toString(36).slice(2, 8)}`, ownerIds: owners });
    const created = await admin.post('/api/v1/activities', {
      accountId: account.id, type: 'call', subject: `Llamada ${p}`, startAt: new Date().toISOString(), responsibleId: responsible.user.id, private: p === 'private',
    });
    expect(created.statusCode).toBe(201);
    const activity = created.json<Activity>();
    const allowed = expected === 'allowed';
    const before = await activityRow(activity.id);
    const url = `/api/v1/activities/${activity.id}`;

    switch (action) {
      case 'list contains': {
        const list = (await actor.get(`/api/v1/activities?limit=200&responsibleId=${responsible.user.id}`)).json<ListResponse<Activity>>();
        expect(list.items.some((item) => item.id === activity.id)).toBe(allowed);
        return;
      }
      case 'count': {
        const list = (await actor.get(`/api/v1/activities?accountId=${account.id}`)).json<ListResponse<Activity>>();
        expect(list.total).toBe(allowed ? 1 : 0);
        return;
      }
      case 'read': {
        const response = await actor.get(url);
        if (allowed) expect(response.json<Activity>().subject).toBe(`Llamada ${p}`);
        else expectProblem(response, 404, 'not_found');
        return;
      }
      case 'update': {
        const response = await actor.patch(url, { version: activity.version, subject: 'Renamed' });
        if (allowed) {
          expect(response.statusCode).toBe(200);
          expect((await activityRow(activity.id)).subject).toBe('Renamed');
        } else {
          expectProblem(response, 404, 'not_found');
          expect(await activityRow(activity.id)).toEqual(before);
        }
        return;
      }
      case 'mark done': {
        const response = await actor.post(`${url}/done`, { version: activity.version, result: 'Interesado' });
        if (allowed) {
          expect(response.json<Activity>()).toMatchObject({ status: 'done', result: 'Interesado' });
        } else {
          expectProblem(response, 404, 'not_found');
          expect(await activityRow(activity.id)).toEqual(before);
        }
        return;
      }
      case 'timeline': {
        const response = await actor.get(`/api/v1/accounts/${account.id}/timeline`);
        if (actorName === 'agent without the account') {
          expectProblem(response, 404, 'not_found');
          return;
        }
        const entries = response.json<ListResponse<{ entityId: string }>>().items;
        expect(entries.some((entry) => entry.entityId === activity.id)).toBe(allowed);
        return;
      }
    }
  });
});
