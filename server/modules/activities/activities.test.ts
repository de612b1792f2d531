import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Activity } from '@contract/activities';
import type { ListResponse } from '@contract/common';
import type { DashboardChart } from '@contract/dashboard';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { countRows, expectProblem } from '@server/test/state';

let t: TestApp;
let admin: Client;
let ana: Client;
let bruno: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  ana = await t.user({ role: 'agent', scope: 'own' });
  bruno = await t.user({ role: 'agent', scope: 'own' });
});

afterAll(async () => {
  await t.close();
});

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function schedule(client: Client, body: Record<string, unknown>): Promise<Activity> {
  const response = await client.post('/api/v1/activities', { type: 'call', subject: 'Llamar', startAt: inHours(-1), ...body });
  if (response.statusCode !== 201) throw new Error(`${response.statusCode} ${response.body}`);
  return response.json<Activity>();
}

const list = async (client: Client, url: string) => {
  const response = await client.get(url);
  expect(response.statusCode).toBe(200);
  return response.json<ListResponse<Activity>>();
};

async function feedOf(client: Client): Promise<string> {
  const made = await client.post('/api/v1/me/calendar-feed');
  expect(made.statusCode).toBe(201);
  const path = new URL(made.json<{ url: string }>().url).pathname;
  const feed = await t.app.inject({ method: 'GET', url: path });
  expect(feed.statusCode).toBe(200);
  expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
  return feed.body;
}

/** The dashboard's activity charts, each chart's slices added up. */
async function dashboardCount(client: Client, range: string): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const chart of ['activities-by-status', 'activities-by-type']) {
    const response = await client.get(`/api/v1/dashboard/${chart}?${range.replaceAll('+', '%2B')}`);
    expect(response.statusCode, response.body).toBe(200);
    totals[chart] = response.json<DashboardChart>().cells.reduce((sum, cell) => sum + cell.count, 0);
  }
  return totals;
}

