import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import type { Account, TimelineEntry } from '@contract/accounts';
import type { AccountTree } from '@contract/account-links';
import type { ListResponse } from '@contract/common';
import { dashboardCharts, type DashboardChart } from '@contract/dashboard';
import type { ListItem } from '@contract/lists';
import type { Tag } from '@contract/tags';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { hashToken, newToken } from '@server/lib/ids';
import { notifyOverdueInvoices } from '@server/modules/invoices/invoice-overdue.service';
import { testApp, type Client, type TestApp } from '@server/test/test-app';

// Hidden means absent: an agent looking at an account in their portfolio must not learn the id,
// the name or the number of the accounts outside it that hang off it (a parent, a department, a
// contact, a related company), in any answer of the API.

let t: TestApp;
let admin: Client;
let agent: Client;
let stranger: Client;
let visible: Account;
let hidden: Account[];
let ids: Record<string, string>;
/** An opportunity of a hidden organization: never in any answer either. */
let hiddenOpportunity: { id: string; name: string };
/** A project of a hidden organization, and a private task of someone else on the visible one: never in any answer either. */
let hiddenProject: { id: string; name: string };
/** A quote of a hidden organization (its line names it): never in a list, export or page either. */
let hiddenQuote: { id: string; line: string };
const privateTask = 'Tarea privada Zeta';
/** An invoice of a hidden organization (its number names it): never in a list, page or counter either. */
let hiddenInvoice: { id: string; number: string };
/** An agreement of a hidden organization (sent, so its counter would count it): never in a list, page, export or counter either. */
let hiddenAgreement: { id: string; title: string };

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
  stranger = await t.user({ role: 'agent', scope: 'own' });
  const theirs = { ownerIds: [stranger.user.id] };
  const parent = await t.account(admin, { name: 'Matriz Escondida SA', emails: ['matriz@escondida.example'], taxId: 'B58378431', addresses: { visit: { country: 'ES' } }, ...theirs });
  const otherParent = await t.account(admin, { name: 'Otra Matriz Escondida SA', ...theirs });
  visible = await t.account(admin, { name: 'Filial Visible SL', parentId: parent.id, emails: ['filial@visible.example'], ownerIds: [agent.user.id] });
  const child = await t.account(admin, { name: 'Departamento Escondido', parentId: visible.id, ...theirs });
  const person = await t.account(admin, { kind: 'person', firstName: 'Persona', lastName: 'Escondida', emails: ['persona@escondida.example'], ...theirs });
  const related = await t.account(admin, { name: 'Socio Escondido SA', ...theirs });
  hidden = [parent, otherParent, child, person, related];

  const reason = (await admin.post('/api/v1/lists/relationship_reason/items', { labels: { es: 'Socio', en: 'Partner' } })).json<ListItem>();
  expect((await admin.post(`/api/v1/accounts/${visible.id}/contacts`, { otherId: person.id, position: 'Gerente' })).statusCode).toBe(201);
  expect((await admin.post(`/api/v1/accounts/${visible.id}/relationships`, { otherId: related.id, reason: reason.key })).statusCode).toBe(201);
  // The parent moves from one hidden account to another: the history holds both ids.
  const moved = await admin.patch(`/api/v1/accounts/${visible.id}`, { version: visible.version, parentId: otherParent.id, website: 'https://filial.example' });
  expect(moved.statusCode, moved.body).toBe(200);
  const request = await admin.post('/api/v1/requests', { accountId: visible.id, notes: 'Quiere presupuesto' });
  expect(request.statusCode, request.body).toBe(201);
  const activity = await admin.post('/api/v1/activities', { accountId: visible.id, type: 'call', subject: 'Llamar', startAt: new Date().toISOString() });
  expect(activity.statusCode, activity.body).toBe(201);
  const tag = await admin.post('/api/v1/tags', { name: 'Barrido' });
  for (const account of [visible, ...hidden]) expect((await admin.put(`/api/v1/accounts/${account.id}/tags/${tag.json<{ id: string }>().id}`)).statusCode).toBe(204);
  // An opportunity of the visible organization with the hidden person taking part, and one of a hidden organization.
  const opportunity = await admin.post('/api/v1/opportunities', {
    organizationId: visible.id, name: 'Trato visible', currency: 'EUR', expectedCloseOn: '2027-01-01', people: [{ personId: person.id, role: 'user' }],
  });
  expect(opportunity.statusCode, opportunity.body).toBe(201);
  const hiddenDeal = await admin.post('/api/v1/opportunities', { organizationId: parent.id, name: 'Trato Oculto Zeta', currency: 'EUR', expectedCloseOn: '2027-01-01' });
  expect(hiddenDeal.statusCode, hiddenDeal.body).toBe(201);
  hiddenOpportunity = hiddenDeal.json<{ id: string; name: string }>();
  // A project of the visible organization with a private task of the admin's, and one of a hidden organization.
  const project = await admin.post('/api/v1/projects', { organizationId: visible.id, name: 'Proyecto visible', status: 'active', responsibleIds: [agent.user.id] });
  expect(project.statusCode, project.body).toBe(201);
  const task = await admin.post('/api/v1/activities', {
    accountId: visible.id, projectId: project.json<{ id: string }>().id, type: 'task', subject: privateTask, startAt: new Date().toISOString(), private: true,
  });
  expect(task.statusCode, task.body).toBe(201);
  const hiddenWork = await admin.post('/api/v1/projects', { organizationId: parent.id, name: 'Proyecto Oculto Zeta', status: 'active' });
  expect(hiddenWork.statusCode, hiddenWork.body).toBe(201);
  hiddenProject = hiddenWork.json<{ id: string; name: string }>();
  // A quote of the visible organization, and one of a hidden organization.
  const quoteLine = { description: 'Servicio', quantity: 1, unitPrice: 1000, taxRate: 21 };
  const quote = await admin.post('/api/v1/quotes', { accountId: visible.id, lines: [quoteLine] });
  expect(quote.statusCode, quote.body).toBe(201);
  const otherQuote = await admin.post('/api/v1/quotes', { accountId: parent.id, lines: [{ ...quoteLine, description: 'Cotización Oculta Zeta' }] });
  expect(otherQuote.statusCode, otherQuote.body).toBe(201);
  hiddenQuote = { id: otherQuote.json<{ id: string }>().id, line: 'Cotización Oculta Zeta' };
  // An invoice of the visible organization, and one of a hidden organization in another currency.
  const invoice = await admin.post('/api/v1/invoices', { number: 'F-VISIBLE-1', organizationId: visible.id, currency: 'EUR', net: 1000, tax: 210 });
  expect(invoice.statusCode, invoice.body).toBe(201);
  const otherInvoice = await admin.post('/api/v1/invoices', { number: 'Factura Oculta Zeta', organizationId: parent.id, currency: 'USD', net: 5000, tax: 0 });
  expect(otherInvoice.statusCode, otherInvoice.body).toBe(201);
  hiddenInvoice = { id: otherInvoice.json<{ id: string }>().id, number: 'Factura Oculta Zeta' };
  // An overdue one too, issued long ago: its owner's bell gets the daily notice, nobody else's.
  const lateInvoice = await admin.post('/api/v1/invoices', { number: 'Factura Oculta Zeta Vencida', organizationId: parent.id, currency: 'USD', net: 700, tax: 0, issueDate: '2025-01-02', dueDate: '2025-02-01' });
  expect(lateInvoice.statusCode, lateInvoice.body).toBe(201);
  expect(await notifyOverdueInvoices(t.db)).toBe(1);
  // An agreement of the visible organization owned by the agent, and a sent one of a hidden organization.
  const agreement = await admin.post('/api/v1/agreements', { organizationId: visible.id, title: 'Acuerdo visible', ownerId: agent.user.id });
  expect(agreement.statusCode, agreement.body).toBe(201);
  const otherAgreement = await admin.post('/api/v1/agreements', { organizationId: parent.id, title: 'Acuerdo Oculto Zeta' });
  expect(otherAgreement.statusCode, otherAgreement.body).toBe(201);
  hiddenAgreement = otherAgreement.json<{ id: string; title: string }>();
  await t.db.updateTable('agreements').set({ status: 'sent' }).where('id', 'in', [hiddenAgreement.id, agreement.json<{ id: string }>().id]).execute();
  // A campaign with the visible account and the hidden ones as members: its member list, totals and export.
  const campaign = await admin.post('/api/v1/campaigns', { name: 'Campaña barrida', startsOn: '2026-12-01', endsOn: '2027-01-31' });
  expect(campaign.statusCode, campaign.body).toBe(201);
  const campaignId = campaign.json<{ id: string }>().id;
  for (const account of [visible, ...hidden]) expect((await admin.post(`/api/v1/campaigns/${campaignId}/members`, { accountId: account.id })).statusCode).toBe(201);
  // The agent's "send agreement from template" job, as if it ran before the hidden accounts left their portfolio: its report holds them all.
  const bulkJob = await enqueueJob(t.db, { kind: 'agreements.bulk_send', payload: {}, createdBy: agent.user.id });
  await t.db.updateTable('jobs').set({ status: 'done' }).where('id', '=', bulkJob.id).execute();
  for (const account of [visible, ...hidden]) {
    await t.db.insertInto('agreement_bulk_rows').values({ job_id: bulkJob.id, organization_id: account.id, outcome: 'no_email', agreement_id: null, reason: null, processed_at: new Date().toISOString() }).execute();
  }
  ids = {
    bulk: bulkJob.id,
    campaigns: campaignId,
    opportunities: opportunity.json<{ id: string }>().id,
    projects: project.json<{ id: string }>().id,
    quotes: quote.json<{ id: string }>().id,
    invoices: invoice.json<{ id: string }>().id,
    agreements: agreement.json<{ id: string }>().id,
    accounts: visible.id,
    tags: tag.json<{ id: string }>().id,
    requests: request.json<{ id: string }>().id,
    activities: activity.json<{ id: string }>().id,
  };
});

