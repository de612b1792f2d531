import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Import } from '@contract/imports';
import { JobWorker } from '@server/jobs/worker';
import { uniqueWord } from '@server/test/state';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

// Long work never freezes the server: an import and its undo run in short transactions with a
// turn of the event loop between them, so a request that arrives meanwhile is answered before the
// job ends. (On SQLite every statement is synchronous; a job that never yields holds everyone.)

let t: TestApp;
let agent: Client;
let worker: JobWorker;

beforeAll(async () => {
  t = await testApp();
  agent = await t.user({ role: 'agent', scope: 'own' });
  worker = new JobWorker(t.db, t.dialect);
});

afterAll(async () => {
  await worker.stop();
  await t.close();
});

type Seen = { status: string; done: number };

/**
 * Runs the queued job while asking for /api/health at every turn of the event loop; returns the
 * job's state at each answer that came before the job ended.
 */
async function requestsDuringJob(jobId: string): Promise<Seen[]> {
  let ended = false;
  const job = worker.runOnce().finally(() => { ended = true; });
  const seen: Seen[] = [];
  while (!ended) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const row = await t.db.selectFrom('jobs').select(['status', 'progress_done']).where('id', '=', jobId).executeTakeFirstOrThrow();
    if (!ended) seen.push({ status: row.status, done: row.progress_done });
  }
  expect(await job).toBe(true);
  return seen;
}

/** Answers seen between two chunks: the job running, some of its work committed. */
const betweenChunks = (seen: Seen[]) => seen.filter((item) => item.status === 'running' && item.done > 0);

describe('a long import and its undo let requests through', () => {
  test('requests are answered between the chunks of a 300-row import with a company column, and of its undo', async () => {
    const word = uniqueWord('long');
    const lines = ['nombre,apellidos,email,empresa,cargo', ...Array.from({ length: 300 }, (_, i) => `P${i},${word},p${i}.${word}@example.com,Empresa ${i >> 1} ${word},Compras`)];
    const upload = await agent.request('POST', '/api/v1/imports?fileName=p.csv&kind=person', Buffer.from(`${lines.join('\n')}\n`), { 'content-type': 'application/octet-stream' });
    expect(upload.statusCode, upload.body).toBe(201);
    const imp = upload.json<Import>();

    const run = await agent.post(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping, rules: imp.rules });
    expect(run.statusCode, run.body).toBe(200);
    const duringRun = await requestsDuringJob(run.json<Import>().jobId ?? '');
    expect(betweenChunks(duringRun).length).toBeGreaterThan(0);
    const done = (await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>();
    expect(done.status).toBe('done');
    expect(done.created).toBe(300);

    const undo = await agent.post(`/api/v1/imports/${imp.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    const duringUndo = await requestsDuringJob(undo.json<Import>().jobId ?? '');
    expect(betweenChunks(duringUndo).length).toBeGreaterThan(0);
    expect((await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>().status).toBe('undone');
    const left = await t.db.selectFrom('accounts').select('id').where('name_norm', 'like', `%${word}%`).execute();
    expect(left).toEqual([]);
  });
});
