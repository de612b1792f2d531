import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Project, ProjectCard } from '@contract/projects';
import { multipartFile } from '@server/test/multipart';
import { policyCells, portfolioClients, type PortfolioActor } from '@server/test/portfolio-actors';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

/**
 * Projects as a table: actor × action. A project is visible exactly when its organization is:
 * admins and managers see all, an agent those of organizations in their portfolio (their own, or
 * their team's with scope team). Refused writes answer 404 and change nothing; refused reads are
 * absent from lists, exports and counters.
 */
const actions = ['read', 'list contains', 'update', 'task on it', 'document on it', 'history', 'export contains', 'export ticked', 'counter'] as const;
type ActorName = PortfolioActor;

const cells = policyCells(actions);

let t: TestApp;
let admin: Client;
let client: (name: ActorName) => Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  client = await portfolioClients(t, admin);
});

afterAll(async () => t.close());

/** What a refused write must leave as it was: the row, its responsible users, its tasks and documents, its history. */
async function state(id: string) {
  const row = await t.db.selectFrom('projects').select(['name', 'status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
  const responsibles = await t.db.selectFrom('project_responsibles').select('user_id').where('project_id', '=', id).execute();
  const activities = await t.db.selectFrom('activities').select('id').where('project_id', '=', id).execute();
  const documents = await t.db.selectFrom('documents').select('id').where('project_id', '=', id).execute();
  const audit = await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', id).execute();
  return { row, responsibles, activities: activities.length, documents: documents.length, audit: audit.length };
}

describe('project visibility policy', () => {
  test.each(cells)('$actor × $action → $expected', async ({ actor: actorName, action, expected }) => {
    const actor = client(actorName);
    const owner = client('owner agent');
    const word = uniqueWord('proyecto');
    const organization: Account = await t.account(admin, { name: `${word} SA`, ownerIds: [owner.user.id] });
    const project = expectOk<Project>(await admin.post('/api/v1/projects', {
      organizationId: organization.id, name: word, status: 'active', responsibleIds: [owner.user.id], budget: { amount: 500, currency: 'EUR' },
    }), 201);
    const allowed = expected === 'allowed';
    const before = await state(project.id);
    const url = `/api/v1/projects/${project.id}`;
    const refusedWrite = async (response: Awaited<ReturnType<Client['get']>>) => {
      expectProblem(response, 404, 'not_found');
      expect(await state(project.id)).toEqual(before);
    };

    switch (action) {
      case 'read': {
        const response = await actor.get(url);
        if (allowed) expect(expectOk<Project>(response).name).toBe(word);
        else expectProblem(response, 404, 'not_found');
        return;
      }
      case 'list contains': {
        const list = expectOk<ListResponse<ProjectCard>>(await actor.get(`/api/v1/projects?q=${word}`));
        expect(list.items.map((item) => item.id).includes(project.id)).toBe(allowed);
        expect(list.total).toBe(allowed ? 1 : 0);
        const byOrganization = expectOk<ListResponse<ProjectCard>>(await actor.get(`/api/v1/projects?organizationId=${organization.id}`));
        expect(byOrganization.total).toBe(allowed ? 1 : 0);
        return;
      }
      case 'update': {
        const response = await actor.patch(url, { version: project.version, name: 'Renamed', status: 'done' });
        if (allowed) expect(expectOk<Project>(response)).toMatchObject({ name: 'Renamed', status: 'done' });
        else await refusedWrite(response);
        return;
      }
      case 'task on it': {
        const response = await actor.post('/api/v1/activities', { accountId: organization.id, projectId: project.id, type: 'task', subject: 'Tarea', startAt: '2027-01-01T09:00:00Z' });
        if (allowed) expect(response.statusCode).toBe(201);
        else await refusedWrite(response);
        return;
      }
      case 'document on it': {
        const { body, headers } = multipartFile('acuerdo.txt', 'acuerdo');
        const response = await actor.request('POST', `/api/v1/accounts/${organization.id}/documents?projectId=${project.id}`, body, headers);
        if (allowed) expect(expectOk<{ projectId: string }>(response, 201).projectId).toBe(project.id);
        else await refusedWrite(response);
        return;
      }
      case 'history': {
        const response = await actor.get(`${url}/history`);
        if (allowed) expect(expectOk<ListResponse<{ action: string }>>(response).items.map((item) => item.action)).toContain('project_created');
        else expectProblem(response, 404, 'not_found');
        return;
      }
      case 'export contains': {
        const response = await actor.get(`/api/v1/exports/projects?format=csv&q=${word}`);
        expect(response.statusCode).toBe(200);
        expect(response.body.includes(project.id)).toBe(allowed);
        return;
      }
      case 'export ticked': {
        const response = await actor.post('/api/v1/exports/projects', { format: 'csv', ids: [project.id] });
        expect(response.statusCode).toBe(200);
        expect(response.body.includes(project.id)).toBe(allowed);
        return;
      }
      case 'counter': {
        // The accounts list's counter column: the organization (and so its count) only for those who see it.
        const list = expectOk<ListResponse<Account>>(await actor.get(`/api/v1/accounts?q=${word}&counters=activeProjects`));
        expect(list.items.map((item) => item.overview.activeProjects)).toEqual(allowed ? [1] : []);
        return;
      }
    }
  });
});
