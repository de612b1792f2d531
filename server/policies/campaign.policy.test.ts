import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { Campaign, CampaignMember } from '@contract/campaigns';
import type { ListResponse } from '@contract/common';
import type { GroupCount } from '@contract/list-query';
import { JobWorker } from '@server/jobs/worker';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

/**
 * Campaign members as a table: actor × action. A member is visible exactly when its account is;
 * an actor who does not see it gets 404 on every route and changes nothing, and it is absent from
 * the list, its totals and the export. Editing the campaign and its membership is for admins,
 * managers and its responsible users (403 for other agents, nothing changed).
 */
const actors = ['admin', 'manager', 'responsible agent who owns the account', 'agent without the account'] as const;
const memberActions = ['read', 'list contains', 'totals count', 'export contains', 'update', 'activity for it', 'convert', 'remove'] as const;
type ActorName = (typeof actors)[number];

const sees = (actor: ActorName): boolean => actor !== 'agent without the account';
const cells = actors.flatMap((actor) => memberActions.map((action) => ({ actor, action, expected: sees(actor) ? 'allowed' : 'refused' })));

let t: TestApp;
let worker: JobWorker;
let admin: Client;
const clients = new Map<ActorName, Client>();

beforeAll(async () => {
  t = await testApp();
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
  admin = await t.user({ role: 'admin', scope: 'all' });
  clients.set('admin', await t.user({ role: 'admin', scope: 'own' }));
  clients.set('manager', await t.user({ role: 'manager', scope: 'own' }));
  clients.set('responsible agent who owns the account', await t.user({ role: 'agent', scope: 'own' }));
  clients.set('agent without the account', await t.user({ role: 'agent', scope: 'own' }));
});

afterAll(async () => {
  await worker.stop();
  await t.close();
});

const client = (name: ActorName): Client => {
  const found = clients.get(name);
  if (!found) throw new Error(name);
  return found;
};

/** What a refused write must leave as it was: the member row, the campaign row, the activities and opportunities. */
async function state(campaignId: string) {
  const members = await t.db.selectFrom('campaign_members').select(['id', 'status', 'note', 'version', 'opportunity_id']).where('campaign_id', '=', campaignId).orderBy('id').execute();
  const campaign = await t.db.selectFrom('campaigns').select(['name', 'version']).where('id', '=', campaignId).executeTakeFirst();
  const activities = await t.db.selectFrom('activities').select('id').where('campaign_id', '=', campaignId).execute();
  const opportunities = await t.db.selectFrom('opportunities').select('id').where('campaign_id', '=', campaignId).execute();
  return { members, campaign, activities: activities.length, opportunities: opportunities.length };
}

async function world() {
  const owner = client('responsible agent who owns the account');
  const word = uniqueWord('campania');
  const campaign = expectOk<Campaign>(await admin.post('/api/v1/campaigns', {
    name: `Feria ${word}`, product: 'Seguro hogar', price: 12900, currency: 'EUR', startsOn: '2026-12-01', endsOn: '2027-01-31', responsibleIds: [owner.user.id],
  }), 201);
  const account: Account = await t.account(owner, { name: `Empresa ${word}` });
  const member = expectOk<CampaignMember>(await owner.post(`/api/v1/campaigns/${campaign.id}/members`, { accountId: account.id, status: 'converted' }), 201);
  return { campaign, account, member, word };
}

