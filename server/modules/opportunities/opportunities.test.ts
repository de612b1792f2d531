import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { Activity } from '@contract/activities';
import type { ListResponse } from '@contract/common';
import type { GroupCount } from '@contract/list-query';
import type { ListItem } from '@contract/lists';
import type { Board, Opportunity, OpportunityCard, Pipeline } from '@contract/opportunities';
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

/** An organization of the agent with two contact people. */
async function organizationWithPeople(owner: Client = agent): Promise<{ organization: Account; people: Account[] }> {
  const organization = await t.account(owner, { name: uniqueWord('Industrias ') });
  const people: Account[] = [];
  for (const name of ['Ana', 'Luis']) {
    const person = await t.account(owner, { kind: 'person', firstName: name, lastName: uniqueWord('P'), emails: [`${uniqueWord('p')}@example.com`] });
    expectOk(await owner.post(`/api/v1/accounts/${organization.id}/contacts`, { otherId: person.id, position: 'Gerente' }), 201);
    people.push(person);
  }
  return { organization, people };
}

const create = async (client: Client, body: object) => expectOk<Opportunity>(await client.post('/api/v1/opportunities', body), 201);
const board = async (client: Client, query = '') => expectOk<Board>(await client.get(`/api/v1/opportunities/board?${query}`));
const column = (b: Board, stage: string) => b.columns.find((candidate) => candidate.stage === stage);

