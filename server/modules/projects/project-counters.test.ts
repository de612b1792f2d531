import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem } from '@contract/accounts';
import type { Activity } from '@contract/activities';
import type { ListResponse } from '@contract/common';
import type { Project } from '@contract/projects';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, uniqueWord } from '@server/test/state';

// The company list's active-projects and open-tasks counters (seed 003): counted in the statement
// that reads the page, so they are exact whatever is being written meanwhile, and through the
// reader's visibility rules (a private task counts only for whoever may see it).

let t: TestApp;
let admin: Client;
let ana: Client;
let luis: Client;
let manager: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  ana = await t.user({ role: 'agent', scope: 'own' });
  luis = await t.user({ role: 'agent', scope: 'own' });
  manager = await t.user({ role: 'agent', scope: 'own', crmManager: true });
});

afterAll(async () => t.close());

const task = (client: Client, accountId: string, subject: string, extra: object = {}) =>
  client.post('/api/v1/activities', { accountId, type: 'task', subject, startAt: '2027-01-10T09:00:00Z', ...extra });

async function counters(client: Client, word: string): Promise<AccountListItem['overview']> {
  const list = expectOk<ListResponse<AccountListItem>>(await client.get(`/api/v1/accounts?q=${word}&counters=activeProjects,openTasks`));
  return list.items[0]?.overview ?? {};
}

describe('active projects and open tasks', () => {
  test('count what the reader may see: private tasks only for their responsible user, CRM managers and admins', async () => {
    const word = uniqueWord('Contadores');
    const company: Account = await t.account(admin, { name: word, ownerIds: [ana.user.id, luis.user.id, manager.user.id] });
    expectOk(await admin.post('/api/v1/projects', { organizationId: company.id, name: 'Activo', status: 'active' }), 201);
    expectOk(await admin.post('/api/v1/projects', { organizationId: company.id, name: 'Planificado' }), 201);
    expectOk(await task(ana, company.id, 'De Ana'), 201);
    expectOk(await task(ana, company.id, 'Privada de Ana', { private: true }), 201);
    expectOk(await task(luis, company.id, 'Privada de Luis', { private: true }), 201);
    const done = expectOk<Activity>(await task(luis, company.id, 'Hecha'), 201);
    expectOk(await luis.post(`/api/v1/activities/${done.id}/done`, { version: done.version }));
    // Not a task: not counted.
    expectOk(await ana.post('/api/v1/activities', { accountId: company.id, type: 'call', subject: 'Llamada', startAt: '2027-01-10T09:00:00Z' }), 201);

    expect(await counters(ana, word)).toEqual({ activeProjects: 1, openTasks: 2 });
    expect(await counters(luis, word)).toEqual({ activeProjects: 1, openTasks: 2 });
    expect(await counters(manager, word)).toEqual({ activeProjects: 1, openTasks: 3 });
    expect(await counters(admin, word)).toEqual({ activeProjects: 1, openTasks: 3 });
    // The company card says the same.
    expect(expectOk<Account>(await luis.get(`/api/v1/accounts/${company.id}`)).overview).toMatchObject({ activeProjects: 1, openTasks: 2 });
  });

  test('stay exact under concurrent writes: tasks added and finished and projects moved at once, then counted', async () => {
    const word = uniqueWord('Concurrente');
    const company: Account = await t.account(ana, { name: word });
    const projects = await Promise.all(
      Array.from({ length: 6 }, async (_, index) => expectOk<Project>(await ana.post('/api/v1/projects', { organizationId: company.id, name: `P${index}`, status: 'active' }), 201)),
    );
    const first = await Promise.all(Array.from({ length: 8 }, async (_, index) => expectOk<Activity>(await task(ana, company.id, `T${index}`), 201)));
    // At once: twelve tasks more (three on a project), four of the first finished, three projects closed, two put on hold then back.
    const writes = [
      ...Array.from({ length: 12 }, (_, index) => task(ana, company.id, `N${index}`, index < 3 ? { projectId: projects[0]?.id } : {})),
      ...first.slice(0, 4).map((activity) => ana.post(`/api/v1/activities/${activity.id}/done`, { version: activity.version })),
      ...projects.slice(0, 3).map((project) => ana.patch(`/api/v1/projects/${project.id}`, { version: project.version, status: 'done' })),
      ...projects.slice(3, 5).map((project) => ana.patch(`/api/v1/projects/${project.id}`, { version: project.version, status: 'on_hold' })),
    ];
    const answers = await Promise.all(writes);
    expect(answers.map((answer) => answer.statusCode).filter((status) => status >= 300)).toEqual([]);
    const truth = async () => ({
      activeProjects: Number((await t.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', company.id).where('status', '=', 'active').executeTakeFirstOrThrow()).n),
      openTasks: Number((await t.db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', company.id).where('type', '=', 'task').where('status', '=', 'scheduled').executeTakeFirstOrThrow()).n),
    });
    expect(await truth()).toEqual({ activeProjects: 1, openTasks: 16 });
    expect(await counters(ana, word)).toEqual(await truth());
    // Reads interleaved with writes never see a count that was not true at some point: it only grows here.
    const seen: number[] = [];
    await Promise.all([
      ...Array.from({ length: 10 }, (_, index) => task(ana, company.id, `M${index}`)),
      ...Array.from({ length: 5 }, async () => { seen.push((await counters(ana, word)).openTasks ?? -1); }),
    ]);
    expect(seen.every((count) => count >= 16 && count <= 26)).toBe(true);
    expect(await counters(ana, word)).toEqual({ activeProjects: 1, openTasks: 26 });
    expect(expectOk<Project>(await ana.get(`/api/v1/projects/${projects[0]?.id ?? ''}`)).openTasks).toBe(3);
  });
});
