import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { GroupCount } from '@contract/list-query';
import type { Board, Opportunity, OpportunityCard } from '@contract/opportunities';
import type { Job } from '@contract/imports';
import { JobWorker } from '@server/jobs/worker';
import { multipartFile } from '@server/test/multipart';
import { policyCells, portfolioClients, type PortfolioActor } from '@server/test/portfolio-actors';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

/**
 * Opportunities as a table: actor × action. An opportunity is visible exactly when its
 * organization is: admins and managers see all, an agent those of organizations in their
 * portfolio (their own, or their team's with scope team). Refused writes answer 404 and change
 * nothing; refused reads are absent from lists, boards and counts.
 */
const actions = [
  'read', 'list contains', 'board count', 'column contains', 'groups count', 'update', 'move', 'set person', 'tag', 'activity on it',
  'history', 'export contains', 'export ticked', 'bulk', 'document on it', 'create on its organization', 'remove person', 'untag',
] as const;
type ActorName = PortfolioActor;

const cells = policyCells(actions);

let t: TestApp;
let admin: Client;
let worker: JobWorker;
let client: (name: ActorName) => Client;

beforeAll(async () => {
  t = await testApp();
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
  admin = await t.user({ role: 'admin', scope: 'all' });
  client = await portfolioClients(t, admin);
});

afterAll(async () => {
  await worker.stop();
  await t.close();
});

