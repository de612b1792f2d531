import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csrfHeader, type Me } from '@contract/auth';
import type { Import } from '@contract/imports';
import { buildApp } from '@server/app';
import { loadConfig } from '@server/config';
import type { DatabaseHandle } from '@server/db/connect';
import { JobWorker } from '@server/jobs/worker';
import { secondConnection } from '@server/test/second-connection';
import { expectProblem, uniqueWord } from '@server/test/state';
import { testApp, testPassword, type Client, type TestApp } from '@server/test/test-app';

let t: TestApp;
let agent: Client;
let worker: JobWorker;
// A second app process on the same database: its own connection, its own app, its own worker.
let other: DatabaseHandle;
let otherApp: FastifyInstance;
let otherWorker: JobWorker;

beforeAll(async () => {
  t = await testApp();
  agent = await t.user({ role: 'agent', scope: 'own' });
  worker = new JobWorker(t.db, t.dialect);
  other = await secondConnection(t.db);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', CARTERA_DATA_DIR: t.dataDir }), webDistDir: null };
  otherApp = await buildApp(config, other);
  await otherApp.ready();
  otherWorker = new JobWorker(other.db, other.dialect);
});

afterAll(async () => {
  await worker.stop();
  await otherWorker.stop();
  await otherApp.close();
  await other.close();
  await t.close();
});

/** The agent, signed in on the second app, as a request function. */
async function onOtherApp(): Promise<(url: string, body?: object) => Promise<LightMyRequestResponse>> {
  const login = await otherApp.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: agent.user.email, password: testPassword } });
  expect(login.statusCode, login.body).toBe(200);
  const cookie = login.cookies.find((c) => c.name === 'cartera_session')?.value ?? '';
  const csrf = login.json<Me>().csrfToken;
  return (url, body = {}) => otherApp.inject({ method: 'POST', url, cookies: { cartera_session: cookie }, headers: { [csrfHeader]: csrf }, payload: body });
}

async function upload(rows: number): Promise<{ imp: Import; word: string }> {
  const word = uniqueWord('par');
  const lines = ['email,nombre,apellidos', ...Array.from({ length: rows }, (_, i) => `p${i}.${word}@example.com,P${i},${word}`)];
  const response = await agent.request('POST', '/api/v1/imports?fileName=p.csv&kind=person', Buffer.from(`${lines.join('\n')}\n`), { 'content-type': 'application/octet-stream' });
  expect(response.statusCode, response.body).toBe(201);
  return { imp: response.json<Import>(), word };
}

/** The jobs queued for one import, read from their payloads. */
async function jobsFor(importId: string, kind: string) {
  const rows = await t.db.selectFrom('jobs').select(['id', 'status', 'attempts', 'error', 'payload']).where('kind', '=', kind).execute();
  return rows.filter((row) => row.payload.includes(importId));
}

/** Ten requests at once, half through each app; exactly one may win. */
async function tenAtOnce(url: string, body: object): Promise<LightMyRequestResponse[]> {
  const post = await onOtherApp();
  return Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? agent.post(url, body) : post(url, body))));
}

function expectOneWinner(responses: LightMyRequestResponse[]): Import {
  const won = responses.filter((response) => response.statusCode === 200);
  expect(won).toHaveLength(1);
  for (const lost of responses.filter((response) => response.statusCode !== 200)) expectProblem(lost, 409, 'conflict');
  return (won[0] ?? responses[0])?.json<Import>() ?? expect.unreachable();
}

describe('running or undoing an import is idempotent under concurrency', () => {
  test('ten simultaneous runs through two app processes queue one job; two workers run it once', async () => {
    const { imp, word } = await upload(30);
    const queued = expectOneWinner(await tenAtOnce(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping, rules: imp.rules }));
    const jobs = await jobsFor(imp.id, 'import.run');
    expect(jobs.map((job) => job.id)).toEqual([queued.jobId]);

    await Promise.all([worker.drain(), otherWorker.drain()]);
    expect(await jobsFor(imp.id, 'import.run')).toMatchObject([{ status: 'done', attempts: 1, error: null }]);
    const done = (await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>();
    expect(done).toMatchObject({ status: 'done', created: 30, failed: 0 });
    expect(await t.db.selectFrom('accounts').select('id').where('last_name', '=', word).execute()).toHaveLength(30);

    const undone = expectOneWinner(await tenAtOnce(`/api/v1/imports/${imp.id}/undo`, {}));
    expect((await jobsFor(imp.id, 'import.undo')).map((job) => job.id)).toEqual([undone.jobId]);
    await Promise.all([worker.drain(), otherWorker.drain()]);
    expect(await jobsFor(imp.id, 'import.undo')).toMatchObject([{ status: 'done', attempts: 1, error: null }]);
    expect((await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>().status).toBe('undone');
    expect(await t.db.selectFrom('accounts').select('id').where('last_name', '=', word).execute()).toHaveLength(0);
  });

  test('ten simultaneous resumes of a failed import put its job back in the queue once', async () => {
    const { imp } = await upload(3);
    const queued = (await agent.post(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping, rules: imp.rules })).json<Import>();
    // As a worker leaves an import whose job failed for good.
    await t.db.updateTable('imports').set({ status: 'failed' }).where('id', '=', imp.id).execute();
    await t.db.updateTable('jobs').set({ status: 'failed', attempts: 3, error: 'boom' }).where('id', '=', queued.jobId ?? '').execute();
    expectOneWinner(await tenAtOnce(`/api/v1/imports/${imp.id}/resume`, {}));
    expect(await jobsFor(imp.id, 'import.run')).toMatchObject([{ id: queued.jobId, status: 'queued', attempts: 0, error: null }]);
  });
});