describe('campaign member policy', () => {
  test.each(cells)('$actor × $action → $expected', async ({ actor: actorName, action, expected }) => {
    const actor = client(actorName);
    const { campaign, account, member, word } = await world();
    const base = `/api/v1/campaigns/${campaign.id}/members`;
    const before = await state(campaign.id);
    let allowed: boolean;
    switch (action) {
      case 'read': {
        const response = await actor.get(`${base}/${member.id}`);
        allowed = response.statusCode === 200;
        if (!allowed) expectProblem(response, 404, 'not_found');
        break;
      }
      case 'list contains':
        allowed = expectOk<ListResponse<CampaignMember>>(await actor.get(base)).items.some((item) => item.id === member.id);
        break;
      case 'totals count': {
        const groups = expectOk<GroupCount>(await actor.get(`${base}/groups?by=status`)).groups;
        allowed = groups.find((group) => group.value === 'converted')?.count === 1;
        break;
      }
      case 'export contains':
        allowed = (await actor.get(`${base}/export?format=csv`)).body.includes(word);
        break;
      case 'update': {
        const response = await actor.patch(`${base}/${member.id}`, { version: member.version, note: 'Llamar el lunes' });
        allowed = response.statusCode === 200;
        if (!allowed) expectProblem(response, 404, 'not_found');
        break;
      }
      case 'activity for it': {
        const response = await actor.post('/api/v1/activities', { accountId: account.id, campaignId: campaign.id, type: 'call', subject: 'Llamada', startAt: new Date().toISOString() });
        allowed = response.statusCode === 201;
        if (!allowed) expectProblem(response, 404, 'not_found');
        break;
      }
      case 'convert': {
        const response = await actor.post(`${base}/${member.id}/convert`, {});
        allowed = response.statusCode === 200;
        if (!allowed) expectProblem(response, 404, 'not_found');
        break;
      }
      case 'remove': {
        const response = await actor.delete(`${base}/${member.id}`);
        allowed = response.statusCode === 204;
        if (!allowed) expectProblem(response, 404, 'not_found');
        break;
      }
    }
    expect(allowed ? 'allowed' : 'refused').toBe(expected);
    if (!allowed) expect(await state(campaign.id)).toEqual(before);
  });
});