/** What a refused write must leave as it was: the row, its people, its tags, its activities. */
async function state(id: string) {
  const row = await t.db.selectFrom('opportunities').select(['name', 'stage', 'position', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
  const people = await t.db.selectFrom('opportunity_people').select(['person_id', 'role']).where('opportunity_id', '=', id).execute();
  const tags = await t.db.selectFrom('opportunity_tags').select('tag_id').where('opportunity_id', '=', id).execute();
  const activities = await t.db.selectFrom('activities').select('id').where('opportunity_id', '=', id).execute();
  const documents = await t.db.selectFrom('documents').select('id').where('opportunity_id', '=', id).execute();
  return { row, people, tags, activities: activities.length, documents: documents.length };
}

describe('opportunity visibility policy', () => {
  test.each(cells)('$actor × $action → $expected', async ({ actor: actorName, action, expected }) => {
    const actor = client(actorName);
    const owner = client('owner agent');
    const word = uniqueWord('oportunidad');
    const organization = await t.account(admin, { name: `${word} SA`, ownerIds: [owner.user.id] });
    const person = await t.account(admin, { kind: 'person', firstName: 'Eva', lastName: word, ownerIds: [owner.user.id] });
    expectOk(await admin.post(`/api/v1/accounts/${organization.id}/contacts`, { otherId: person.id }), 201);
    const opportunity = expectOk<Opportunity>(await admin.post('/api/v1/opportunities', {
      organizationId: organization.id, name: word, amount: 500, currency: 'EUR', expectedCloseOn: '2027-05-01', ownerId: owner.user.id, stage: 'proposal',
      people: [{ personId: person.id, role: 'user' }],
    }), 201);
    const neighbour = expectOk<Opportunity>(await admin.post('/api/v1/opportunities', {
      organizationId: organization.id, name: `${word} 2`, currency: 'EUR', expectedCloseOn: '2027-05-01', ownerId: owner.user.id, stage: 'proposal',
    }), 201);
    const tag = expectOk<{ id: string }>(await admin.post('/api/v1/tags', { name: uniqueWord('T') }), 201);
    const tagged = expectOk<{ id: string }>(await admin.post('/api/v1/tags', { name: uniqueWord('T') }), 201);
    expect((await admin.put(`/api/v1/opportunities/${opportunity.id}/tags/${tagged.id}`)).statusCode).toBe(204);
    const allowed = expected === 'allowed';
    const before = await state(opportunity.id);
    const url = `/api/v1/opportunities/${opportunity.id}`;
    const refusedWrite = async (response: Awaited<ReturnType<Client['get']>>) => {
      expectProblem(response, 404, 'not_found');
      expect(await state(opportunity.id)).toEqual(before);
    };

    switch (action) {
      case 'read': {
        const response = await actor.get(url);
        if (allowed) expect(expectOk<Opportunity>(response).name).toBe(word);
        else expectProblem(response, 404, 'not_found');
        return;
      }
      case 'list contains': {
        const list = expectOk<ListResponse<OpportunityCard>>(await actor.get(`/api/v1/opportunities?q=${word}`));
        expect(list.items.map((item) => item.id).includes(opportunity.id)).toBe(allowed);
        expect(list.total).toBe(allowed ? 2 : 0);
        return;
      }
      case 'board count': {
        const board = expectOk<Board>(await actor.get(`/api/v1/opportunities/board?q=${word}`));
        expect(board.columns.find((column) => column.stage === 'proposal')).toMatchObject(
          allowed ? { count: 2, sums: [{ currency: 'EUR', amount: 500 }] } : { count: 0, sums: [], cards: [] },
        );
        return;
      }
      case 'column contains': {
        const page = expectOk<ListResponse<OpportunityCard>>(await actor.get(`/api/v1/opportunities/board/column?stage=proposal&q=${word}`));
        expect(page.items.length).toBe(allowed ? 2 : 0);
        return;
      }
      case 'groups count': {
        const groups = expectOk<GroupCount>(await actor.get(`/api/v1/opportunities/groups?by=stage&q=${word}`));
        expect(groups.groups.find((group) => group.value === 'proposal')?.count).toBe(allowed ? 2 : 0);
        return;
      }
      case 'update': {
        const response = await actor.patch(url, { version: opportunity.version, name: 'Renamed' });
        if (allowed) expect(expectOk<Opportunity>(response).name).toBe('Renamed');
        else await refusedWrite(response);
        return;
      }
      case 'move': {
        const response = await actor.post(`${url}/move`, { version: opportunity.version, stage: 'proposal', afterId: neighbour.id });
        if (allowed) expect(expectOk<OpportunityCard>(response).stage).toBe('proposal');
        else await refusedWrite(response);
        // Nor may anyone use a card they cannot see as a neighbour.
        const other = expectOk<Opportunity>(await actor.post('/api/v1/opportunities', {
          organizationId: (await t.account(actor, { name: uniqueWord('Mía ') })).id, name: 'mía', currency: 'EUR', expectedCloseOn: '2027-01-01', stage: 'proposal',
        }), 201);
        const probe = await actor.post(`/api/v1/opportunities/${other.id}/move`, { version: other.version, stage: 'proposal', afterId: opportunity.id });
        if (allowed) expectOk(probe);
        else expectProblem(probe, 400, 'validation_failed');
        return;
      }
      case 'set person': {
        const response = await actor.put(`${url}/people/${person.id}`, { role: 'decision_maker' });
        if (allowed) expect(expectOk<Opportunity>(response).people).toMatchObject([{ role: 'decision_maker' }]);
        else await refusedWrite(response);
        return;
      }
      case 'remove person': {
        const response = await actor.delete(`${url}/people/${person.id}`);
        if (allowed) expect(expectOk<Opportunity>(response).people).toEqual([]);
        else await refusedWrite(response);
        return;
      }
      case 'untag': {
        const response = await actor.delete(`${url}/tags/${tagged.id}`);
        if (!allowed) return refusedWrite(response);
        expect(response.statusCode).toBe(204);
        expect((await state(opportunity.id)).tags).toEqual([]);
        return;
      }
      case 'create on its organization': {
        const response = await actor.post('/api/v1/opportunities', { organizationId: organization.id, name: `${word} 3`, currency: 'EUR', expectedCloseOn: '2027-05-01' });
        const onIt = () => t.db.selectFrom('opportunities').select('id').where('organization_id', '=', organization.id).execute();
        if (allowed) {
          expect(expectOk<Opportunity>(response, 201).organization.id).toBe(organization.id);
          expect(await onIt()).toHaveLength(3);
        } else {
          await refusedWrite(response);
          expect(await onIt()).toHaveLength(2);
        }
        return;
      }
      case 'tag': {
        const response = await actor.put(`${url}/tags/${tag.id}`);
        if (allowed) expect(response.statusCode).toBe(204);
        else await refusedWrite(response);
        return;
      }
      case 'activity on it': {
        const response = await actor.post('/api/v1/activities', { accountId: organization.id, opportunityId: opportunity.id, type: 'call', subject: 'Llamar', startAt: '2027-01-01T09:00:00Z' });
        if (allowed) expect(response.statusCode).toBe(201);
        else await refusedWrite(response);
        return;
      }
      case 'history': {
        const response = await actor.get(`${url}/history`);
        if (allowed) expect(expectOk<ListResponse<{ action: string }>>(response).items.map((item) => item.action)).toContain('opportunity_created');
        else expectProblem(response, 404, 'not_found');
        return;
      }
      case 'export contains': {
        const response = await actor.get(`/api/v1/exports/opportunities?format=csv&q=${word}`);
        expect(response.statusCode).toBe(200);
        expect(response.body.includes(opportunity.id)).toBe(allowed);
        return;
      }
      case 'export ticked': {
        const response = await actor.post('/api/v1/exports/opportunities', { format: 'csv', ids: [opportunity.id] });
        expect(response.statusCode).toBe(200);
        expect(response.body.includes(opportunity.id)).toBe(allowed);
        return;
      }
      case 'bulk': {
        const started = await actor.post('/api/v1/opportunities/bulk', { selection: { ids: [opportunity.id] }, action: { type: 'addTag', tagId: tag.id } });
        const { jobId, total } = expectOk<{ jobId: string; total: number }>(started, 202);
        expect(total).toBe(allowed ? 1 : 0);
        await worker.drain();
        const job = expectOk<Job>(await actor.get(`/api/v1/jobs/${jobId}`));
        expect(job.result).toEqual({ changed: allowed ? 1 : 0, unchanged: 0, failed: 0 });
        if (!allowed) expect(await state(opportunity.id)).toEqual(before);
        return;
      }
      case 'document on it': {
        const { body, headers } = multipartFile('oferta.txt', 'oferta');
        const response = await actor.request('POST', `/api/v1/accounts/${organization.id}/documents?opportunityId=${opportunity.id}`, body, headers);
        if (allowed) expect(expectOk<{ opportunityId: string }>(response, 201).opportunityId).toBe(opportunity.id);
        else await refusedWrite(response);
        return;
      }
    }
  });

  test('a person outside the actor\'s portfolio is left out of the opportunity\'s people, and cannot be added or removed by them', async () => {
    const owner = client('owner agent');
    const organization: Account = await t.account(admin, { name: uniqueWord('Mixta '), ownerIds: [owner.user.id] });
    const hiddenPerson = await t.account(admin, { kind: 'person', firstName: 'Oculta', lastName: uniqueWord('P') });
    expectOk(await admin.post(`/api/v1/accounts/${organization.id}/contacts`, { otherId: hiddenPerson.id }), 201);
    const opportunity = expectOk<Opportunity>(await admin.post('/api/v1/opportunities', {
      organizationId: organization.id, name: 'Mixta', currency: 'EUR', expectedCloseOn: '2027-05-01', people: [{ personId: hiddenPerson.id, role: 'user' }],
    }), 201);
    expect(opportunity.people).toHaveLength(1);
    const seen = await owner.get(`/api/v1/opportunities/${opportunity.id}`);
    expect(expectOk<Opportunity>(seen).people).toEqual([]);
    expect(seen.body).not.toContain(hiddenPerson.id);
    expectProblem(await owner.delete(`/api/v1/opportunities/${opportunity.id}/people/${hiddenPerson.id}`), 404, 'not_found');
    expectProblem(await owner.put(`/api/v1/opportunities/${opportunity.id}/people/${hiddenPerson.id}`, { role: 'influencer' }), 400, 'validation_failed');
    expect(await t.db.selectFrom('opportunity_people').select('role').where('opportunity_id', '=', opportunity.id).execute()).toEqual([{ role: 'user' }]);
  });
});
