import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { Import, Job } from '@contract/imports';
import { JobWorker } from '@server/jobs/worker';
import { checkpointSpy } from '@server/test/job-spy';
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

/** A people file with a company column (two people a company), as the long-work bench imports. */
function peopleWithCompanies(word: string, rows: number): Buffer {
  const lines = ['nombre,apellidos,email,empresa,cargo', ...Array.from({ length: rows }, (_, i) => `P${i},${word},p${i}.${word}@example.com,Empresa ${i >> 1} ${word},Compras`)];
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function imported(file: Buffer, rules: Partial<Import['rules']> = {}): Promise<Import> {
  const upload = await agent.request('POST', '/api/v1/imports?fileName=p.csv&kind=person', file, { 'content-type': 'application/octet-stream' });
  expect(upload.statusCode, upload.body).toBe(201);
  const imp = upload.json<Import>();
  const run = await agent.post(`/api/v1/imports/${imp.id}/run`, { mapping: imp.mapping, rules: { ...imp.rules, ...rules } });
  expect(run.statusCode, run.body).toBe(200);
  await worker.drain();
  return (await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>();
}

describe('a large undo and the requests made meanwhile', () => {
  test('each request is answered before the undo commits another chunk, and the progress it shows moves', async () => {
    const word = uniqueWord('turns');
    const imp = await imported(peopleWithCompanies(word, 800));
    expect(imp.created).toBe(800);
    const undo = await agent.post(`/api/v1/imports/${imp.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    const jobId = undo.json<Import>().jobId ?? '';

    // A user watching the undo. Their request reaches the server while the undo writes a chunk (it
    // is read when that chunk lets the event loop go: a timer set during the chunk fires then, as a
    // socket's data would be read), asks for the undo's progress or a page of accounts, and sees
    // the progress of the chunks committed before it was answered. One request at a time.
    const answers: Array<{ asked: number; shown: number }> = [];
    const requests: Array<Promise<void>> = [];
    let inFlight = false;
    const ask = async (i: number) => {
      const asked = checkpoints.at(-1) ?? 0; // the chunk the request came during has committed
      const path = i % 2 === 0 ? `/api/v1/jobs/${jobId}` : `/api/v1/accounts?q=${word}&limit=50`;
      const response = await agent.get(path);
      expect(response.statusCode, response.body).toBe(200);
      if (i % 2 === 0) answers.push({ asked, shown: response.json<Job>().progressDone });
      inFlight = false;
    };
    const { handler, checkpoints } = checkpointSpy('import.undo', {
      onCheckpoint: () => {
        if (inFlight) return;
        inFlight = true;
        requests.push(new Promise((resolve) => { setTimeout(resolve, 0); }).then(() => ask(checkpoints.length)));
      },
    });
    const undoWorker = new JobWorker(t.db, t.dialect, { handlers: { 'import.undo': handler } });
    expect(await undoWorker.runOnce()).toBe(true);
    await undoWorker.stop();
    await Promise.all(requests);

    // The undo ran in many chunks, and the progress the user was shown moved between them.
    expect(checkpoints.length).toBeGreaterThan(2);
    expect(new Set(answers.map((answer) => answer.shown)).size).toBeGreaterThan(1);
    // SQLite: a chunk holds the one connection and the event loop, and the undo's next chunk waits
    // behind the requests that arrived meanwhile, so each answer shows the progress as it was when
    // the request came: it waited for the chunk in progress, never for the next one. (PostgreSQL
    // writes chunks beside requests, which wait for neither.)
    if (t.dialect === 'sqlite') expect(answers.filter((answer) => answer.shown !== answer.asked)).toEqual([]);

    expect((await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>().status).toBe('undone');
    expect(await t.db.selectFrom('accounts').select('id').where('name_norm', 'like', `%${word}%`).execute()).toEqual([]);
  });

  test('an undo that dies part-way resumes where it stopped: every account as before, every row undone once', async () => {
    const word = uniqueWord('resume');
    // Accounts the import will update (every tenth row: before-images to restore in every chunk), among ones it creates.
    const existing = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      t.account(agent, { kind: 'person', firstName: `Orig${i}`, lastName: word, emails: [`p${i * 10}.${word}@example.com`] })));
    const imp = await imported(peopleWithCompanies(word, 400), { duplicates: 'update' });
    expect(imp).toMatchObject({ created: 360, updated: 40 });

    const { handler, checkpoints } = checkpointSpy('import.undo', { failAt: 2 });
    const crashing = new JobWorker(t.db, t.dialect, { handlers: { 'import.undo': handler }, maxAttempts: 2 });
    expect((await agent.post(`/api/v1/imports/${imp.id}/undo`)).statusCode).toBe(200);
    // First attempt: one chunk commits, the second dies inside its transaction (rolled back).
    expect(await crashing.runOnce()).toBe(true);
    const job = (await agent.get(`/api/v1/jobs/${(await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>().jobId ?? ''}`)).json<Job>();
    // The row the first chunk reached (the undo goes from the last row back), not the second's.
    expect(job).toMatchObject({ status: 'queued', error: 'simulated crash', progressDone: checkpoints[0] });
    // The retry goes on from there.
    await crashing.drain();
    await crashing.stop();
    expect(checkpoints.length).toBeGreaterThan(2);
    expect((await agent.get(`/api/v1/imports/${imp.id}`)).json<Import>().status).toBe('undone');

    for (const [i, account] of existing.entries()) {
      expect((await agent.get(`/api/v1/accounts/${account.id}`)).json<Account>()).toMatchObject({ firstName: `Orig${i}`, lastName: word });
    }
    const restored = await t.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'import_undone').where('entity', '=', 'account')
      .where('entity_id', 'in', existing.map((account) => account.id)).execute();
    expect(restored.map((row) => row.entity_id).sort()).toEqual(existing.map((account) => account.id).sort());
    const left = await t.db.selectFrom('accounts').select('id').where('name_norm', 'like', `%${word}%`).execute();
    expect(left.map((row) => row.id).sort()).toEqual(existing.map((account) => account.id).sort());
  });
});