describe('running a campaign', () => {
  test('an agent cannot create a campaign, nor edit one they are not responsible for: 403, nothing changed', async () => {
    const stranger = client('agent without the account');
    const created = await stranger.post('/api/v1/campaigns', { name: 'Mía', startsOn: '2027-01-01', endsOn: '2027-02-01' });
    expectProblem(created, 403, 'forbidden');
    expect(await t.db.selectFrom('campaigns').select('id').where('name', '=', 'Mía').execute()).toEqual([]);
    const { campaign } = await world();
    const before = await state(campaign.id);
    expectProblem(await stranger.patch(`/api/v1/campaigns/${campaign.id}`, { version: campaign.version, name: 'Otra' }), 403, 'forbidden');
    const other: Account = await t.account(stranger, { name: uniqueWord('Suya ') });
    expectProblem(await stranger.post(`/api/v1/campaigns/${campaign.id}/members`, { accountId: other.id }), 403, 'forbidden');
    expectProblem(await stranger.post(`/api/v1/campaigns/${campaign.id}/members/bulk`, { source: { ids: [other.id] } }), 403, 'forbidden');
    expect(await state(campaign.id)).toEqual(before);
    // The responsible agent edits it.
    const owner = client('responsible agent who owns the account');
    expect(expectOk<Campaign>(await owner.patch(`/api/v1/campaigns/${campaign.id}`, { version: campaign.version, status: 'active' })).status).toBe('active');
  });

  test('a responsible agent cannot add an account outside their portfolio: 404, nothing changed', async () => {
    const owner = client('responsible agent who owns the account');
    const { campaign } = await world();
    const theirs: Account = await t.account(client('agent without the account'), { name: uniqueWord('Ajena ') });
    const before = await state(campaign.id);
    expectProblem(await owner.post(`/api/v1/campaigns/${campaign.id}/members`, { accountId: theirs.id }), 404, 'not_found');
    expect(await state(campaign.id)).toEqual(before);
  });

  test('bulk add from a tag, a saved view and a filter: only the portfolio, idempotent', async () => {
    const owner = client('responsible agent who owns the account');
    const stranger = client('agent without the account');
    const { campaign } = await world();
    const word = uniqueWord('granel');
    const tag = expectOk<{ id: string }>(await admin.post('/api/v1/tags', { name: word }), 201);
    const mine: Account[] = [];
    for (let i = 0; i < 3; i += 1) mine.push(await t.account(owner, { name: `${word} mía ${i}` }));
    const theirs: Account = await t.account(stranger, { name: `${word} ajena` });
    for (const account of [...mine, theirs]) expect((await admin.put(`/api/v1/accounts/${account.id}/tags/${tag.id}`)).statusCode).toBe(204);

    const run = async (source: object) => {
      const started = expectOk<{ jobId: string; total: number }>(await owner.post(`/api/v1/campaigns/${campaign.id}/members/bulk`, { source, status: 'interested' }), 202);
      await worker.drain();
      return { total: started.total, job: expectOk<{ result: unknown }>(await owner.get(`/api/v1/jobs/${started.jobId}`)) };
    };
    const first = await run({ tagId: tag.id });
    expect(first.total).toBe(3);
    expect(first.job.result).toEqual({ changed: 3, unchanged: 0, failed: 0 });
    const view = expectOk<{ id: string }>(await owner.post('/api/v1/saved-views', { list: 'accounts', name: word, query: { q: word }, columns: ['stage'] }), 201);
    expect((await run({ viewId: view.id })).job.result).toEqual({ changed: 0, unchanged: 3, failed: 0 });
    expect((await run({ filter: { q: word } })).job.result).toEqual({ changed: 0, unchanged: 3, failed: 0 });
    const members = await t.db.selectFrom('campaign_members').select(['account_id', 'status']).where('campaign_id', '=', campaign.id).where('account_id', '!=', theirs.id).execute();
    expect(members.filter((row) => mine.some((account) => account.id === row.account_id)).map((row) => row.status)).toEqual(['interested', 'interested', 'interested']);
    expect(await t.db.selectFrom('campaign_members').select('id').where('account_id', '=', theirs.id).execute()).toEqual([]);
    // The admin, who sees all four, counts them all; the owner their own.
    const adminTotals = expectOk<GroupCount>(await admin.get(`/api/v1/campaigns/${campaign.id}/members/groups?q=${word}`)).groups;
    expect(adminTotals.find((group) => group.value === 'interested')?.count).toBe(3);
  });

  test('member rows: contact data, the last and next campaign activity, and the conversion keeps the campaign', async () => {
    const owner = client('responsible agent who owns the account');
    const { campaign, account, member } = await world();
    expectOk(await owner.patch(`/api/v1/accounts/${account.id}`, { version: account.version, emails: ['compras@example.com'], phones: ['+34 600 000 001'] }));
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    expectOk(await owner.post('/api/v1/activities', { accountId: account.id, campaignId: campaign.id, type: 'call', subject: 'Primera llamada', startAt: new Date().toISOString(), status: 'done', result: 'Interesado' }), 201);
    expectOk(await owner.post('/api/v1/activities', { accountId: account.id, campaignId: campaign.id, type: 'call', subject: 'Recordar oferta', startAt: soon, remindAt: soon }), 201);
    const row = expectOk<CampaignMember>(await owner.get(`/api/v1/campaigns/${campaign.id}/members/${member.id}`));
    expect(row).toMatchObject({ account: { email: 'compras@example.com', phone: '+34 600 000 001' }, lastActivity: { subject: 'Primera llamada' }, nextActivity: { subject: 'Recordar oferta' } });
    // An account outside the campaign cannot carry the campaign's work.
    const outsider: Account = await t.account(owner, { name: uniqueWord('Fuera ') });
    expectProblem(await owner.post('/api/v1/activities', { accountId: outsider.id, campaignId: campaign.id, type: 'call', subject: 'x', startAt: soon }), 400, 'validation_failed');

    const converted = expectOk<{ opportunityId: string; member: CampaignMember }>(await owner.post(`/api/v1/campaigns/${campaign.id}/members/${member.id}/convert`, {}));
    expect(converted.member.opportunityId).toBe(converted.opportunityId);
    const opportunity = await t.db.selectFrom('opportunities').select(['campaign_id', 'amount', 'currency', 'organization_id']).where('id', '=', converted.opportunityId).executeTakeFirstOrThrow();
    expect({ ...opportunity, amount: Number(opportunity.amount) }).toEqual({ campaign_id: campaign.id, amount: 12900, currency: 'EUR', organization_id: account.id });
    // Once is enough: again answers the same opportunity.
    expect(expectOk<{ opportunityId: string }>(await owner.post(`/api/v1/campaigns/${campaign.id}/members/${member.id}/convert`, {})).opportunityId).toBe(converted.opportunityId);
  });

  test('a private activity of someone else never shows as a member\'s next activity; a discarded account leaves the list', async () => {
    const owner = client('responsible agent who owns the account');
    const { campaign, account, member } = await world();
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    expectOk(await admin.post('/api/v1/activities', { accountId: account.id, campaignId: campaign.id, type: 'visit', subject: 'Visita privada', startAt: soon, private: true }), 201);
    expect(expectOk<CampaignMember>(await owner.get(`/api/v1/campaigns/${campaign.id}/members/${member.id}`)).nextActivity).toBeNull();
    expect(expectOk<CampaignMember>(await admin.get(`/api/v1/campaigns/${campaign.id}/members/${member.id}`)).nextActivity?.subject).toBe('Visita privada');
    expect((await owner.delete(`/api/v1/accounts/${account.id}`)).statusCode).toBe(204);
    expect(expectOk<ListResponse<CampaignMember>>(await admin.get(`/api/v1/campaigns/${campaign.id}/members`)).total).toBe(0);
    expectProblem(await admin.get(`/api/v1/campaigns/${campaign.id}/members/${member.id}`), 404, 'not_found');
  });

  test('a member not marked converted is not converted; bad input is a clear 400', async () => {
    const owner = client('responsible agent who owns the account');
    const { campaign, member } = await world();
    const updated = expectOk<CampaignMember>(await owner.patch(`/api/v1/campaigns/${campaign.id}/members/${member.id}`, { version: member.version, status: 'contacted' }));
    expectProblem(await owner.post(`/api/v1/campaigns/${campaign.id}/members/${member.id}/convert`, {}), 400, 'validation_failed');
    expectProblem(await owner.patch(`/api/v1/campaigns/${campaign.id}/members/${member.id}`, { version: updated.version, status: 'nope' }), 400, 'validation_failed');
    expectProblem(await admin.post('/api/v1/campaigns', { name: 'Al revés', startsOn: '2027-02-01', endsOn: '2027-01-01' }), 400, 'validation_failed');
    expectProblem(await admin.post('/api/v1/campaigns', { name: 'Sin moneda', price: 100, startsOn: '2027-01-01', endsOn: '2027-02-01' }), 400, 'validation_failed');
  });

  test('the list is most recent first; the export neutralises formulas', async () => {
    const word = uniqueWord('orden');
    for (const startsOn of ['2026-01-01', '2027-06-01', '2026-09-01']) {
      expectOk(await admin.post('/api/v1/campaigns', { name: `${word} ${startsOn}`, startsOn, endsOn: '2027-12-31' }), 201);
    }
    const listed = expectOk<ListResponse<Campaign>>(await admin.get(`/api/v1/campaigns?q=${word}`)).items.map((item) => item.startsOn);
    expect(listed).toEqual(['2027-06-01', '2026-09-01', '2026-01-01']);
    const { campaign } = await world();
    const evil: Account = await t.account(admin, { name: '=HYPERLINK("http://x")' });
    expectOk(await admin.post(`/api/v1/campaigns/${campaign.id}/members`, { accountId: evil.id }), 201);
    const csv = (await admin.get(`/api/v1/campaigns/${campaign.id}/members/export?format=csv`)).body;
    expect(csv).toContain(`'=HYPERLINK`);
    const xlsx = await admin.get(`/api/v1/campaigns/${campaign.id}/members/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
  });
});