describe('a private activity appears nowhere for an agent who is not its responsible user', () => {
  test('sweep: list, count, detail, timeline, feed, bell, reminders, previous / next', async () => {
    // Both agents own the account, so only privacy keeps Bruno out.
    const account = await t.account(admin, { kind: 'person', firstName: 'Lucía', lastName: 'Privada', ownerIds: [ana.user.id, bruno.user.id] });
    const secret = await schedule(ana, { accountId: account.id, subject: 'Secreto médico', private: true, remindAt: inHours(-0.5) });
    const done = await schedule(ana, { accountId: account.id, subject: 'Secreto pasado', private: true, startAt: inHours(-48) });
    expect((await ana.post(`/api/v1/activities/${done.id}/done`, { version: done.version, result: 'ok' })).statusCode).toBe(200);

    // The responsible user sees it everywhere (so the sweep below is not vacuous).
    const views = async (client: Client) => ({
      list: (await list(client, '/api/v1/activities?limit=200')).items.map((a) => a.id),
      count: (await list(client, `/api/v1/activities?accountId=${account.id}`)).total,
      detail: (await client.get(`/api/v1/activities/${secret.id}`)).statusCode,
      timeline: (await client.get(`/api/v1/accounts/${account.id}/timeline?limit=200`)).json<ListResponse<{ entityId: string }>>().items.map((e) => e.entityId),
      calendar: (await list(client, `/api/v1/activities?mine=true&from=${inHours(-72)}&to=${inHours(72)}&sort=startAt`)).items.map((a) => a.id),
      feed: await feedOf(client),
      bell: (await list(client, `/api/v1/activities/pending?until=${inHours(24)}`)).total,
      reminders: (await list(client, '/api/v1/activities/reminders')).items.map((a) => a.id),
      next: (await list(client, `/api/v1/activities?accountId=${account.id}&status=scheduled&sort=startAt&limit=1`)).items.map((a) => a.id),
      previous: (await list(client, `/api/v1/activities?accountId=${account.id}&status=done&sort=-startAt&limit=1`)).items.map((a) => a.id),
      dashboard: await dashboardCount(client, `from=${inHours(-72)}&to=${inHours(72)}`),
    });
    const anaSees = await views(ana);
    expect(anaSees.list).toContain(secret.id);
    expect(anaSees.count).toBe(2);
    expect(anaSees.detail).toBe(200);
    expect(anaSees.timeline).toContain(secret.id);
    expect(anaSees.calendar).toContain(secret.id);
    expect(anaSees.feed).toContain('Secreto médico');
    expect(anaSees.bell).toBe(1);
    expect(anaSees.reminders).toEqual([secret.id]);
    expect(anaSees.next).toEqual([secret.id]);
    expect(anaSees.previous).toEqual([done.id]);
    expect(anaSees.dashboard).toEqual({ 'activities-by-status': 2, 'activities-by-type': 2 });

    const brunoSees = await views(bruno);
    expect(brunoSees.list).not.toContain(secret.id);
    expect(brunoSees.list).not.toContain(done.id);
    expect(brunoSees.count).toBe(0);
    expect(brunoSees.detail).toBe(404);
    expect(brunoSees.timeline).not.toContain(secret.id);
    expect(brunoSees.timeline).not.toContain(done.id);
    expect(brunoSees.timeline).toContain(account.id);
    expect(brunoSees.calendar).toEqual([]);
    expect(brunoSees.feed).not.toContain('Secreto');
    expect(brunoSees.bell).toBe(0);
    expect(brunoSees.reminders).toEqual([]);
    expect(brunoSees.next).toEqual([]);
    expect(brunoSees.previous).toEqual([]);
    expect(brunoSees.dashboard).toEqual({ 'activities-by-status': 0, 'activities-by-type': 0 });
    expect((await bruno.post('/api/v1/activities/reminders/claim')).json<{ items: Activity[] }>().items).toEqual([]);

    // Even made responsible of another activity on the account, Bruno gets only his own reminders.
    expectProblem(await bruno.patch(`/api/v1/activities/${secret.id}`, { version: secret.version, private: false }), 404, 'not_found');
    expect((await t.db.selectFrom('activities').select('is_private').where('id', '=', secret.id).executeTakeFirstOrThrow()).is_private).toBe(true);
  });
  test('sweep, opportunities: board card, column page, list card, page, history, activities tab, export', async () => {
    const organization = await t.account(admin, { name: 'Clínica Reservada', ownerIds: [ana.user.id, bruno.user.id] });
    const created = await admin.post('/api/v1/opportunities', { organizationId: organization.id, name: 'Trato Reservado', currency: 'EUR', expectedCloseOn: '2027-01-01', stage: 'proposal' });
    expect(created.statusCode, created.body).toBe(201);
    const deal = created.json<{ id: string }>();
    const secret = await schedule(ana, { accountId: organization.id, opportunityId: deal.id, subject: 'Secreto del trato', private: true, startAt: inHours(-2) });
    const held = await schedule(ana, { accountId: organization.id, opportunityId: deal.id, subject: 'Secreto cerrado', private: true, startAt: inHours(-24) });
    expect((await ana.post(`/api/v1/activities/${held.id}/done`, { version: held.version })).statusCode).toBe(200);

    type Card = { id: string; nextActivityDueAt: string | null; lastActivityAt: string | null };
    const views = async (client: Client) => {
      const board = (await client.get('/api/v1/opportunities/board?q=Reservado')).json<{ columns: Array<{ stage: string; cards: Card[] }> }>();
      const column = (await client.get('/api/v1/opportunities/board/column?stage=proposal&q=Reservado')).json<ListResponse<Card>>();
      const listed = (await client.get('/api/v1/opportunities?q=Reservado')).json<ListResponse<Card>>();
      const page = await client.get(`/api/v1/opportunities/${deal.id}`);
      const card = (cards: Card[]) => cards.find((item) => item.id === deal.id);
      return {
        board: card(board.columns.flatMap((item) => item.cards)),
        column: card(column.items),
        list: card(listed.items),
        page: page.json<Card>(),
        history: (await client.get(`/api/v1/opportunities/${deal.id}/history`)).json<ListResponse<{ entityId: string }>>().items.map((entry) => entry.entityId),
        tab: (await list(client, `/api/v1/activities?opportunityId=${deal.id}`)).items.map((activity) => activity.id),
        export: (await client.get('/api/v1/exports/opportunities?format=csv&q=Reservado')).body,
        bodies: [page.body, JSON.stringify(board), JSON.stringify(column), JSON.stringify(listed)].join(''),
      };
    };
    // Ana, responsible for both, sees them on every view (so the sweep is not vacuous).
    const anaSees = await views(ana);
    for (const view of [anaSees.board, anaSees.column, anaSees.list, anaSees.page]) {
      expect(view).toMatchObject({ nextActivityDueAt: secret.dueAt, lastActivityAt: held.startAt });
    }
    expect(anaSees.history).toEqual(expect.arrayContaining([secret.id, held.id]));
    expect(anaSees.tab.sort()).toEqual([secret.id, held.id].sort());
    expect(anaSees.export).toContain('Trato Reservado');

    // Bruno sees the deal and its organization, never the private activities or their times.
    const brunoSees = await views(bruno);
    for (const view of [brunoSees.board, brunoSees.column, brunoSees.list, brunoSees.page]) {
      expect(view).toMatchObject({ id: deal.id, nextActivityDueAt: null, lastActivityAt: null });
    }
    expect(brunoSees.history).not.toContain(secret.id);
    expect(brunoSees.history).not.toContain(held.id);
    expect(brunoSees.history).toContain(deal.id);
    expect(brunoSees.tab).toEqual([]);
    expect(brunoSees.export).toContain('Trato Reservado');
    for (const text of [brunoSees.export, brunoSees.bodies]) {
      expect(text).not.toContain('Secreto');
      expect(text).not.toContain(secret.id);
    }
  });
});