describe('opportunities', () => {
  test('created on an organization with two people and their roles, in the first stage with its probability, owned by the actor', async () => {
    const { organization, people } = await organizationWithPeople();
    const [ana, luis] = people;
    const created = await create(agent, {
      organizationId: organization.id, name: 'Renovación de flota', amount: 1_250_000, currency: 'eur', expectedCloseOn: '2027-03-31',
      people: [{ personId: ana?.id, role: 'decision_maker' }, { personId: luis?.id, role: 'user' }],
    });
    expect(created).toMatchObject({
      name: 'Renovación de flota', amount: 1_250_000, currency: 'EUR', stage: 'qualification', status: 'open', probability: 10,
      organization: { id: organization.id, name: organization.name }, owner: { id: agent.user.id }, closedAt: null, stale: false, campaign: null,
    });
    expect(created.people.map((person) => [person.person.id, person.role, person.position]).sort()).toEqual(
      [[ana?.id, 'decision_maker', 'Gerente'], [luis?.id, 'user', 'Gerente']].sort(),
    );
    expect(expectOk<Opportunity>(await agent.get(`/api/v1/opportunities/${created.id}`))).toEqual(created);
    // The organization's history tells it.
    const history = expectOk<ListResponse<{ entity: string; entityId: string; action: string }>>(await agent.get(`/api/v1/accounts/${organization.id}/timeline`));
    expect(history.items).toContainEqual(expect.objectContaining({ entity: 'opportunity', entityId: created.id, action: 'opportunity_created' }));
  });

  test('a converted campaign member\'s opportunity names its campaign on its page', async () => {
    const { organization } = await organizationWithPeople();
    const campaign = expectOk<{ id: string; name: string }>(await admin.post('/api/v1/campaigns', { name: uniqueWord('Feria '), startsOn: '2026-12-01', endsOn: '2027-02-28' }), 201);
    const member = expectOk<{ id: string }>(await admin.post(`/api/v1/campaigns/${campaign.id}/members`, { accountId: organization.id, status: 'converted' }), 201);
    const converted = expectOk<{ opportunityId: string }>(await agent.post(`/api/v1/campaigns/${campaign.id}/members/${member.id}/convert`, { currency: 'EUR' }));
    expect(expectOk<Opportunity>(await agent.get(`/api/v1/opportunities/${converted.opportunityId}`)).campaign).toEqual({ id: campaign.id, name: campaign.name });
  });

  test('bad input is refused field by field and creates nothing', async () => {
    const { organization } = await organizationWithPeople();
    const stranger = await t.account(agent, { kind: 'person', firstName: 'Sin', lastName: 'Vínculo' });
    const before = await t.db.selectFrom('opportunities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const base = { organizationId: organization.id, name: 'X', currency: 'EUR', expectedCloseOn: '2027-01-01' };
    const cases: Array<[object, string, string]> = [
      [{ ...base, people: [{ personId: stranger.id }] }, 'people.0.personId', 'not_a_contact'],
      [{ ...base, currency: 'EURO' }, 'currency', 'invalid_format'],
      [{ ...base, currency: 'XYZ' }, 'currency', 'unknown_currency'],
      [{ ...base, amount: 12.5 }, 'amount', 'invalid_type'],
      [{ ...base, amount: -1 }, 'amount', 'too_small'],
      [{ ...base, expectedCloseOn: '31/03/2027' }, 'expectedCloseOn', 'invalid_format'],
      [{ ...base, stage: 'nope' }, 'stage', 'unknown_list_item'],
      [{ ...base, lostReason: 'price' }, 'lostReason', 'only_when_lost'],
      [{ ...base, organizationId: stranger.id }, 'organizationId', 'wrong_kind'],
    ];
    for (const [body, field, code] of cases) {
      const problem = expectProblem(await agent.post('/api/v1/opportunities', body), 400, 'validation_failed');
      expect(problem.errors, JSON.stringify(body)).toContainEqual(expect.objectContaining({ field, code }));
    }
    const after = await t.db.selectFrom('opportunities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  test('the owner must see the organization: refused, or added as one of its owners when asked', async () => {
    const { organization } = await organizationWithPeople();
    const body = { organizationId: organization.id, name: 'Para otro', currency: 'USD', expectedCloseOn: '2027-02-01', ownerId: colleague.user.id };
    expectProblem(await agent.post('/api/v1/opportunities', body), 422, 'assignee_cannot_see_account');
    const created = await create(agent, { ...body, addAssigneeAsOwner: true });
    expect(created.owner.id).toBe(colleague.user.id);
    // Now in the colleague's portfolio, with its organization.
    expect(expectOk<Opportunity>(await colleague.get(`/api/v1/opportunities/${created.id}`)).id).toBe(created.id);
  });

  test('a stage sets status and probability; winning stamps the close, reopening clears it; a lost deal keeps its reason', async () => {
    const { organization } = await organizationWithPeople();
    const created = await create(agent, { organizationId: organization.id, name: 'Etapas', currency: 'EUR', expectedCloseOn: '2027-01-01' });
    const proposal = expectOk<Opportunity>(await agent.patch(`/api/v1/opportunities/${created.id}`, { version: created.version, stage: 'proposal' }));
    expect(proposal).toMatchObject({ stage: 'proposal', status: 'open', probability: 50 });
    const custom = expectOk<Opportunity>(await agent.patch(`/api/v1/opportunities/${created.id}`, { version: proposal.version, probability: 65 }));
    expect(custom.probability).toBe(65);
    const won = expectOk<Opportunity>(await agent.patch(`/api/v1/opportunities/${created.id}`, { version: custom.version, stage: 'won' }));
    expect(won).toMatchObject({ status: 'won', probability: 100 });
    expect(won.closedAt).not.toBeNull();
    const lost = expectOk<Opportunity>(await agent.patch(`/api/v1/opportunities/${created.id}`, { version: won.version, stage: 'lost', lostReason: 'price', lostNote: 'Otro más barato' }));
    expect(lost).toMatchObject({ status: 'lost', probability: 0, lostReason: 'price', lostNote: 'Otro más barato' });
    const reopened = expectOk<Opportunity>(await agent.patch(`/api/v1/opportunities/${created.id}`, { version: lost.version, stage: 'negotiation' }));
    expect(reopened).toMatchObject({ status: 'open', probability: 80, lostReason: null, lostNote: null, closedAt: null });
    expectProblem(await agent.patch(`/api/v1/opportunities/${created.id}`, { version: lost.version, name: 'Viejo' }), 412, 'stale_version');
    expect(expectOk<Opportunity>(await agent.get(`/api/v1/opportunities/${created.id}`)).name).toBe('Etapas');
  });

  test('people: added with a role, re-roled, removed; only contacts of the organization', async () => {
    const { organization, people } = await organizationWithPeople();
    const [ana, luis] = people;
    const created = await create(agent, { organizationId: organization.id, name: 'Personas', currency: 'EUR', expectedCloseOn: '2027-01-01' });
    expect(expectOk<Opportunity>(await agent.put(`/api/v1/opportunities/${created.id}/people/${ana?.id}`, { role: 'influencer' })).people).toHaveLength(1);
    const reroled = expectOk<Opportunity>(await agent.put(`/api/v1/opportunities/${created.id}/people/${ana?.id}`, { role: 'decision_maker' }));
    expect(reroled.people).toEqual([expect.objectContaining({ role: 'decision_maker' })]);
    expectProblem(await agent.put(`/api/v1/opportunities/${created.id}/people/${ana?.id}`, { role: 'boss' }), 400, 'validation_failed');
    expect(expectOk<Opportunity>(await agent.put(`/api/v1/opportunities/${created.id}/people/${luis?.id}`, { role: null })).people).toHaveLength(2);
    expect(expectOk<Opportunity>(await agent.delete(`/api/v1/opportunities/${created.id}/people/${ana?.id}`)).people.map((p) => p.person.id)).toEqual([luis?.id]);
    expectProblem(await agent.delete(`/api/v1/opportunities/${created.id}/people/${ana?.id}`), 404, 'not_found');
    expectProblem(await agent.put(`/api/v1/opportunities/${created.id}/people/${organization.id}`, { role: null }), 400, 'validation_failed');
  });

  test('activities link to an opportunity of their own organization and list by it', async () => {
    const { organization, people } = await organizationWithPeople();
    const created = await create(agent, { organizationId: organization.id, name: 'Con actividades', currency: 'EUR', expectedCloseOn: '2027-01-01' });
    const activity = expectOk<Activity>(await agent.post('/api/v1/activities', {
      accountId: organization.id, opportunityId: created.id, type: 'call', subject: 'Llamar al decisor', startAt: '2027-01-10T10:00:00Z',
    }), 201);
    expect(activity.opportunityId).toBe(created.id);
    const wrong = await agent.post('/api/v1/activities', { accountId: people[0]?.id, opportunityId: created.id, type: 'call', subject: 'X', startAt: '2027-01-10T10:00:00Z' });
    expect(expectProblem(wrong, 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'opportunityId', code: 'invalid_value' }));
    const list = expectOk<ListResponse<Activity>>(await agent.get(`/api/v1/activities?opportunityId=${created.id}`));
    expect(list.items.map((item) => item.id)).toEqual([activity.id]);
    // Its next activity shows on the card.
    expect(expectOk<Opportunity>(await agent.get(`/api/v1/opportunities/${created.id}`)).nextActivityDueAt).toBe('2027-01-10T10:00:00.000Z');
  });

  test('stale: an overdue next activity, or nothing planned nor done for the pipeline\'s days', async () => {
    const { organization } = await organizationWithPeople();
    const old = await create(agent, { organizationId: organization.id, name: 'Olvidada', currency: 'EUR', expectedCloseOn: '2027-01-01' });
    await t.db.updateTable('opportunities').set({ created_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', old.id).execute();
    expect(expectOk<Opportunity>(await agent.get(`/api/v1/opportunities/${old.id}`)).stale).toBe(true);
    const planned = expectOk<Activity>(await agent.post('/api/v1/activities', {
      accountId: organization.id, opportunityId: old.id, type: 'call', subject: 'Retomar', startAt: new Date(Date.now() + 86_400_000).toISOString(),
    }), 201);
    expect(expectOk<Opportunity>(await agent.get(`/api/v1/opportunities/${old.id}`)).stale).toBe(false);
    expectOk(await agent.patch(`/api/v1/activities/${planned.id}`, { version: planned.version, startAt: '2021-01-01T00:00:00Z' }));
    expect(expectOk<Opportunity>(await agent.get(`/api/v1/opportunities/${old.id}`)).stale).toBe(true);
  });
});

describe('the board', () => {
  test('columns in pipeline order with exact counts and totals per currency over every card, honouring the filters', async () => {
    const { organization } = await organizationWithPeople(admin);
    const tag = expectOk<{ id: string }>(await admin.post('/api/v1/tags', { name: uniqueWord('Tablero') }), 201);
    const word = uniqueWord('tablero');
    const made: Opportunity[] = [];
    for (const [amount, currency] of [[100, 'EUR'], [250, 'EUR'], [1000, 'USD'], [null, 'USD'], [7, 'JPY']] as const) {
      made.push(await create(admin, { organizationId: organization.id, name: `${word} ${currency}`, amount, currency, expectedCloseOn: '2027-06-15', stage: 'proposal' }));
    }
    expect((await admin.put(`/api/v1/opportunities/${made[0]?.id}/tags/${tag.id}`)).statusCode).toBe(204);
    const full = await board(admin, `q=${word}&cards=2`);
    expect(full.columns.map((c) => c.stage)).toEqual(['qualification', 'needs_analysis', 'proposal', 'negotiation', 'won', 'lost']);
    const proposal = column(full, 'proposal');
    expect(proposal).toMatchObject({ count: 5, sums: [{ currency: 'EUR', amount: 350 }, { currency: 'JPY', amount: 7 }, { currency: 'USD', amount: 1000 }] });
    // Two cards loaded, the totals are of all five; the next page brings the rest in order.
    expect(proposal?.cards).toHaveLength(2);
    const rest = expectOk<ListResponse<OpportunityCard>>(await admin.get(`/api/v1/opportunities/board/column?stage=proposal&q=${word}&limit=10&cursor=${proposal?.nextCursor ?? ''}`));
    expect([...(proposal?.cards ?? []), ...rest.items].map((card) => card.id).sort()).toEqual(made.map((o) => o.id).sort());
    expect(rest.nextCursor).toBeNull();
    // New deals go on top: the last made first.
    expect(proposal?.cards[0]?.id).toBe(made[4]?.id);
    expect(column(await board(admin, `q=${word}&tagId=${tag.id}`), 'proposal')).toMatchObject({ count: 1, sums: [{ currency: 'EUR', amount: 100 }] });
    expect(column(await board(admin, `q=${word}&closeFrom=2027-07-01`), 'proposal')?.count).toBe(0);
    expect(column(await board(admin, `q=${word}&closeFrom=2027-06-15&closeTo=2027-06-15`), 'proposal')?.count).toBe(5);
    expect(column(await board(admin, `q=${word}&ownerId=${agent.user.id}`), 'proposal')?.count).toBe(0);
    expect(column(await board(admin, `q=${organization.name.slice(0, 12)}&organizationId=${organization.id}`), 'proposal')?.count).toBe(5);
    const groups = expectOk<GroupCount>(await admin.get(`/api/v1/opportunities/groups?by=status&q=${word}`));
    expect(groups.groups[0]).toMatchObject({ value: 'open', count: 5 });
  });

  test('moves: between two cards, to the bottom, across columns; one row written; neighbours must be in the target column', async () => {
    const { organization } = await organizationWithPeople(admin);
    const word = uniqueWord('mover');
    const [a, b, c] = [await create(admin, { organizationId: organization.id, name: `${word} a`, currency: 'EUR', expectedCloseOn: '2027-01-01' }),
      await create(admin, { organizationId: organization.id, name: `${word} b`, currency: 'EUR', expectedCloseOn: '2027-01-01' }),
      await create(admin, { organizationId: organization.id, name: `${word} c`, currency: 'EUR', expectedCloseOn: '2027-01-01' })];
    const order = async (stage: string) => (column(await board(admin, `q=${word}`), stage)?.cards ?? []).map((card) => card.name.slice(-1));
    expect(await order('qualification')).toEqual(['c', 'b', 'a']);
    const positions = async () => new Map((await t.db.selectFrom('opportunities').select(['id', 'position']).where('name', 'like', `${word}%`).execute()).map((row) => [row.id, row.position]));
    const before = await positions();
    const moved = expectOk<OpportunityCard>(await admin.post(`/api/v1/opportunities/${a?.id}/move`, { version: a?.version, stage: 'qualification', afterId: c?.id, beforeId: b?.id }));
    expect(await order('qualification')).toEqual(['c', 'a', 'b']);
    const after = await positions();
    expect([...after].filter(([id, position]) => before.get(id) !== position).map(([id]) => id)).toEqual([a?.id]);
    expectOk(await admin.post(`/api/v1/opportunities/${c?.id}/move`, { version: c?.version, stage: 'qualification' }));
    expect(await order('qualification')).toEqual(['a', 'b', 'c']);
    const bad = await admin.post(`/api/v1/opportunities/${b?.id}/move`, { version: b?.version, stage: 'proposal', afterId: a?.id });
    expect(expectProblem(bad, 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'afterId', code: 'invalid_value' }));
    const won = expectOk<OpportunityCard>(await admin.post(`/api/v1/opportunities/${moved.id}/move`, { version: moved.version, stage: 'won' }));
    expect(won).toMatchObject({ stage: 'won', status: 'won', probability: 100 });
    expect(await order('won')).toEqual(['a']);
    expect(await order('qualification')).toEqual(['b', 'c']);
    expectProblem(await admin.post(`/api/v1/opportunities/${moved.id}/move`, { version: moved.version, stage: 'lost' }), 412, 'stale_version');
    const lost = expectOk<OpportunityCard>(await admin.post(`/api/v1/opportunities/${moved.id}/move`, { version: won.version, stage: 'lost', lostReason: 'competitor' }));
    expect(expectOk<Opportunity>(await admin.get(`/api/v1/opportunities/${lost.id}`))).toMatchObject({ status: 'lost', lostReason: 'competitor' });
  });

  test('concurrent moves into the same gap keep every card and a total order', async () => {
    const { organization } = await organizationWithPeople(admin);
    const word = uniqueWord('carrera');
    const made: Opportunity[] = [];
    for (const letter of ['a', 'b', 'c', 'd']) made.push(await create(admin, { organizationId: organization.id, name: `${word} ${letter}`, currency: 'EUR', expectedCloseOn: '2027-01-01', stage: 'proposal' }));
    const [a, b, c, d] = made;
    // d c b a on the board; c and d both go between b and a at once.
    await Promise.all([c, d].map((card) => admin.post(`/api/v1/opportunities/${card?.id}/move`, { version: card?.version, stage: 'proposal', afterId: b?.id, beforeId: a?.id })));
    const first = (column(await board(admin, `q=${word}`), 'proposal')?.cards ?? []).map((card) => card.name.slice(-1));
    expect(first.slice(0, 1)).toEqual(['b']);
    expect(first.slice(1, 3).sort()).toEqual(['c', 'd']);
    expect(first[3]).toBe('a');
    // The same order every time it is read, and paging through it one by one gives it too.
    const paged: string[] = [];
    let cursor: string | null = column(await board(admin, `q=${word}&cards=1`), 'proposal')?.nextCursor ?? null;
    paged.push(...(column(await board(admin, `q=${word}&cards=1`), 'proposal')?.cards ?? []).map((card) => card.name.slice(-1)));
    while (cursor) {
      const page: ListResponse<OpportunityCard> = expectOk(await admin.get(`/api/v1/opportunities/board/column?stage=proposal&q=${word}&limit=1&cursor=${cursor}`));
      paged.push(...page.items.map((card) => card.name.slice(-1)));
      cursor = page.nextCursor;
    }
    expect(paged).toEqual(first);
    // A drop between the two tied cards lands right after them, not in between them or elsewhere.
    const fresh = (column(await board(admin, `q=${word}`), 'proposal')?.cards ?? []);
    const bCard = fresh.find((card) => card.name.endsWith(' b'));
    expectOk(await admin.post(`/api/v1/opportunities/${bCard?.id}/move`, { version: bCard?.version, stage: 'proposal', afterId: fresh[1]?.id, beforeId: fresh[2]?.id }));
    const last = (column(await board(admin, `q=${word}`), 'proposal')?.cards ?? []).map((card) => card.name.slice(-1));
    expect(last).toHaveLength(4);
    expect(last[3]).toBe('a');
  });

  test('a discarded organization takes its opportunities off every board and list; restoring brings them back', async () => {
    const { organization } = await organizationWithPeople(admin);
    const word = uniqueWord('papelera');
    const created = await create(admin, { organizationId: organization.id, name: word, currency: 'EUR', amount: 10, expectedCloseOn: '2027-01-01' });
    expect((await admin.delete(`/api/v1/accounts/${organization.id}`)).statusCode).toBe(204);
    expect(column(await board(admin, `q=${word}`), 'qualification')?.count).toBe(0);
    expect(expectOk<ListResponse<OpportunityCard>>(await admin.get(`/api/v1/opportunities?q=${word}`)).total).toBe(0);
    expectProblem(await admin.get(`/api/v1/opportunities/${created.id}`), 404, 'not_found');
    expect((await admin.post(`/api/v1/bin/accounts/${organization.id}/restore`)).statusCode).toBeLessThan(300);
    expect(column(await board(admin, `q=${word}`), 'qualification')?.count).toBe(1);
  });
});

describe('the pipeline', () => {
  test('stages carry probability and outcome; an outcome stays while deals sit in the stage; other lists take neither', async () => {
    const stages = expectOk<{ items: ListItem[] }>(await agent.get('/api/v1/lists/opportunity_stage/items')).items;
    expect(stages.map((stage) => [stage.key, stage.probability, stage.outcome])).toEqual([
      ['qualification', 10, 'open'], ['needs_analysis', 20, 'open'], ['proposal', 50, 'open'], ['negotiation', 80, 'open'], ['won', 100, 'won'], ['lost', 0, 'lost'],
    ]);
    const demo = expectOk<ListItem>(await admin.post('/api/v1/lists/opportunity_stage/items', { labels: { es: 'Demostración', en: 'Demo' }, probability: 35 }), 201);
    expect(demo).toMatchObject({ key: 'demostracion', probability: 35, outcome: 'open' });
    const { organization } = await organizationWithPeople(admin);
    await create(admin, { organizationId: organization.id, name: 'En demo', currency: 'EUR', expectedCloseOn: '2027-01-01', stage: 'demostracion' });
    const refused = await admin.patch(`/api/v1/lists/opportunity_stage/items/${demo.id}`, { version: demo.version, outcome: 'won' });
    expect(expectProblem(refused, 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'outcome', code: 'stage_in_use' }));
    const won = stages.find((stage) => stage.key === 'won');
    expectProblem(await admin.patch(`/api/v1/lists/opportunity_stage/items/${won?.id}`, { version: won?.version, active: false }), 400, 'validation_failed');
    const other = await admin.post('/api/v1/lists/industry/items', { labels: { es: 'Minería', en: 'Mining' }, probability: 10 });
    expect(expectProblem(other, 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'probability', code: 'not_for_list' }));
  });

  test('stale days: admins set them, agents may not (nothing changes)', async () => {
    const pipeline = expectOk<Pipeline>(await agent.get('/api/v1/pipeline'));
    expect(pipeline.staleDays).toBe(14);
    expectProblem(await agent.put('/api/v1/pipeline', { version: pipeline.version, staleDays: 3 }), 403, 'forbidden');
    expect(expectOk<Pipeline>(await admin.put('/api/v1/pipeline', { version: pipeline.version, staleDays: 30 }))).toEqual({ staleDays: 30, version: pipeline.version + 1 });
    expect((await board(agent)).staleDays).toBe(30);
    expectProblem(await admin.put('/api/v1/pipeline', { version: pipeline.version, staleDays: 5 }), 412, 'stale_version');
    expectOk(await admin.put('/api/v1/pipeline', { version: pipeline.version + 1, staleDays: 14 }));
  });
});
