import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, TimelineEntry } from '@contract/accounts';
import type { Activity } from '@contract/activities';
import type { ListResponse } from '@contract/common';
import type { AccountDocument } from '@contract/documents';
import type { Project, ProjectCard } from '@contract/projects';
import { multipartFile } from '@server/test/multipart';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

let t: TestApp;
let admin: Client;
let agent: Client;
let colleague: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
  colleague = await t.user({ role: 'agent', scope: 'own' });
});

afterAll(async () => t.close());

const create = async (client: Client, body: object) => expectOk<Project>(await client.post('/api/v1/projects', body), 201);
const count = async (table: 'projects' | 'accounts') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('projects', () => {
  test('created on an organization with responsible users, dates and a budget; read back whole; the organization\'s history tells it', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Astilleros '), ownerIds: [agent.user.id, colleague.user.id] });
    const created = await create(agent, {
      organizationId: organization.id, name: 'Puesta en marcha', status: 'active', responsibleIds: [agent.user.id, colleague.user.id],
      startOn: '2027-01-10', endOn: '2027-03-31', description: 'Acuerdos generales de cooperación', budget: { amount: 1_500_000, currency: 'eur' },
    });
    expect(created).toMatchObject({
      name: 'Puesta en marcha', status: 'active', startOn: '2027-01-10', endOn: '2027-03-31', budget: { amount: 1_500_000, currency: 'EUR' },
      organization: { id: organization.id, name: organization.name }, openTasks: 0, description: 'Acuerdos generales de cooperación',
      createdBy: { id: agent.user.id }, version: 1,
    });
    expect(created.responsibles.map((user) => user.id).sort()).toEqual([agent.user.id, colleague.user.id].sort());
    expect(expectOk<Project>(await agent.get(`/api/v1/projects/${created.id}`))).toEqual(created);
    const history = expectOk<ListResponse<TimelineEntry>>(await agent.get(`/api/v1/accounts/${organization.id}/timeline`));
    expect(history.items).toContainEqual(expect.objectContaining({ entity: 'project', entityId: created.id, action: 'project_created' }));
  });

  test('planned, with the actor responsible, when nothing else is said', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Mínima ') });
    const created = await create(agent, { organizationId: organization.id, name: 'Mínimo' });
    expect(created).toMatchObject({ status: 'planned', responsibles: [{ id: agent.user.id }], budget: null, startOn: null, endOn: null });
  });

  test('bad input is refused field by field, translated, and creates nothing', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Errores ') });
    const person = await t.account(agent, { kind: 'person', firstName: 'Persona', lastName: uniqueWord('P') });
    const before = await count('projects');
    const base = { organizationId: organization.id, name: 'X' };
    const cases: Array<[object, string, string]> = [
      [{ ...base, name: '' }, 'name', 'required'],
      [{ ...base, status: 'open' }, 'status', 'invalid_value'],
      [{ ...base, startOn: '2027-02-01', endOn: '2027-01-01' }, 'endOn', 'end_before_start'],
      [{ ...base, endOn: '31/03/2027' }, 'endOn', 'invalid_format'],
      [{ ...base, budget: { amount: 10.5, currency: 'EUR' } }, 'budget.amount', 'invalid_type'],
      [{ ...base, budget: { amount: 100, currency: 'XYZ' } }, 'budget.currency', 'unknown_currency'],
      [{ ...base, responsibleIds: ['0190a000-0000-7000-8000-000000000000'] }, 'responsibleIds.0', 'unknown_user'],
      [{ ...base, organizationId: person.id }, 'organizationId', 'wrong_kind'],
    ];
    for (const [body, field, code] of cases) {
      const problem = expectProblem(await agent.request('POST', '/api/v1/projects', body, { 'accept-language': 'es' }), 400, 'validation_failed');
      expect(problem.errors, JSON.stringify(body)).toContainEqual(expect.objectContaining({ field, code }));
    }
    // A responsible user who cannot see the organization: refused unless made an owner.
    const refused = await agent.post('/api/v1/projects', { ...base, responsibleIds: [colleague.user.id] });
    expectProblem(refused, 422, 'assignee_cannot_see_account');
    expect(await count('projects')).toBe(before);
    const made = await create(agent, { ...base, responsibleIds: [colleague.user.id], addAssigneeAsOwner: true });
    expect(made.responsibles).toEqual([{ id: colleague.user.id, name: colleague.user.name }]);
  });

  test('edits carry the version: a stale one gets 412 and changes nothing; the history lists the changes', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Versiones ') });
    const project = await create(agent, { organizationId: organization.id, name: 'Versión', budget: { amount: 100, currency: 'PEN' } });
    const edited = expectOk<Project>(await agent.patch(`/api/v1/projects/${project.id}`, { version: 1, status: 'on_hold', endOn: '2027-06-30', budget: null }));
    expect(edited).toMatchObject({ status: 'on_hold', endOn: '2027-06-30', budget: null, version: 2 });
    expectProblem(await agent.patch(`/api/v1/projects/${project.id}`, { version: 1, name: 'Pisado' }), 412, 'stale_version');
    expectProblem(await agent.patch(`/api/v1/projects/${project.id}`, { version: 2, startOn: '2027-07-01' }), 400, 'validation_failed');
    expect(expectOk<Project>(await agent.get(`/api/v1/projects/${project.id}`))).toMatchObject({ name: 'Versión', version: 2, startOn: null });
    const history = expectOk<ListResponse<TimelineEntry>>(await agent.get(`/api/v1/projects/${project.id}/history`));
    expect(history.items.map((entry) => entry.action)).toEqual(['project_updated', 'project_created']);
    expect(history.items[0]?.changes).toContainEqual({ field: 'status', before: 'planned', after: 'on_hold' });
  });

  test('tasks are activities of type task linked to it: counted open until done, in the bell, in its history; documents on it', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Tareas ') });
    const other = await t.account(agent, { name: uniqueWord('Otra ') });
    const project = await create(agent, { organizationId: organization.id, name: 'Con tareas' });
    const due = new Date(Date.now() - 60_000).toISOString();
    const task = expectOk<Activity>(await agent.post('/api/v1/activities', { accountId: organization.id, projectId: project.id, type: 'task', subject: 'Enviar acuerdo', startAt: due }), 201);
    expect(task.projectId).toBe(project.id);
    expectOk(await agent.post('/api/v1/activities', { accountId: organization.id, projectId: project.id, type: 'task', subject: 'Segunda', startAt: due }), 201);
    // A project of another organization is not this activity's to name.
    expectProblem(await agent.post('/api/v1/activities', { accountId: other.id, projectId: project.id, type: 'task', subject: 'No', startAt: due }), 400, 'validation_failed');
    expect(expectOk<Project>(await agent.get(`/api/v1/projects/${project.id}`)).openTasks).toBe(2);
    const pending = expectOk<ListResponse<Activity>>(await agent.get(`/api/v1/activities/pending?until=${encodeURIComponent(new Date().toISOString())}`));
    expect(pending.items.map((item) => item.id)).toContain(task.id);
    const tasks = expectOk<ListResponse<Activity>>(await agent.get(`/api/v1/activities?projectId=${project.id}&type=task`));
    expect(tasks.total).toBe(2);
    expectOk(await agent.post(`/api/v1/activities/${task.id}/done`, { version: task.version, result: 'Enviado' }));
    expect(expectOk<Project>(await agent.get(`/api/v1/projects/${project.id}`)).openTasks).toBe(1);

    const { body, headers } = multipartFile('acuerdo.txt', 'acuerdo');
    const document = expectOk<AccountDocument>(await agent.request('POST', `/api/v1/accounts/${organization.id}/documents?projectId=${project.id}`, body, headers), 201);
    expect(document.projectId).toBe(project.id);
    const documents = expectOk<ListResponse<AccountDocument>>(await agent.get(`/api/v1/accounts/${organization.id}/documents?projectId=${project.id}`));
    expect(documents.items.map((item) => item.id)).toEqual([document.id]);
    const history = expectOk<ListResponse<TimelineEntry>>(await agent.get(`/api/v1/projects/${project.id}/history`));
    expect(history.items.map((entry) => entry.entity)).toEqual(expect.arrayContaining(['project', 'activity', 'document']));
  });

  test('the list: filters by status, organization, responsible and text, sorts by name, pages by keyset with the total kept', async () => {
    const organization = await t.account(admin, { name: uniqueWord('Listado ') });
    const word = uniqueWord('lista');
    for (const [index, status] of (['active', 'active', 'done', 'planned', 'active'] as const).entries()) {
      await create(admin, { organizationId: organization.id, name: `${word} ${String.fromCharCode(69 - index)}`, status, responsibleIds: index === 0 ? [colleague.user.id] : [admin.user.id], addAssigneeAsOwner: true });
    }
    const page1 = expectOk<ListResponse<ProjectCard>>(await admin.get(`/api/v1/projects?q=${word}&status=active&sort=name&limit=2`));
    expect(page1.total).toBe(3);
    expect(page1.items.map((item) => item.name)).toEqual([`${word} A`, `${word} D`]);
    const page2 = expectOk<ListResponse<ProjectCard>>(await admin.get(`/api/v1/projects?q=${word}&status=active&sort=name&limit=2&cursor=${page1.nextCursor ?? ''}`));
    expect(page2).toMatchObject({ total: 3, nextCursor: null });
    expect(page2.items.map((item) => item.name)).toEqual([`${word} E`]);
    expect(expectOk<ListResponse<ProjectCard>>(await admin.get(`/api/v1/projects?organizationId=${organization.id}`)).total).toBe(5);
    expect(expectOk<ListResponse<ProjectCard>>(await admin.get(`/api/v1/projects?organizationId=${organization.id}&responsibleId=${colleague.user.id}`)).items.map((item) => item.name)).toEqual([`${word} E`]);
    expectProblem(await admin.get('/api/v1/projects?sort=budget'), 400, 'validation_failed');
  });

  test('exports the list as CSV and XLSX in the reader\'s language and separator', async () => {
    const organization = await t.account(agent, { name: uniqueWord('Exporta ') });
    const project = await create(agent, { organizationId: organization.id, name: uniqueWord('Exportado '), status: 'active', budget: { amount: 123_450, currency: 'EUR' } });
    const csv = await agent.get(`/api/v1/exports/projects?format=csv&q=${encodeURIComponent(project.name)}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Name,Organization,Status');
    expect(csv.body).toContain(`${project.name},${organization.name},Active`);
    expect(csv.body).toContain('1234.50,EUR');
    const xlsx = await agent.get(`/api/v1/exports/projects?format=xlsx&q=${encodeURIComponent(project.name)}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ticked = await agent.post('/api/v1/exports/projects', { format: 'csv', ids: [project.id] });
    expect(ticked.body).toContain(project.id);
  });

  test('a new company with a start project: both in one transaction, and neither when the project is refused', async () => {
    const name = uniqueWord('Nueva Empresa ');
    const account = expectOk<Account>(await agent.post('/api/v1/accounts', {
      kind: 'organization', name, startProject: { name: 'Proyecto de inicio', status: 'active', endOn: '2027-02-28' },
    }), 201);
    const projects = expectOk<ListResponse<ProjectCard>>(await agent.get(`/api/v1/projects?organizationId=${account.id}`));
    expect(projects.items).toMatchObject([{ name: 'Proyecto de inicio', status: 'active', endOn: '2027-02-28', responsibles: [{ id: agent.user.id }] }]);
    expect(account.overview.activeProjects).toBe(1);

    const [accountsBefore, projectsBefore] = [await count('accounts'), await count('projects')];
    const refused = await agent.post('/api/v1/accounts', { kind: 'organization', name: uniqueWord('Fallida '), startProject: { name: 'X', responsibleIds: ['0190a000-0000-7000-8000-000000000000'] } });
    expect(expectProblem(refused, 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'startProject.responsibleIds.0', code: 'unknown_user' }));
    const person = await agent.post('/api/v1/accounts', { kind: 'person', firstName: 'Ana', startProject: { name: 'X' } });
    expect(expectProblem(person, 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'startProject', code: 'not_for_kind' }));
    expect([await count('accounts'), await count('projects')]).toEqual([accountsBefore, projectsBefore]);
  });

  test('a discarded organization takes its projects out of every list, and back when restored', async () => {
    const organization = await t.account(admin, { name: uniqueWord('Papelera ') });
    const project = await create(admin, { organizationId: organization.id, name: uniqueWord('Descartado ') });
    const listed = async () => expectOk<ListResponse<ProjectCard>>(await admin.get(`/api/v1/projects?q=${encodeURIComponent(project.name)}`)).total;
    expect(await listed()).toBe(1);
    expect((await admin.delete(`/api/v1/accounts/${organization.id}`)).statusCode).toBe(204);
    expect(await listed()).toBe(0);
    expectProblem(await admin.get(`/api/v1/projects/${project.id}`), 404, 'not_found');
    expect((await admin.post(`/api/v1/bin/accounts/${organization.id}/restore`, {})).statusCode).toBe(204);
    expect(await listed()).toBe(1);
  });
});