afterAll(async () => {
  await t.close();
});

/** What gives a hidden account away: its id, its name, its e-mail. */
const leaks = (body: string): string[] =>
  [...hidden.flatMap((account) => [account.id, account.name, ...account.emails]), hiddenOpportunity.id, hiddenOpportunity.name, hiddenProject.id, hiddenProject.name, hiddenQuote.id, hiddenQuote.line, hiddenInvoice.id, hiddenInvoice.number, hiddenAgreement.id, hiddenAgreement.title, privateTask]
    .filter((needle) => body.includes(needle));

type OpenApi = { paths: Record<string, Record<string, unknown>> };

/** Every GET of the API document, its `{id}` filled with the record of that resource the agent may see. */
async function everyRead(): Promise<string[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>();
  return Object.entries(doc.paths)
    .filter(([path, methods]) => methods.get !== undefined && path.startsWith('/api/v1/'))
    .flatMap(([path]) => {
      const resource = path.split('/')[3] ?? '';
      const filled = path.replace('{id}', ids[resource] ?? visible.id);
      return /\{\w+\}/.test(filled) ? [] : [filled];
    });
}

describe('no answer carries a hidden account', () => {
  test('the account page: no parent id when the parent is outside the portfolio', async () => {
    const seen = (await agent.get(`/api/v1/accounts/${visible.id}`)).json<Account>();
    expect(seen).toMatchObject({ name: 'Filial Visible SL', parentId: null, parent: null });
    // Who may see the parent gets it.
    expect((await admin.get(`/api/v1/accounts/${visible.id}`)).json<Account>()).toMatchObject({ parentId: hidden[1]?.id, parent: { name: 'Otra Matriz Escondida SA' } });
  });

  test('sending the form back keeps the parent the agent cannot see', async () => {
    const seen = (await agent.get(`/api/v1/accounts/${visible.id}`)).json<Account>();
    const saved = await agent.patch(`/api/v1/accounts/${visible.id}`, { version: seen.version, parentId: null, notes: 'Revisada' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<Account>()).toMatchObject({ parentId: null, notes: 'Revisada' });
    const row = await t.db.selectFrom('accounts').select('parent_id').where('id', '=', visible.id).executeTakeFirstOrThrow();
    expect(row.parent_id).toBe(hidden[1]?.id);
  });

  test('the history names no hidden parent: a change between two hidden parents is left out', async () => {
    const entries = (await agent.get(`/api/v1/accounts/${visible.id}/timeline?limit=200`)).json<ListResponse<TimelineEntry>>().items;
    const update = entries.find((entry) => entry.action === 'updated' && entry.changes.some((change) => change.field === 'website'));
    expect(update?.changes.map((change) => change.field)).toEqual(['website']);
    const created = entries.find((entry) => entry.action === 'created');
    expect(created?.changes.some((change) => change.field === 'parentId')).toBe(false);
    // The admin sees the parents, by name.
    const adminEntries = (await admin.get(`/api/v1/accounts/${visible.id}/timeline?limit=200`)).json<ListResponse<TimelineEntry>>().items;
    const adminUpdate = adminEntries.find((entry) => entry.action === 'updated' && entry.changes.some((change) => change.field === 'website'));
    expect(adminUpdate?.changes).toContainEqual({ field: 'parentId', before: 'Matriz Escondida SA', after: 'Otra Matriz Escondida SA' });
  });

  test('the tree, contacts and relationships leave them out', async () => {
    const tree = (await agent.get(`/api/v1/accounts/${visible.id}/tree`)).json<AccountTree>();
    expect(tree).toEqual({ parent: null, items: [], truncated: false });
    expect((await agent.get(`/api/v1/accounts/${visible.id}/contacts`)).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await agent.get(`/api/v1/accounts/${visible.id}/relationships`)).json<{ items: unknown[] }>().items).toEqual([]);
  });

  test("the tags page counts only the accounts the reader sees: hidden ones are not even a number", async () => {
    const counted = async (client: Client) =>
      (await client.get('/api/v1/tags?counts=true')).json<ListResponse<Tag>>().items.find((tag) => tag.id === ids.tags)?.accounts;
    expect(await counted(agent)).toEqual({ count: 1, countIsEstimate: false });
    expect(await counted(stranger)).toEqual({ count: hidden.length, countIsEstimate: false });
    expect(await counted(admin)).toEqual({ count: hidden.length + 1, countIsEstimate: false });
  });

  test('sweep: every read of the API document, and the searches that could match them', async () => {
    const urls = [
      ...(await everyRead()),
      `/api/v1/accounts?parentId=${hidden[1]?.id ?? ''}`,
      '/api/v1/accounts?q=Escondid',
      `/api/v1/accounts?tagId=${ids.tags ?? ''}`,
      '/api/v1/accounts/duplicates?email=matriz@escondida.example&email=persona@escondida.example&taxId=B58378431&country=ES',
      '/api/v1/search?q=Escondid',
      '/api/v1/search?q=matriz@escondida.example',
      `/api/v1/tags/${ids.tags ?? ''}/export.csv`,
      '/api/v1/tags?counts=true',
      '/api/v1/exports/accounts?format=csv',
      `/api/v1/requests?accountId=${visible.id}`,
      `/api/v1/activities?accountId=${visible.id}`,
      '/api/v1/opportunities?q=Oculto',
      '/api/v1/opportunities/board?q=Trato',
      '/api/v1/opportunities/board/column?stage=qualification',
      `/api/v1/opportunities/${hiddenOpportunity.id}`,
      '/api/v1/exports/opportunities?format=csv',
      `/api/v1/opportunities/${ids.opportunities ?? ''}/history`,
      '/api/v1/projects?q=Oculto',
      `/api/v1/projects/${hiddenProject.id}`,
      `/api/v1/projects/${ids.projects ?? ''}/history`,
      '/api/v1/exports/projects?format=csv',
      `/api/v1/activities?projectId=${ids.projects ?? ''}`,
      `/api/v1/accounts?q=Filial&counters=${['activeProjects', 'openTasks'].join(',')}`,
      '/api/v1/quotes?q=Matriz',
      `/api/v1/quotes/${hiddenQuote.id}`,
      `/api/v1/quotes/${hiddenQuote.id}/pdf`,
      '/api/v1/exports/quotes?format=csv',
      '/api/v1/invoices?q=Oculta',
      '/api/v1/invoices?q=Matriz',
      `/api/v1/invoices?organizationId=${hidden[0]?.id ?? ''}`,
      `/api/v1/invoices/${hiddenInvoice.id}`,
      `/api/v1/invoices/${hiddenInvoice.id}/pdf`,
      `/api/v1/invoices/overdue-summary?organizationId=${hidden[0]?.id ?? ''}`,
      '/api/v1/exports/invoices?format=csv&q=Oculta',
      `/api/v1/accounts?q=Matriz&counters=invoicedThisYear`,
      '/api/v1/agreements?q=Oculto',
      '/api/v1/agreements?q=Matriz',
      `/api/v1/agreements?organizationId=${hidden[0]?.id ?? ''}`,
      `/api/v1/agreements/${hiddenAgreement.id}`,
      `/api/v1/agreements/${hiddenAgreement.id}/history`,
      `/api/v1/agreements/${ids.agreements ?? ''}/history`,
      '/api/v1/exports/agreements?format=csv',
      `/api/v1/accounts?q=Matriz&counters=unsignedAgreements`,
      // The counters' sorts and filters read sets of every account (their indexes, the sums per currency).
      '/api/v1/accounts?openTasksAbove=0&sort=-openTasks&counters=openTasks',
      '/api/v1/accounts?invoicedAbove=0&sort=-invoicedThisYear&counters=invoicedThisYear',
      '/api/v1/accounts?invoicedCurrency=USD',
      '/api/v1/accounts?invoicedAbove=0&invoicedCurrency=USD&sort=-invoicedThisYear',
      '/api/v1/accounts?sort=-activeProjects&counters=activeProjects',
      '/api/v1/accounts?sort=-unsignedAgreements&counters=unsignedAgreements',
      `/api/v1/campaigns/${ids.campaigns ?? ''}/members?q=escondid`,
      `/api/v1/campaigns/${ids.campaigns ?? ''}/members/groups`,
      `/api/v1/campaigns/${ids.campaigns ?? ''}/members/export?format=csv`,
      `/api/v1/agreements/bulk/${ids.bulk ?? ''}/rows`,
      ...dashboardCharts.map((chart) => `/api/v1/dashboard/${chart}?from=2020-01-01T00:00:00Z&to=2022-12-31T00:00:00Z`),
    ];
    expect(urls.length).toBeGreaterThan(25);
    const answered: string[] = [];
    for (const url of urls) {
      const response = await agent.get(url);
      expect(leaks(response.body), url).toEqual([]);
      if (response.statusCode === 200) answered.push(url);
    }
    // Not vacuous: the pages that show the visible account answered, and the admin's do leak.
    expect(answered).toEqual(expect.arrayContaining([`/api/v1/accounts/${visible.id}`, `/api/v1/accounts/${visible.id}/timeline`, `/api/v1/tags/${ids.tags ?? ''}/export.csv`]));
    expect(leaks((await admin.get(`/api/v1/accounts/${visible.id}/timeline`)).body).length).toBeGreaterThan(0);
    expect(leaks((await admin.get(`/api/v1/tags/${ids.tags ?? ''}/export.csv`)).body).length).toBeGreaterThan(0);
    expect(answered).toEqual(expect.arrayContaining([`/api/v1/opportunities/${ids.opportunities ?? ''}`, '/api/v1/opportunities/board']));
    expect(leaks((await admin.get(`/api/v1/opportunities/${ids.opportunities ?? ''}`)).body).length).toBeGreaterThan(0);
    // The report of the agent's send-from-template job: theirs to read, the hidden companies left out; the admin reads them all.
    expect(answered).toContain(`/api/v1/agreements/bulk/${ids.bulk ?? ''}/rows`);
    expect(leaks((await admin.get(`/api/v1/agreements/bulk/${ids.bulk ?? ''}/rows`)).body).length).toBeGreaterThan(0);
    // The dashboard counts none of them: the agent's accounts are the visible one; the hidden person is the only person tagged.
    const total = async (client: Client, chart: string) =>
      (await client.get(`/api/v1/dashboard/${chart}?from=2020-01-01T00:00:00Z&to=2022-12-31T00:00:00Z`)).json<DashboardChart>().cells.reduce((sum, cell) => sum + cell.count, 0);
    expect([await total(agent, 'accounts-by-stage'), await total(agent, 'people-by-tag'), await total(agent, 'opportunities-by-stage')]).toEqual([1, 0, 1]);
    expect([await total(admin, 'accounts-by-stage'), await total(admin, 'people-by-tag'), await total(admin, 'opportunities-by-stage')]).toEqual([6, 1, 2]);
    // The latest campaign's members by status: the agent's one visible member; the admin's all of them.
    expect(await total(agent, 'campaign-members')).toBe(1);
    expect(await total(admin, 'campaign-members')).toBeGreaterThan(1);
    expect(leaks((await admin.get('/api/v1/opportunities/board?q=Trato')).body).length).toBeGreaterThan(0);
    expect(leaks((await admin.get('/api/v1/exports/opportunities?format=csv')).body).length).toBeGreaterThan(0);
    // Projects: the agent sees the visible organization's, not its private task (nor counted), the admin the hidden one.
    expect(answered).toEqual(expect.arrayContaining([`/api/v1/projects/${ids.projects ?? ''}`, `/api/v1/projects/${ids.projects ?? ''}/history`]));
    expect((await agent.get(`/api/v1/projects/${ids.projects ?? ''}`)).json<{ openTasks: number }>().openTasks).toBe(0);
    expect((await admin.get(`/api/v1/projects/${ids.projects ?? ''}`)).json<{ openTasks: number }>().openTasks).toBe(1);
    expect((await agent.get(`/api/v1/accounts/${visible.id}`)).json<Account>().overview.openTasks).toBe(0);
    expect((await admin.get(`/api/v1/accounts/${visible.id}`)).json<Account>().overview.openTasks).toBe(1);
    expect(leaks((await admin.get('/api/v1/exports/projects?format=csv')).body).length).toBeGreaterThan(0);
    expect(leaks((await admin.get(`/api/v1/projects/${ids.projects ?? ''}/history`)).body).length).toBeGreaterThan(0);
    // Quotes: the agent reads the visible organization's; the admin's list and export hold the hidden one.
    expect(answered).toEqual(expect.arrayContaining([`/api/v1/quotes/${ids.quotes ?? ''}`, '/api/v1/exports/quotes?format=csv']));
    expect(leaks((await admin.get('/api/v1/exports/quotes?format=csv')).body).length).toBeGreaterThan(0);
    expect(leaks((await admin.get(`/api/v1/quotes/${hiddenQuote.id}`)).body).length).toBeGreaterThan(0);
    // The dashboard's quote charts: both quotes accepted, the hidden one in another currency. The agent counts the visible one alone, in its currency.
    const decided = new Date().toISOString();
    await sql`update quotes set status = 'accepted', decided_at = ${decided} where id in (${ids.quotes ?? ''}, ${hiddenQuote.id})`.execute(t.db);
    await sql`update quotes set currency = 'USD', exchange_rate = '0.92' where id = ${hiddenQuote.id}`.execute(t.db);
    const around = `from=${encodeURIComponent(new Date(Date.now() - 40 * 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`;
    const quoteChart = async (client: Client, chart: string) => (await client.get(`/api/v1/dashboard/${chart}?${around}`)).json<DashboardChart>().cells;
    for (const chart of ['quotes-by-status', 'quotes-accepted']) {
      const cells = await quoteChart(agent, chart);
      expect(cells.reduce((sum, cell) => sum + cell.count, 0), chart).toBe(1);
      expect(cells.flatMap((cell) => cell.sums ?? []).map((sum) => sum.currency), chart).toEqual(['EUR']);
      expect((await quoteChart(admin, chart)).reduce((sum, cell) => sum + cell.count, 0), chart).toBe(2);
    }
    // Invoices: the agent reads the visible organization's and its counter; the admin's list holds the hidden one.
    expect(answered).toEqual(expect.arrayContaining([`/api/v1/invoices/${ids.invoices ?? ''}`, '/api/v1/invoices']));
    expect((await agent.get('/api/v1/invoices')).json<{ total: number }>().total).toBe(1);
    expect((await agent.get(`/api/v1/accounts/${visible.id}`)).json<Account>().overview.invoicedThisYear).toEqual([{ currency: 'EUR', amount: 1210 }]);
    expect(leaks((await admin.get('/api/v1/invoices?q=Oculta')).body).length).toBeGreaterThan(0);
    expect(leaks((await admin.get('/api/v1/exports/invoices?format=csv')).body).length).toBeGreaterThan(0);
    expect(leaks((await admin.get(`/api/v1/invoices/${hiddenInvoice.id}`)).body).length).toBeGreaterThan(0);
    // The visible invoice's public page (its tracking link, opened by the customer) names no hidden account either.
    const token = newToken();
    await t.db.updateTable('invoices').set({ token_hash: hashToken(token) }).where('id', '=', ids.invoices ?? '').execute();
    const publicPage = await t.app.inject({ method: 'GET', url: `/api/v1/invoice-links/${token}`, remoteAddress: '198.51.100.200' });
    expect(publicPage.statusCode).toBe(200);
    expect(leaks(publicPage.body)).toEqual([]);
    // The overdue notice went to the hidden company's owner, in whose bell it names the invoice.
    expect(leaks((await stranger.get('/api/v1/notifications')).body).length).toBeGreaterThan(0);
    expect((await stranger.get(`/api/v1/invoices/overdue-summary?organizationId=${hidden[0]?.id ?? ''}`)).json<{ count: number }>().count).toBe(1);
    // Agreements: the agent reads the visible organization's and counts it; the admin's list, export and page hold the hidden one.
    expect(answered).toEqual(expect.arrayContaining([`/api/v1/agreements/${ids.agreements ?? ''}`, '/api/v1/agreements', '/api/v1/exports/agreements?format=csv']));
    expect((await agent.get('/api/v1/agreements')).json<{ total: number }>().total).toBe(1);
    expect((await agent.get(`/api/v1/accounts/${visible.id}`)).json<Account>().overview.unsignedAgreements).toBe(1);
    expect(leaks((await admin.get('/api/v1/agreements?q=Oculto')).body).length).toBeGreaterThan(0);
    expect(leaks((await admin.get('/api/v1/exports/agreements?format=csv')).body).length).toBeGreaterThan(0);
    expect(leaks((await admin.get(`/api/v1/agreements/${hiddenAgreement.id}`)).body).length).toBeGreaterThan(0);
    // The dashboard's billing charts: the hidden invoice overdue names its company for the admin only; the agent counts the visible organization's alone.
    await sql`update invoices set due_date = '2020-01-31' where id in (${ids.invoices ?? ''}, ${hiddenInvoice.id})`.execute(t.db);
    const billingTotals = async (client: Client) => Promise.all(['invoiced-per-month', 'invoices-overdue', 'projects-by-status', 'agreements-waiting'].map(async (chart) => {
      const response = await client.get(`/api/v1/dashboard/${chart}?${around}`);
      if (client === agent) expect(leaks(response.body), chart).toEqual([]);
      return response.json<DashboardChart>().cells.filter((cell) => !cell.previousYear).reduce((sum, cell) => sum + cell.count, 0);
    }));
    expect(await billingTotals(agent)).toEqual([1, 1, 1, 1]);
    // The admin's overdue: the visible organization's and both of the hidden one's (the late one too).
    expect(await billingTotals(admin)).toEqual([2, 3, 2, 2]);
    expect(leaks((await admin.get(`/api/v1/dashboard/invoices-overdue?${around}`)).body).length).toBeGreaterThan(0);
    // The campaign's members: the agent sees the visible one, counted alone; the admin sees the others.
    const members = `/api/v1/campaigns/${ids.campaigns ?? ''}/members`;
    expect(answered).toEqual(expect.arrayContaining([members, `${members}/export?format=csv`]));
    expect((await agent.get(members)).json<{ total: number }>().total).toBe(1);
    expect((await agent.get(`${members}/groups`)).json<{ groups: Array<{ count: number }> }>().groups.reduce((sum, group) => sum + group.count, 0)).toBe(1);
    expect(leaks((await admin.get(members)).body).length).toBeGreaterThan(0);
    expect(leaks((await admin.get(`${members}/export?format=csv`)).body).length).toBeGreaterThan(0);
  });
});
