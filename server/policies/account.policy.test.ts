import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem, TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Contact } from '@contract/contacts';
import type { Team } from '@contract/users';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { accountState, countRows, expectProblem, uniqueWord } from '@server/test/state';

/**
 * The portfolio as a table: every actor × whose account it is × every action, with the answer
 * the rules of DESIGN.md give. A refused write answers 404 and leaves the row as it was.
 */
const actors = ['admin', 'manager', 'agent-own', 'agent-team', 'agent-all', 'agent-team-without-team'] as const;
const owners = ['the actor', 'a teammate', 'someone else'] as const;
const actions = [
  'list contains', 'count', 'read', 'update', 'discard', 'change owners', 'list contacts', 'timeline', 'add contact',
] as const;
type ActorName = (typeof actors)[number];
type OwnerName = (typeof owners)[number];

function sees(actor: ActorName, owner: OwnerName): boolean {
  switch (actor) {
    case 'admin':
    case 'manager':
    case 'agent-all':
      return true;
    case 'agent-team':
      return owner !== 'someone else';
    case 'agent-own':
    case 'agent-team-without-team':
      return owner === 'the actor';
  }
}

const cells = actors.flatMap((actor) =>
  owners.flatMap((owner) =>
    actions.map((action) => ({ actor, owner, action, expected: sees(actor, owner) ? 'allowed' : 'refused' })),
  ),
);

let t: TestApp;
let admin: Client;
let helper: Client;
let mate: Client;
let stranger: Client;
const clients = new Map<ActorName, Client>();

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  const team = (await admin.post('/api/v1/teams', { name: 'Ventas Norte' })).json<Team>();
  const otherTeam = (await admin.post('/api/v1/teams', { name: 'Ventas Sur' })).json<Team>();
  // Everyone but the team-less agent sits in the same team, so "a teammate" is one for them all.
  mate = await t.user({ role: 'agent', scope: 'own', teamId: team.id });
  stranger = await t.user({ role: 'agent', scope: 'own', teamId: otherTeam.id });
  helper = await t.user({ role: 'agent', scope: 'own', teamId: otherTeam.id });
  const adminInTeam = await t.user({ role: 'admin', scope: 'own', teamId: team.id });
  clients.set('admin', adminInTeam);
  clients.set('manager', await t.user({ role: 'manager', scope: 'own', teamId: team.id }));
  clients.set('agent-own', await t.user({ role: 'agent', scope: 'own', teamId: team.id }));
  clients.set('agent-team', await t.user({ role: 'agent', scope: 'team', teamId: team.id }));
  clients.set('agent-all', await t.user({ role: 'agent', scope: 'all', teamId: team.id }));
  clients.set('agent-team-without-team', await t.user({ role: 'agent', scope: 'team', teamId: null }));
});

afterAll(async () => {
  await t.close();
});

function actorClient(name: ActorName): Client {
  const client = clients.get(name);
  if (!client) throw new Error(`no client for ${name}`);
  return client;
}

/** A fresh organization for one cell, owned as the cell says, with one contact person owned alike. */
async function accountFor(actor: Client, owner: OwnerName, withContact: boolean): Promise<{ account: Account; word: string }> {
  const ownerId = owner === 'the actor' ? actor.user.id : owner === 'a teammate' ? mate.user.id : stranger.user.id;
  const word = uniqueWord('cell');
  const account = await t.account(admin, { kind: 'organization', name: `Policy ${word}`, ownerIds: [ownerId] });
  expect(account.owners.map((o) => o.id)).toEqual([ownerId]);
  if (!withContact) return { account, word };
  const contact = await admin.post(`/api/v1/accounts/${account.id}/contacts`, { newPerson: { firstName: 'Contacto', lastName: word }, position: 'CEO' });
  expect(contact.statusCode).toBe(201);
  const fresh = (await admin.get(`/api/v1/accounts/${account.id}`)).json<Account>();
  return { account: fresh, word };
}