describe('the bell, reminders and the week', () => {
  test('the bell counts my scheduled activities due by today; done ones leave it', async () => {
    const me = await t.user({ role: 'agent', scope: 'own' });
    const account = await t.account(me, { kind: 'organization', name: 'Campana S.L.' });
    expect((await list(me, `/api/v1/activities/pending?until=${inHours(12)}`)).total).toBe(0);
    const due = await schedule(me, { accountId: account.id, startAt: inHours(-2) });
    await schedule(me, { accountId: account.id, startAt: inHours(-3), dueAt: inHours(96) });
    await schedule(admin, { accountId: account.id, startAt: inHours(-2) });
    const bell = await list(me, `/api/v1/activities/pending?until=${inHours(12)}`);
    expect(bell.items.map((a) => a.id)).toEqual([due.id]);
    const done = await me.post(`/api/v1/activities/${due.id}/done`, { version: due.version, result: 'Cita concertada' });
    expect(done.json<Activity>()).toMatchObject({ status: 'done', result: 'Cita concertada' });
    expect((await list(me, `/api/v1/activities/pending?until=${inHours(12)}`)).total).toBe(0);
    // Done is final: it cannot be done twice.
    expectProblem(await me.post(`/api/v1/activities/${due.id}/done`, { version: due.version + 1 }), 400, 'validation_failed');
  });

  test('reminders list in reminder order; a due one is handed out once, and again after a new time', async () => {
    const me = await t.user({ role: 'agent', scope: 'own' });
    const account = await t.account(me, { kind: 'organization', name: 'Recordatorios S.A.' });
    const later = await schedule(me, { accountId: account.id, subject: 'Later', startAt: inHours(30), remindAt: inHours(29) });
    const soon = await schedule(me, { accountId: account.id, subject: 'Soon', startAt: inHours(1), remindAt: inHours(-0.1) });
    await schedule(me, { accountId: account.id, subject: 'No reminder', startAt: inHours(2) });
    expect((await list(me, '/api/v1/activities/reminders')).items.map((a) => a.subject)).toEqual(['Soon', 'Later']);
    const claim = async () => (await me.post('/api/v1/activities/reminders/claim')).json<{ items: Activity[] }>().items.map((a) => a.id);
    expect(await claim()).toEqual([soon.id]);
    expect(await claim()).toEqual([]);
    const moved = await me.patch(`/api/v1/activities/${soon.id}`, { version: soon.version, remindAt: inHours(-0.05) });
    expect(moved.statusCode).toBe(200);
    expect(await claim()).toEqual([soon.id]);
    expect(later.remindAt).not.toBeNull();
  });

  test('dragging in the calendar moves start, end and a due date that followed the start', async () => {
    const account = await t.account(ana, { kind: 'organization', name: 'Calendario' });
    // A week two months ahead, clear of the activities the other tests put around now.
    const weekStart = new Date(Date.now() + 60 * 86_400_000);
    weekStart.setUTCHours(0, 0, 0, 0);
    const at = (days: number, hour: number) => new Date(weekStart.getTime() + days * 86_400_000 + hour * 3_600_000).toISOString();
    const meeting = await schedule(ana, { accountId: account.id, type: 'meeting', startAt: at(1, 9), endAt: at(1, 10).replace('.000Z', '+00:00') });
    expect(meeting.endAt).toBe(at(1, 10));
    const moved = await ana.patch(`/api/v1/activities/${meeting.id}`, { version: meeting.version, startAt: at(3, 11).replace('.000Z', 'Z'), endAt: at(3, 12).replace('.000Z', 'Z') });
    expect(moved.json<Activity>()).toMatchObject({ startAt: at(3, 11), endAt: at(3, 12), dueAt: at(3, 11), version: 2 });
    const week = await list(ana, `/api/v1/activities?mine=true&from=${at(0, 0)}&to=${at(7, 0)}&sort=startAt`);
    expect(week.items.map((a) => a.id)).toEqual([meeting.id]);
    // A stale version changes nothing.
    expectProblem(await ana.patch(`/api/v1/activities/${meeting.id}`, { version: 1, subject: 'Stale' }), 412, 'stale_version');
  });
});

