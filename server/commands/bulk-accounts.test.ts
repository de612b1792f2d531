import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { Job } from '@contract/imports';
import type { Tag } from '@contract/tags';
import { JobWorker } from '@server/jobs/worker';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectProblem } from '@server/test/state';

let t: TestApp;
let worker: JobWorker;
let admin: Client;
let agent: Client;
let other: Client;
const mine: Account[] = [];
const theirs: Account[] = [];

beforeAll(async () => {
  t = await testApp();
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
  other = await t.user({ role: 'agent', scope: 'own' });
  for (let i = 0; i < 7; i += 1) mine.push(await t.account(agent, { name: `Granel ${i}`, stage: 'lead' }));
  for (let i = 0; i < 3; i += 1) theirs.push(await t.account(other, { name: `Granel ajeno ${i}`, stage: 'lead' }));
  expect((await admin.post('/api/v1/lists/characteristic/items', { key: 'vip', labels: { es: 'VIP', en: 'VIP' } })).statusCode).toBe(201);
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

/** Starts a bulk action, runs the jobs, and answers the finished job. */
async function bulk(client: Client, body: object): Promise<Job> {
  const response = await client.post('/api/v1/accounts/bulk', body);
  expect(response.statusCode, response.body).toBe(202);
  const { jobId } = response.json<{ jobId: string; total: number }>();
  await worker.drain();
  return (await client.get(`/api/v1/jobs/${jobId}`)).json<Job>();
}

const stageOf = async (id: string) => (await t.db.selectFrom('accounts').select(['stage', 'version']).where('id', '=', id).executeTakeFirstOrThrow());

describe('bulk actions on "everything matching the filter"', () => {
  test('set the stage: the agent\'s matching accounts change, others\' accounts are never touched, each change is in history', async () => {
    const before = await Promise.all(theirs.map((account) => stageOf(account.id)));
    const started = await agent.post('/api/v1/accounts/bulk', { selection: { filter: { q: 'granel', sort: 'name' } }, action: { type: 'setStage', stage: 'prospect' } });
    expect(started.json<{ total: number }>().total).toBe(7);
    await worker.drain();
    const job = (await agent.get(`/api/v1/jobs/${started.json<{ jobId: string }>().jobId}`)).json<Job>();
    expect(job).toMatchObject({ status: 'done', progressDone: 7, result: { changed: 7, unchanged: 0, failed: 0 } });
    for (const account of mine) expect((await stageOf(account.id)).stage).toBe('prospect');
    expect(await Promise.all(theirs.map((account) => stageOf(account.id)))).toEqual(before);
    const history = await t.db.selectFrom('audit_log').select('action').where('account_id', '=', mine[0]?.id ?? '').where('action', '=', 'updated').execute();
    expect(history).toHaveLength(1);
  });

  test('running it again changes nothing (idempotent)', async () => {
    const job = await bulk(agent, { selection: { filter: { q: 'granel' } }, action: { type: 'setStage', stage: 'prospect' } });
    expect(job.result).toEqual({ changed: 0, unchanged: 7, failed: 0 });
  });
});

describe('bulk actions on ticked rows', () => {
  test('tag, then untag: ids outside the portfolio in the selection are skipped silently', async () => {
    const tag = (await agent.post('/api/v1/tags', { name: 'Campaña otoño' })).json<Tag>();
    const ids = [mine[0]?.id, mine[1]?.id, theirs[0]?.id];
    const job = await bulk(agent, { selection: { ids }, action: { type: 'addTag', tagId: tag.id } });
    expect(job.result).toEqual({ changed: 2, unchanged: 0, failed: 0 });
    const tagged = await t.db.selectFrom('account_tags').select('account_id').where('tag_id', '=', tag.id).execute();
    expect(tagged.map((row) => row.account_id).sort()).toEqual([mine[0]?.id, mine[1]?.id].sort());
    const removed = await bulk(agent, { selection: { ids }, action: { type: 'removeTag', tagId: tag.id } });
    expect(removed.result).toEqual({ changed: 2, unchanged: 0, failed: 0 });
  });

  test('add and remove owners, add a characteristic, discard', async () => {
    const ids = [mine[2]?.id, mine[3]?.id];
    expect((await bulk(agent, { selection: { ids }, action: { type: 'addOwners', userIds: [admin.user.id] } })).result).toMatchObject({ changed: 2 });
    const owners = await t.db.selectFrom('account_owners').select('user_id').where('account_id', '=', mine[2]?.id ?? '').execute();
    expect(owners.map((row) => row.user_id).sort()).toEqual([agent.user.id, admin.user.id].sort());
    expect((await bulk(agent, { selection: { ids }, action: { type: 'removeOwners', userIds: [admin.user.id] } })).result).toMatchObject({ changed: 2 });
    expect((await bulk(agent, { selection: { ids }, action: { type: 'addCharacteristic', key: 'vip', note: 'feria' } })).result).toMatchObject({ changed: 2 });
    expect((await bulk(agent, { selection: { ids }, action: { type: 'addCharacteristic', key: 'vip' } })).result).toMatchObject({ changed: 0, unchanged: 2 });
    expect((await bulk(agent, { selection: { ids }, action: { type: 'discard' } })).result).toMatchObject({ changed: 2 });
    expect((await agent.get(`/api/v1/accounts/${mine[2]?.id}`)).statusCode).toBe(404);
    const bin = (await admin.get('/api/v1/bin')).json<{ items: Array<{ id: string }> }>().items.map((item) => item.id);
    expect(bin).toEqual(expect.arrayContaining(ids));
  });
});

describe('refusals', () => {
  test('an unknown tag, stage, user or characteristic is a 400 before anything is queued', async () => {
    const jobs = async () => (await t.db.selectFrom('jobs').select('id').execute()).length;
    const count = await jobs();
    const ids = [mine[4]?.id];
    expectProblem(await agent.post('/api/v1/accounts/bulk', { selection: { ids }, action: { type: 'setStage', stage: 'nope' } }), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/accounts/bulk', { selection: { ids }, action: { type: 'addTag', tagId: '01a20541-0000-7000-8000-000000000000' } }), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/accounts/bulk', { selection: { ids }, action: { type: 'addOwners', userIds: ['01a20541-0000-7000-8000-000000000000'] } }), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/accounts/bulk', { selection: { ids }, action: { type: 'addCharacteristic', key: 'nope' } }), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/accounts/bulk', { selection: { ids: [] }, action: { type: 'discard' } }), 400, 'validation_failed');
    expect(await jobs()).toBe(count);
  });

  test('another agent selecting someone else\'s accounts by id changes nothing, and cannot read the job of another', async () => {
    const before = await Promise.all(mine.slice(4).map((account) => stageOf(account.id)));
    const started = await other.post('/api/v1/accounts/bulk', { selection: { ids: mine.slice(4).map((account) => account.id) }, action: { type: 'setStage', stage: 'customer' } });
    expect(started.json<{ total: number }>().total).toBe(0);
    await worker.drain();
    expect(await Promise.all(mine.slice(4).map((account) => stageOf(account.id)))).toEqual(before);
    expect((await agent.get(`/api/v1/jobs/${started.json<{ jobId: string }>().jobId}`)).statusCode).toBe(404);
  });
});