describe('account portfolio policy', () => {
  test.each(cells)('$actor × account owned by $owner × $action → $expected', async ({ actor: actorName, owner, action, expected }) => {
    const actor = actorClient(actorName);
    const { account, word } = await accountFor(actor, owner, ['count', 'list contacts', 'timeline', 'discard', 'update'].includes(action));
    const allowed = expected === 'allowed';
    const before = await accountState(t.db, account.id);
    const accountsBefore = await countRows(t.db, 'accounts');
    const url = `/api/v1/accounts/${account.id}`;

    switch (action) {
      case 'list contains': {
        const response = await actor.get(`/api/v1/accounts?kind=organization&ownerId=${before.ownerIds[0] ?? ''}&limit=200`);
        expect(response.statusCode).toBe(200);
        const ids = response.json<ListResponse<AccountListItem>>().items.map((item) => item.id);
        expect(ids.includes(account.id)).toBe(allowed);
        return;
      }
      case 'count': {
        // The contact person shares the word, so an actor who sees both counts two.
        const response = await actor.get(`/api/v1/accounts?q=${word}`);
        expect(response.statusCode).toBe(200);
        const list = response.json<ListResponse<AccountListItem>>();
        expect(list.total).toBe(allowed ? 2 : 0);
        expect(list.items).toHaveLength(allowed ? 2 : 0);
        expect(list.totalIsEstimate).toBe(false);
        return;
      }
      case 'read': {
        const response = await actor.get(url);
        if (allowed) {
          expect(response.statusCode).toBe(200);
          expect(response.json<Account>().name).toBe(account.name);
        } else {
          expectProblem(response, 404, 'not_found');
        }
        return;
      }
      case 'list contacts': {
        const response = await actor.get(`${url}/contacts`);
        if (allowed) {
          expect(response.statusCode).toBe(200);
          expect(response.json<{ items: Contact[] }>().items.map((c) => c.person.name)).toEqual([`Contacto ${word}`]);
        } else {
          expectProblem(response, 404, 'not_found');
        }
        return;
      }
      case 'timeline': {
        const response = await actor.get(`${url}/timeline`);
        if (allowed) {
          expect(response.statusCode).toBe(200);
          const actionsSeen = response.json<ListResponse<TimelineEntry>>().items.map((entry) => entry.action);
          expect(actionsSeen).toContain('created');
          expect(actionsSeen).toContain('contact_added');
        } else {
          expectProblem(response, 404, 'not_found');
        }
        return;
      }
      case 'update': {
        const response = await actor.patch(url, { version: account.version, name: `Renamed ${word}` });
        const after = await accountState(t.db, account.id);
        if (allowed) {
          expect(response.statusCode).toBe(200);
          expect(after).toEqual({ ...before, version: before.version + 1, name: `Renamed ${word}` });
        } else {
          expectProblem(response, 404, 'not_found');
          expect(after).toEqual(before);
        }
        return;
      }
      case 'discard': {
        const response = await actor.delete(url);
        const after = await accountState(t.db, account.id);
        if (allowed) {
          expect(response.statusCode).toBe(204);
          expect(after.discardedAt).not.toBeNull();
          expectProblem(await actor.get(url), 404, 'not_found');
        } else {
          expectProblem(response, 404, 'not_found');
          expect(after).toEqual(before);
        }
        return;
      }
      case 'change owners': {
        const ownerIds = [...before.ownerIds, helper.user.id];
        const response = await actor.put(`${url}/owners`, { version: account.version, ownerIds });
        const after = await accountState(t.db, account.id);
        if (allowed) {
          expect(response.statusCode).toBe(200);
          expect(after.ownerIds).toEqual([...ownerIds].sort());
          expect(after.version).toBe(before.version + 1);
        } else {
          expectProblem(response, 404, 'not_found');
          expect(after).toEqual(before);
        }
        return;
      }
      case 'add contact': {
        const response = await actor.post(`${url}/contacts`, { newPerson: { firstName: 'Nueva', lastName: word } });
        const after = await accountState(t.db, account.id);
        if (allowed) {
          expect(response.statusCode).toBe(201);
          expect(after.contacts).toBe(before.contacts + 1);
          expect(await countRows(t.db, 'accounts')).toBe(accountsBefore + 1);
        } else {
          expectProblem(response, 404, 'not_found');
          expect(after).toEqual(before);
          expect(await countRows(t.db, 'accounts')).toBe(accountsBefore);
        }
        return;
      }
    }
  });
});

