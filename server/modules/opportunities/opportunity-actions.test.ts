import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { Account, TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { AccountDocument } from '@contract/documents';
import type { Job } from '@contract/imports';
import type { Opportunity, OpportunityCard } from '@contract/opportunities';
import type { SavedView } from '@contract/saved-views';
import { JobWorker } from '@server/jobs/worker';
import { multipartFile } from '@server/test/multipart';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

let t: TestApp;
let worker: JobWorker;
let admin: Client;
let agent: Client;
let colleague: Client;

beforeAll(async () => {
  t = await testApp();
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
  colleague = await t.user({ role: 'agent', scope: 'own' });
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

const create = async (client: Client, body: object) => expectOk<Opportunity>(await client.post('/api/v1/opportunities', body), 201);

/** The agent's organization with `n` deals named word-0…, and one person of it. */
async function deals(word: string, n: number, owner: Client = agent): Promise<{ organization: Account; person: Account; opportunities: Opportunity[] }> {
  const organization = await t.account(owner, { name: `${word} SL` });
  const person = await t.account(owner, { kind: 'person', firstName: 'Clara', lastName: uniqueWord('P') });
  expectOk(await owner.post(`/api/v1/accounts/${organization.id}/contacts`, { otherId: person.id }), 201);
  const opportunities: Opportunity[] = [];
  for (let i = 0; i < n; i += 1) {
    opportunities.push(await create(owner, { organizationId: organization.id, name: `${word}-${i}`, amount: 1000 * (i + 1), currency: 'EUR', expectedCloseOn: '2027-02-01' }));
  }
  return { organization, person, opportunities };
}

async function runBulk(client: Client, body: object): Promise<{ total: number; job: Job }> {
  const { jobId, total } = expectOk<{ jobId: string; total: number }>(await client.post('/api/v1/opportunities/bulk', body), 202);
  await worker.drain();
  return { total, job: expectOk<Job>(await client.get(`/api/v1/jobs/${jobId}`)) };
}

describe('bulk actions on opportunities', () => {
  test('owner, stage and tag on everything the filter matches; the colleague\'s deals are never touched; again changes nothing', async () => {
    const word = uniqueWord('granel');
    const mine = await deals(word, 3);
    const theirs = await deals(word, 2, colleague);
    expectOk(await agent.put(`/api/v1/accounts/${mine.organization.id}/owners`, { version: mine.organization.version, ownerIds: [agent.user.id, colleague.user.id] }));
    const stage = await runBulk(agent, { selection: { filter: { q: word } }, action: { type: 'setStage', stage: 'proposal' } });
    expect(stage.total).toBe(3);
    expect(stage.job).toMatchObject({ status: 'done', result: { changed: 3, unchanged: 0, failed: 0 } });
    const tag = expectOk<{ id: string }>(await admin.post('/api/v1/tags', { name: uniqueWord('Feria ') }), 201);
    expect((await runBulk(agent, { selection: { filter: { q: word } }, action: { type: 'addTag', tagId: tag.id } })).job.result).toEqual({ changed: 3, unchanged: 0, failed: 0 });
    expect((await runBulk(agent, { selection: { filter: { q: word } }, action: { type: 'addTag', tagId: tag.id } })).job.result).toEqual({ changed: 0, unchanged: 3, failed: 0 });
    const owner = await runBulk(agent, { selection: { ids: mine.opportunities.map((o) => o.id) }, action: { type: 'setOwner', ownerId: colleague.user.id } });
    expect(owner.job.result).toEqual({ changed: 3, unchanged: 0, failed: 0 });
    const list = expectOk<ListResponse<OpportunityCard>>(await agent.get(`/api/v1/opportunities?q=${word}&tagId=${tag.id}&stage=proposal&ownerId=${colleague.user.id}`));
    expect(list.total).toBe(3);
    for (const opportunity of theirs.opportunities) {
      const row = await t.db.selectFrom('opportunities').select(['stage', 'version']).where('id', '=', opportunity.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ stage: 'qualification', version: 1 });
    }
    expect(await t.db.selectFrom('opportunity_tags').select('tag_id').where('opportunity_id', 'in', theirs.opportunities.map((o) => o.id)).execute()).toEqual([]);
  });

  test('a bad target is refused before anything is touched', async () => {
    expectProblem(await agent.post('/api/v1/opportunities/bulk', { selection: { filter: {} }, action: { type: 'setStage', stage: 'nope' } }), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/opportunities/bulk', { selection: { filter: {} }, action: { type: 'setOwner', ownerId: '00000000-0000-7000-8000-000000000000' } }), 400, 'validation_failed');
  });
});

describe('exports', () => {
  test('CSV and XLSX of the list: the filters, amounts in major units, people with roles, labels in the reader\'s language', async () => {
    const word = uniqueWord('exporta');
    const { organization, person } = await deals(word, 0);
    const opportunity = await create(agent, {
      organizationId: organization.id, name: `=HYPERLINK("x") ${word}`, amount: 123450, currency: 'EUR', expectedCloseOn: '2027-02-01',
      people: [{ personId: person.id, role: 'decision_maker' }],
    });
    const csv = await agent.request('GET', `/api/v1/exports/opportunities?format=csv&separator=comma&q=${word}`, undefined, { 'accept-language': 'en' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/opportunities-\d{4}-\d{2}-\d{2}\.csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Expected close');
    expect(lines[1]).toContain('1234.50');
    expect(lines[1]).toContain(`${person.name} (Decision maker)`);
    expect(lines[1]).toContain('Qualification');
    expect(lines[1]).not.toMatch(/,=HYPERLINK/);
    const xlsx = await agent.request('POST', '/api/v1/exports/opportunities', { format: 'xlsx', ids: [opportunity.id] });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([xlsx.rawPayload]));
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(2);
    expect(JSON.stringify(sheet?.getRow(2).values)).toContain(opportunity.id);
  });
});

describe('the opportunity\'s history and documents', () => {
  test('its own changes, people by name, its activities and documents; the organization\'s tab lists its documents too', async () => {
    const word = uniqueWord('historia');
    const { organization, person, opportunities: [opportunity] } = await deals(word, 1);
    if (!opportunity) throw new Error('no deal');
    expectOk(await agent.put(`/api/v1/opportunities/${opportunity.id}/people/${person.id}`, { role: 'influencer' }));
    expectOk(await agent.post('/api/v1/activities', { accountId: organization.id, opportunityId: opportunity.id, type: 'call', subject: 'Llamar', startAt: '2027-01-01T09:00:00Z' }), 201);
    const { body, headers } = multipartFile('oferta.txt', 'oferta');
    const document = expectOk<AccountDocument>(await agent.request('POST', `/api/v1/accounts/${organization.id}/documents?opportunityId=${opportunity.id}`, body, headers), 201);
    expect(document.opportunityId).toBe(opportunity.id);
    const unrelated = multipartFile('otro.txt', 'otro');
    expectOk(await agent.request('POST', `/api/v1/accounts/${organization.id}/documents`, unrelated.body, unrelated.headers), 201);
    const history = expectOk<ListResponse<TimelineEntry>>(await agent.get(`/api/v1/opportunities/${opportunity.id}/history`));
    expect(history.items.map((entry) => entry.action).sort()).toEqual(['activity_created', 'document_added', 'opportunity_created', 'person_set'].sort());
    expect(history.items.find((entry) => entry.action === 'person_set')?.changes).toContainEqual({ field: 'person', before: null, after: person.name });
    expect(JSON.stringify(history)).not.toContain(person.id);
    const own = expectOk<ListResponse<AccountDocument>>(await agent.get(`/api/v1/accounts/${organization.id}/documents?opportunityId=${opportunity.id}`));
    expect(own.items.map((item) => item.name)).toEqual(['oferta.txt']);
    expect(expectOk<ListResponse<AccountDocument>>(await agent.get(`/api/v1/accounts/${organization.id}/documents`)).total).toBe(2);
  });

  test('a document goes only on an opportunity of that organization', async () => {
    const first = await deals(uniqueWord('una'), 1);
    const second = await deals(uniqueWord('otra'), 0);
    const { body, headers } = multipartFile('x.txt', 'x');
    expectProblem(await agent.request('POST', `/api/v1/accounts/${second.organization.id}/documents?opportunityId=${first.opportunities[0]?.id}`, body, headers), 404, 'not_found');
    expect(await t.db.selectFrom('documents').select('id').where('account_id', '=', second.organization.id).execute()).toEqual([]);
  });
});

describe('saved views', () => {
  test('a view of the opportunities list keeps its filters, sort and columns; unknown filters are dropped', async () => {
    const view = expectOk<SavedView>(await agent.post('/api/v1/saved-views', {
      list: 'opportunities', name: 'Cierran en marzo', query: { closeFrom: '2027-03-01', closeTo: '2027-03-31', sort: 'expectedCloseOn', bogus: 'x' }, columns: ['stage', 'amount'],
    }), 201);
    expect(view).toMatchObject({ list: 'opportunities', query: { closeFrom: '2027-03-01', closeTo: '2027-03-31', sort: 'expectedCloseOn' }, columns: ['stage', 'amount'] });
    expectProblem(await agent.post('/api/v1/saved-views', { list: 'opportunities', name: 'Mala', query: {}, columns: ['email'] }), 400, 'validation_failed');
  });
});

describe('qualifying a lead opens an opportunity in the same step', () => {
  const deal = { name: 'Primer pedido', amount: 50000, currency: 'PEN', expectedCloseOn: '2027-04-30' };

  test('an organization lead: customer, and the deal on it', async () => {
    const lead = await t.account(agent, { name: uniqueWord('Lead SAC '), stage: 'lead' });
    const answer = expectOk<{ handledRequests: number; opportunityId: string }>(await agent.post(`/api/v1/accounts/${lead.id}/qualify`, { version: lead.version, opportunity: deal }));
    const opportunity = expectOk<Opportunity>(await agent.get(`/api/v1/opportunities/${answer.opportunityId}`));
    expect(opportunity).toMatchObject({ ...deal, organization: { id: lead.id }, owner: { id: agent.user.id }, stage: 'qualification' });
    expect(expectOk<Account>(await agent.get(`/api/v1/accounts/${lead.id}`)).stage).toBe('customer');
  });

  test('a person lead: the deal goes on their organization, with them taking part', async () => {
    const { organization } = await deals(uniqueWord('Empresa'), 0);
    const lead = await t.account(agent, { kind: 'person', firstName: 'Rosa', lastName: uniqueWord('L'), stage: 'lead' });
    expectOk(await agent.post(`/api/v1/accounts/${organization.id}/contacts`, { otherId: lead.id }), 201);
    const answer = expectOk<{ opportunityId: string }>(await agent.post(`/api/v1/accounts/${lead.id}/qualify`, { version: lead.version, opportunity: { ...deal, organizationId: organization.id } }));
    const opportunity = expectOk<Opportunity>(await agent.get(`/api/v1/opportunities/${answer.opportunityId}`));
    expect(opportunity.organization.id).toBe(organization.id);
    expect(opportunity.people.map((person) => person.person.id)).toEqual([lead.id]);
  });

  test('a refused opportunity leaves the lead a lead: one transaction', async () => {
    const stranger = await t.account(agent, { name: uniqueWord('Ajena ') });
    const lead = await t.account(agent, { kind: 'person', firstName: 'Íñigo', lastName: uniqueWord('L'), stage: 'lead' });
    expectProblem(await agent.post(`/api/v1/accounts/${lead.id}/qualify`, { version: lead.version, opportunity: { ...deal, organizationId: stranger.id } }), 400, 'validation_failed');
    expectProblem(await agent.post(`/api/v1/accounts/${lead.id}/qualify`, { version: lead.version, opportunity: { ...deal, currency: 'XXX1' } }), 400, 'validation_failed');
    expect(expectOk<Account>(await agent.get(`/api/v1/accounts/${lead.id}`))).toMatchObject({ stage: 'lead', version: lead.version });
    expect(await t.db.selectFrom('opportunities').select('id').where('organization_id', '=', stranger.id).execute()).toEqual([]);
  });

  test('someone who cannot see the lead gets 404 and nothing changes', async () => {
    const lead = await t.account(agent, { name: uniqueWord('Oculta '), stage: 'lead' });
    expectProblem(await colleague.post(`/api/v1/accounts/${lead.id}/qualify`, { version: lead.version, opportunity: deal }), 404, 'not_found');
    expect(expectOk<Account>(await agent.get(`/api/v1/accounts/${lead.id}`)).stage).toBe('lead');
    expect(await t.db.selectFrom('opportunities').select('id').where('organization_id', '=', lead.id).execute()).toEqual([]);
  });
});