describe('logging what already happened (seed 003: a call, a visit, a note)', () => {
  test('one step creates a done activity with its result; history says it was logged done', async () => {
    const account = await t.account(ana, { kind: 'organization', name: 'Registro S.L.' });
    const response = await ana.post('/api/v1/activities', {
      accountId: account.id, type: 'call', subject: 'Llamada del cliente', startAt: inHours(-0.5), status: 'done', result: 'Quiere presupuesto', private: true,
    });
    expect(response.statusCode).toBe(201);
    const logged = response.json<Activity>();
    expect(logged).toMatchObject({ status: 'done', result: 'Quiere presupuesto', private: true, responsible: { id: ana.user.id } });
    expect(logged.doneAt).not.toBeNull();
    // Done work is not pending: not in the bell, but it is the lead's "previous" activity.
    expect((await list(ana, `/api/v1/activities/pending?until=${inHours(24)}`)).items.map((a) => a.id)).not.toContain(logged.id);
    expect((await list(ana, `/api/v1/activities?accountId=${account.id}&status=done&sort=-startAt&limit=1`)).items.map((a) => a.id)).toEqual([logged.id]);
    const timeline = (await ana.get(`/api/v1/accounts/${account.id}/timeline`)).json<ListResponse<{ entityId: string; action: string; changes: Array<{ field: string; after: unknown }> }>>();
    const entry = timeline.items.find((item) => item.entityId === logged.id);
    expect(entry?.action).toBe('activity_logged');
    expect(entry?.changes).toEqual(expect.arrayContaining([{ field: 'result', before: null, after: 'Quiere presupuesto' }, { field: 'status', before: null, after: 'done' }]));
    // It is done already: it cannot be marked done again.
    expectProblem(await ana.post(`/api/v1/activities/${logged.id}/done`, { version: logged.version }), 400, 'validation_failed');
  });

  test('what already happened takes no reminder, and only scheduled or done are accepted', async () => {
    const account = await t.account(ana, { kind: 'organization', name: 'Registro inválido' });
    const before = await countRows(t.db, 'audit_log');
    const base = { accountId: account.id, type: 'note', subject: 'Nota', startAt: inHours(-1), result: 'x' };
    const reminder = expectProblem(await ana.post('/api/v1/activities', { ...base, status: 'done', remindAt: inHours(1) }), 400, 'validation_failed');
    expect(reminder.errors?.map((e) => [e.field, e.code, e.message])).toEqual([['remindAt', 'reminder_on_done', 'An activity that already happened has no reminder.']]);
    const cancelled = expectProblem(await ana.post('/api/v1/activities', { ...base, status: 'cancelled' }), 400, 'validation_failed');
    expect(cancelled.errors?.map((e) => [e.field, e.code])).toEqual([['status', 'invalid_value']]);
    expect(await countRows(t.db, 'audit_log')).toBe(before);
  });
});

describe('activity input', () => {
  test('bad input is a translated field error and nothing is written', async () => {
    const account = await t.account(ana, { kind: 'organization', name: 'Validación' });
    const before = await countRows(t.db, 'audit_log');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ type: 'telepathy' }, 'type', 'unknown_list_item'],
      [{ endAt: inHours(-5) }, 'endAt', 'end_before_start'],
      [{ responsibleId: '01900000-0000-7000-8000-000000000000' }, 'responsibleId', 'unknown_user'],
      [{ startAt: 'mañana' }, 'startAt', 'invalid_format'],
    ];
    for (const [body, fieldName, code] of cases) {
      const response = await ana.request('POST', '/api/v1/activities', { accountId: account.id, type: 'call', subject: 'x', startAt: inHours(-1), ...body }, { 'accept-language': 'es' });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors?.map((e) => [e.field, e.code])).toEqual([[fieldName, code]]);
    }
    expect(await countRows(t.db, 'audit_log')).toBe(before);
    // An account outside the portfolio does not exist for the agent.
    const foreign = await t.account(admin, { kind: 'organization', name: 'Ajena', ownerIds: [admin.user.id] });
    expectProblem(await ana.post('/api/v1/activities', { accountId: foreign.id, type: 'call', subject: 'x', startAt: inHours(1) }), 404, 'not_found');
  });

  test('the calendar feed answers only for a live token; a new URL revokes the old one', async () => {
    const made = await ana.post('/api/v1/me/calendar-feed');
    const first = new URL(made.json<{ url: string }>().url).pathname;
    expect((await t.app.inject({ method: 'GET', url: first })).statusCode).toBe(200);
    expect((await ana.get('/api/v1/me/calendar-feed')).json()).toMatchObject({ active: true });
    const second = new URL((await ana.post('/api/v1/me/calendar-feed')).json<{ url: string }>().url).pathname;
    expect((await t.app.inject({ method: 'GET', url: first })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: second })).statusCode).toBe(200);
    expect((await ana.delete('/api/v1/me/calendar-feed')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: second })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/not-a-token.ics' })).statusCode).toBe(400);
  });
});