describe('agents and ownership', () => {
  test('an agent becomes an owner of the accounts they create, even when naming other owners', async () => {
    const agent = actorClient('agent-own');
    const account = await t.account(agent, { kind: 'organization', name: 'Own by creation', ownerIds: [stranger.user.id] });
    expect(account.owners.map((o) => o.id).sort()).toEqual([agent.user.id, stranger.user.id].sort());
    expect((await accountState(t.db, account.id)).ownerIds).toEqual([agent.user.id, stranger.user.id].sort());
  });

  test('an agent who hands an account over to someone else loses sight of it', async () => {
    const agent = actorClient('agent-own');
    const account = await t.account(agent, { kind: 'organization', name: 'Handed over' });
    const response = await agent.put(`/api/v1/accounts/${account.id}/owners`, { version: account.version, ownerIds: [stranger.user.id] });
    expect(response.statusCode).toBe(200);
    expectProblem(await agent.get(`/api/v1/accounts/${account.id}`), 404, 'not_found');
    expect((await stranger.get(`/api/v1/accounts/${account.id}`)).statusCode).toBe(200);
  });

  test('owners must be active users: an unknown id is a field error and nothing changes', async () => {
    const account = await t.account(admin, { kind: 'organization', name: 'Owners check' });
    const before = await accountState(t.db, account.id);
    const response = await admin.put(`/api/v1/accounts/${account.id}/owners`, {
      version: account.version,
      ownerIds: [admin.user.id, '01900000-0000-7000-8000-000000000000'],
    });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((e) => [e.field, e.code])).toEqual([['ownerIds.1', 'unknown_user']]);
    expect(await accountState(t.db, account.id)).toEqual(before);
  });

  test('a teammate leaving the team takes their accounts out of the team portfolio', async () => {
    const teamAgent = actorClient('agent-team');
    const account = await t.account(admin, { kind: 'organization', name: 'Moves with the owner', ownerIds: [mate.user.id] });
    expect((await teamAgent.get(`/api/v1/accounts/${account.id}`)).statusCode).toBe(200);
    const mateRow = await t.db.selectFrom('users').select('version').where('id', '=', mate.user.id).executeTakeFirstOrThrow();
    const moved = await admin.patch(`/api/v1/users/${mate.user.id}`, { version: mateRow.version, teamId: null });
    expect(moved.statusCode).toBe(200);
    expectProblem(await teamAgent.get(`/api/v1/accounts/${account.id}`), 404, 'not_found');
    const back = await admin.patch(`/api/v1/users/${mate.user.id}`, { version: mateRow.version + 1, teamId: actorClient('agent-team').user.teamId });
    expect(back.statusCode).toBe(200);
  });
});

describe('a change of role or scope', () => {
  // The account page's SQL is built once per actor and reused: it must follow the actor's rights as they are now.
  test('applies from the next request on, both ways', async () => {
    const agent = await t.user({ role: 'agent', scope: 'own' });
    const { account } = await accountFor(agent, 'someone else', false);
    const url = `/api/v1/accounts/${account.id}`;
    const scopeTo = async (scope: 'own' | 'all') => {
      const { version } = await t.db.selectFrom('users').select('version').where('id', '=', agent.user.id).executeTakeFirstOrThrow();
      expect((await admin.patch(`/api/v1/users/${agent.user.id}`, { version, scope })).statusCode).toBe(200);
    };
    expectProblem(await agent.get(url), 404, 'not_found');
    await scopeTo('all');
    expect((await agent.get(url)).statusCode).toBe(200);
    await scopeTo('own');
    expectProblem(await agent.get(url), 404, 'not_found');
  });
});
