import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { Job } from '@contract/imports';
import { JobWorker } from '@server/jobs/worker';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem } from '@server/test/state';

// "Create a project for each" on the accounts list (issue 22 item 6): a background bulk job that
// opens one project on each selected organization the author sees, and none twice however often
// the job runs again after a crash.

let t: TestApp;
let worker: JobWorker;
let ana: Client;
let luis: Client;
const mine: Account[] = [];
let person: Account;
let theirs: Account;

beforeAll(async () => {
  t = await testApp();
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
  ana = await t.user({ role: 'agent', scope: 'own' });
  luis = await t.user({ role: 'agent', scope: 'own' });
  for (let i = 0; i < 4; i++) mine.push(await t.account(ana, { name: `Obra ${i}` }));
  person = await t.account(ana, { kind: 'person', firstName: 'Obra', lastName: 'Persona' });
  theirs = await t.account(luis, { name: 'Obra ajena' });
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

const projectsOf = async (ids: string[]) =>
  t.db.selectFrom('projects').select(['id', 'organization_id', 'name', 'status']).where('organization_id', 'in', ids).orderBy('organization_id').execute();

async function start(client: Client, selection: object): Promise<string> {
  const response = await client.post('/api/v1/accounts/bulk', { selection, action: { type: 'createProject', name: 'Arranque 2027', status: 'active' } });
  expect(response.statusCode, response.body).toBe(202);
  return response.json<{ jobId: string }>().jobId;
}
const job = async (client: Client, id: string) => expectOk<Job>(await client.get(`/api/v1/jobs/${id}`));

describe('create a project for each', () => {
  test('opens one on each organization of the selection the author sees; people and others\' companies are left alone', async () => {
    const everyone = [...mine, person, theirs].map((account) => account.id);
    const jobId = await start(ana, { ids: everyone });
    await worker.drain();
    expect(await job(ana, jobId)).toMatchObject({ status: 'done', result: { changed: 4, unchanged: 1, failed: 0 } });
    const made = await projectsOf(everyone);
    expect(made.map((row) => row.organization_id)).toEqual(mine.map((account) => account.id).sort());
    expect(new Set(made.map((row) => `${row.name} ${row.status}`))).toEqual(new Set(['Arranque 2027 active']));
    // The company's counter and history show it; its responsible user is the author.
    expect(expectOk<Account>(await ana.get(`/api/v1/accounts/${mine[0]?.id ?? ''}`)).overview.activeProjects).toBe(1);
    const responsible = await t.db.selectFrom('project_responsibles').select('user_id').where('project_id', '=', made[0]?.id ?? '').execute();
    expect(responsible.map((row) => row.user_id)).toEqual([ana.user.id]);
  });

  test('run again after a crash, the job opens only what it had not', async () => {
    const jobId = await start(ana, { filter: { q: 'obra', kind: 'organization' } });
    await worker.drain();
    const opened = (await projectsOf(mine.map((account) => account.id))).length;
    expect(opened).toBe(8);
    // As if the process died after the first project: one is undone, and the job goes back to the queue.
    const [first] = await t.db.selectFrom('projects').select('id').where('organization_id', '=', mine[0]?.id ?? '').orderBy('created_at', 'desc').limit(1).execute();
    await t.db.deleteFrom('project_responsibles').where('project_id', '=', first?.id ?? '').execute();
    await t.db.deleteFrom('projects').where('id', '=', first?.id ?? '').execute();
    await t.db.updateTable('jobs').set({ status: 'queued', finished_at: null, result: null }).where('id', '=', jobId).execute();
    await worker.drain();
    expect(await job(ana, jobId)).toMatchObject({ status: 'done', result: { changed: 1, unchanged: 3, failed: 0 } });
    expect((await projectsOf(mine.map((account) => account.id))).length).toBe(8);
  });

  test('refused: a name is required, and a selection of none the author sees opens nothing', async () => {
    const before = (await projectsOf([theirs.id])).length;
    expectProblem(await ana.post('/api/v1/accounts/bulk', { selection: { ids: [theirs.id] }, action: { type: 'createProject', name: ' ' } }), 400, 'validation_failed');
    const jobId = await start(ana, { ids: [theirs.id] });
    await worker.drain();
    expect(await job(ana, jobId)).toMatchObject({ status: 'done', progressTotal: 0, result: { changed: 0, unchanged: 0, failed: 0 } });
    expect((await projectsOf([theirs.id])).length).toBe(before);
  });
});
