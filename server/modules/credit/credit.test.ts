import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Account, AccountListItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { AccountCredit } from '@contract/credit';
import type { Job } from '@contract/imports';
import type { NotificationList } from '@contract/notifications';
import type { RiskSignal } from '@contract/registry';
import { JobWorker } from '@server/jobs/worker';
import { registryRuntimeConfig } from '@server/modules/registry/registry-runtime';
import { registryFixture } from '@server/test/fixture-server';
import { expectOk, expectProblem } from '@server/test/state';
import type { Client } from '@server/test/test-app';
import { registryTestApp, setRegistry, type RegistryTest } from '@server/modules/registry/registry-test-setup';
import { checkAccounts } from './credit-check.service';
import { scheduleCreditWork } from './credit-schedule';
import { accountsToCheck } from './credit.repo';

let r: RegistryTest;
let owner: Client;
let stranger: Client;
let worker: JobWorker;

const enhet = registryFixture('no-enhet-991825827.json');
const konkurs = registryFixture('no-enhet-991825827-konkurs.json');
const serveNorway = (body: unknown, status = 200) => r.fixtures.on('GET /enhetsregisteret/api/enheter/991825827', { status, json: body });

beforeAll(async () => {
  r = await registryTestApp({ CARTERA_SMTP_URL: 'smtp://127.0.0.1:2', CARTERA_MAIL_FROM: 'cartera@example.com', CARTERA_PUBLIC_URL: 'https://crm.example.com' });
  owner = await r.t.user({ role: 'agent', scope: 'own', language: 'es' });
  stranger = await r.t.user({ role: 'agent', scope: 'own' });
  worker = new JobWorker(r.t.db, r.t.dialect, { pollMs: 10, maxAttempts: 1 });
  await setRegistry(r.admin, 'NO', { enabled: true });
  await setRegistry(r.admin, 'GB', { enabled: true, secret: 'gb-key' });
  await setRegistry(r.admin, 'DK', { enabled: true, contact: 'it@example.com' });
});
afterAll(() => r.close());
beforeEach(() => r.fixtures.reset());

const credit = async (client: Client, id: string) => expectOk<AccountCredit>(await client.get(`/api/v1/accounts/${id}/credit`));
const norwegian = (client: Client, stage = 'customer') => r.t.account(client, { name: `Digdir ${Math.random()}`, stage, taxId: '991825827', addresses: { visit: { country: 'NO' } } });

/** Runs the daily check now, as the schedule would queue it. */
async function dailyCheck(): Promise<Job> {
  const { jobId } = expectOk<{ jobId: string }>(await r.admin.post('/api/v1/credit/checks'), 202);
  await worker.drain();
  return expectOk<Job>(await r.admin.get(`/api/v1/jobs/${jobId}`));
}

describe('which accounts are watched', () => {
  test('a customer is watched automatically; a lead only by hand; a customer can be left out', async () => {
    const customer = await norwegian(owner);
    const lead = await norwegian(owner, 'lead');
    expect(await credit(owner, customer.id)).toMatchObject({ monitoring: 'auto', monitored: true, riskLevel: 'unknown', checkedAs: 'NO 991825827' });
    expect(await credit(owner, lead.id)).toMatchObject({ monitoring: 'auto', monitored: false });
    expect(expectOk<AccountCredit>(await owner.put(`/api/v1/accounts/${lead.id}/credit`, { monitoring: 'on' }))).toMatchObject({ monitoring: 'on', monitored: true });
    expect(expectOk<AccountCredit>(await owner.put(`/api/v1/accounts/${customer.id}/credit`, { monitoring: 'off' }))).toMatchObject({ monitoring: 'off', monitored: false });

    serveNorway(enhet);
    const job = await dailyCheck();
    expect(job.status).toBe('done');
    // The lead watched by hand was asked about; the customer left out was not.
    expect((await credit(owner, lead.id)).checkedAt).not.toBeNull();
    expect((await credit(owner, customer.id)).checkedAt).toBeNull();
    const timeline = expectOk<{ items: Array<{ action: string; changes: unknown[] }> }>(await owner.get(`/api/v1/accounts/${lead.id}/timeline`));
    expect(timeline.items[0]).toMatchObject({ action: 'monitoring_changed', changes: [{ field: 'creditMonitoring', before: 'auto', after: 'on' }] });
    await owner.put(`/api/v1/accounts/${lead.id}/credit`, { monitoring: 'off' });
  });
});

describe('a bankruptcy found by the daily check', () => {
  test('raises the risk, keeps its history, writes the timeline and tells the owners in the bell and by e-mail', async () => {
    const account = await norwegian(owner);
    serveNorway(enhet);
    await dailyCheck();
    // A first check that finds nothing is no news.
    expect(await credit(owner, account.id)).toMatchObject({ riskLevel: 'none', signals: [], history: [] });
    const before = expectOk<NotificationList>(await owner.get('/api/v1/notifications'));

    r.fixtures.reset();
    serveNorway(konkurs);
    await dailyCheck();
    const watched = await credit(owner, account.id);
    const bankruptcy: RiskSignal = { code: 'bankruptcy', severity: 'high', source: 'registry:NO', since: '2026-12-01', detail: 'Konkurs' };
    expect(watched).toMatchObject({ riskLevel: 'high', signals: [bankruptcy], checkError: null });
    expect(watched.history).toEqual([expect.objectContaining({ source: 'registry:NO', levelBefore: 'none', levelAfter: 'high', signalsBefore: [], signalsAfter: [bankruptcy] })]);

    const timeline = expectOk<{ items: Array<{ action: string; actor: unknown; changes: unknown[] }> }>(await owner.get(`/api/v1/accounts/${account.id}/timeline`));
    expect(timeline.items[0]).toMatchObject({
      action: 'risk_changed', actor: null,
      changes: [{ field: 'riskLevel', before: 'none', after: 'high' }, { field: 'riskSignals', before: [], after: ['bankruptcy'] }],
    });

    const bell = expectOk<NotificationList>(await owner.get('/api/v1/notifications'));
    expect(bell.unread).toBe(before.unread + 1);
    expect(bell.items[0]).toMatchObject({ kind: 'credit.risk_changed', account: { id: account.id, name: account.name }, params: { levelBefore: 'none', levelAfter: 'high' }, readAt: null });
    // Nobody else hears of it.
    expect(expectOk<NotificationList>(await stranger.get('/api/v1/notifications')).items).toEqual([]);

    const mails = await r.t.db.selectFrom('email_messages').selectAll().where('account_id', '=', account.id).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ status: 'queued', language: 'es', subject: `Riesgo de crédito de ${account.name}: alto` });
    expect(JSON.parse(mails[0]?.to_list ?? '[]')).toEqual([{ address: owner.user.email, name: owner.user.name }]);
    expect(mails[0]?.html).toContain(`https://crm.example.com/accounts/${account.id}`);
    expect(mails[0]?.html).toContain('Quiebra');

    // The next check that finds the same is no news.
    await dailyCheck();
    expect((await credit(owner, account.id)).history).toHaveLength(1);
    expect(expectOk<NotificationList>(await owner.get('/api/v1/notifications')).unread).toBe(bell.unread);
  });

  test('a register that is down or answers garbage changes nothing and says why', async () => {
    const account = await norwegian(owner);
    serveNorway(konkurs);
    await dailyCheck();
    r.fixtures.reset();
    serveNorway({}, 503);
    await dailyCheck();
    expect(await credit(owner, account.id)).toMatchObject({ riskLevel: 'high', checkError: 'unavailable: NO 991825827' });
    r.fixtures.reset();
    r.fixtures.on('GET /enhetsregisteret/api/enheter/991825827', { body: '{"organisasjonsnummer": ' });
    await dailyCheck();
    expect(await credit(owner, account.id)).toMatchObject({ riskLevel: 'high', signals: [expect.objectContaining({ code: 'bankruptcy' })], checkError: 'malformed: NO 991825827' });
    expect((await credit(owner, account.id)).history).toHaveLength(1);
  });

  test('410 Gone means the company was deleted from the register', async () => {
    const account = await norwegian(owner);
    serveNorway(registryFixture('no-gone.json'), 410);
    await dailyCheck();
    expect(await credit(owner, account.id)).toMatchObject({ riskLevel: 'high', signals: [{ code: 'deregistered', since: '2013-05-31', source: 'registry:NO' }] });
  });
});

describe('every register\'s signals', () => {
  test('UK company_status other than active, overdue accounts; Denmark\'s bankruptcy flag', async () => {
    const british = await r.t.account(owner, { name: 'BBC Limited', stage: 'customer', taxId: '06500244', addresses: { visit: { country: 'GB' } } });
    const danish = await r.t.account(owner, { name: 'Carletti', stage: 'customer', taxId: '89563518', addresses: { visit: { country: 'DK' } } });
    const profile = registryFixture('gb-company-06500244.json');
    r.fixtures.on('GET /ch/company/06500244', { json: { ...Object(profile), company_status: 'administration', accounts: { overdue: true } } });
    r.fixtures.on(/^GET \/cvr\/api\?vat=89563518/, { json: { ...Object(registryFixture('dk-carletti.json')), creditbankrupt: true, creditstartdate: '02/12 - 2026' } });
    const accounts = await accountsToCheck(r.t.db, [british.id, danish.id]);
    expect(await checkAccounts(r.t.db, registryRuntimeConfig(), accounts)).toEqual({ checked: 2, changed: 2 });
    expect((await credit(owner, british.id)).signals.map((signal) => [signal.code, signal.severity, signal.detail])).toEqual([
      ['insolvency', 'high', 'administration'], ['overdue_accounts', 'medium', 'accounts overdue'],
    ]);
    expect(await credit(owner, danish.id)).toMatchObject({ riskLevel: 'high', signals: [{ code: 'bankruptcy', since: '2026-12-02' }] });
  });

  test('a paid rating or Cartera\'s own invoices plug in as one more source', async () => {
    const account = await r.t.account(owner, { name: 'Sin registro', stage: 'customer' });
    const invoices = {
      key: 'own:invoices',
      check: async (_db: unknown, _config: unknown, accounts: Array<{ id: string }>) => new Map(accounts.map((one) => [one.id, {
        checkedAs: null, signals: [{ code: 'overdue_invoices' as const, severity: 'medium' as const, source: 'own:invoices', since: '2026-11-01', detail: '2 invoices' }],
      }])),
    };
    await checkAccounts(r.t.db, registryRuntimeConfig(), await accountsToCheck(r.t.db, [account.id]), { sources: [invoices] });
    expect(await credit(owner, account.id)).toMatchObject({ riskLevel: 'medium', signals: [{ code: 'overdue_invoices', source: 'own:invoices' }] });
  });
});

describe('the accounts list', () => {
  test('filters the accounts at risk (medium or high) or at high risk, inside the actor\'s portfolio', async () => {
    const high = await r.t.account(owner, { name: 'Riesgo alto', stage: 'customer' });
    const medium = await r.t.account(owner, { name: 'Riesgo medio', stage: 'customer' });
    const fine = await r.t.account(owner, { name: 'Sin riesgo', stage: 'customer' });
    const hidden = await r.t.account(stranger, { name: 'Riesgo ajeno', stage: 'customer' });
    const severity = new Map([[high.id, 'high' as const], [medium.id, 'medium' as const], [hidden.id, 'high' as const]]);
    const rating = {
      key: 'own:invoices',
      check: async (_db: unknown, _config: unknown, accounts: Array<{ id: string }>) => new Map(accounts.map((one) => {
        const level = severity.get(one.id);
        return [one.id, { checkedAs: null, signals: level ? [{ code: 'overdue_invoices' as const, severity: level, source: 'own:invoices', since: null, detail: null }] : [] }];
      })),
    };
    await checkAccounts(r.t.db, registryRuntimeConfig(), await accountsToCheck(r.t.db, [high.id, medium.id, fine.id, hidden.id]), { sources: [rating] });
    const listed = async (client: Client, query: string) =>
      expectOk<ListResponse<AccountListItem>>(await client.get(`/api/v1/accounts?${query}&limit=200`)).items.map((item) => item.id);
    const ours = [high.id, medium.id, fine.id, hidden.id];
    const among = (found: string[]) => found.filter((id) => ours.includes(id)).sort();
    expect(among(await listed(owner, 'risk=at_risk'))).toEqual([high.id, medium.id].sort());
    expect(among(await listed(owner, 'risk=high'))).toEqual([high.id]);
    expect(among(await listed(owner, 'risk=high&stage=customer&q=riesgo'))).toEqual([high.id]);
    expect(among(await listed(r.admin, 'risk=high'))).toEqual([high.id, hidden.id].sort());
    expectProblem(await owner.get('/api/v1/accounts?risk=low'), 400, 'validation_failed');
  });
});

describe('Norway\'s change feed', () => {
  test('re-checks the watched companies it names and remembers where it stopped', async () => {
    const account = await norwegian(owner);
    serveNorway(enhet);
    await dailyCheck();
    r.fixtures.reset();
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/oppdateringer\/enheter\?dato=/, { json: registryFixture('no-oppdateringer.json') });
    r.fixtures.on(/^GET \/enhetsregisteret\/api\/oppdateringer\/enheter\?oppdateringsid=17204103/, { json: { _embedded: { oppdaterteEnheter: [] } } });
    serveNorway(konkurs);
    await scheduleCreditWork(r.t.db, new Date('2030-01-01T10:00:00Z'));
    await worker.drain();
    expect(await credit(owner, account.id)).toMatchObject({ riskLevel: 'high' });
    const settings = await r.t.db.selectFrom('registry_settings').select('feed_cursor').where('country', '=', 'NO').executeTakeFirstOrThrow();
    expect(settings.feed_cursor).toBe('17204102');

    // The next hour's read starts after the last update read.
    await scheduleCreditWork(r.t.db, new Date('2030-01-01T11:00:00Z'));
    await worker.drain();
    expect(r.fixtures.requests.map((request) => request.url)).toContain('/enhetsregisteret/api/oppdateringer/enheter?oppdateringsid=17204103&size=500');
  });

  test('each period runs once, however many processes tick', async () => {
    const day = new Date('2031-05-05T03:00:00Z');
    const first = await scheduleCreditWork(r.t.db, day);
    const second = await scheduleCreditWork(r.t.db, new Date('2031-05-05T03:05:00Z'));
    expect(first).toEqual(['credit.check', 'credit.no_feed']);
    expect(second).toEqual([]);
    await r.t.db.deleteFrom('jobs').where('status', '=', 'queued').execute();
  });
});

describe('who may do what', () => {
  let account: Account;
  beforeAll(async () => {
    account = await norwegian(owner);
  });

  test('an account outside the portfolio does not exist for its credit either; refused writes change nothing', async () => {
    const jobs = (await r.t.db.selectFrom('jobs').select('id').execute()).length;
    expectProblem(await stranger.get(`/api/v1/accounts/${account.id}/credit`), 404, 'not_found');
    expectProblem(await stranger.put(`/api/v1/accounts/${account.id}/credit`, { monitoring: 'off' }), 404, 'not_found');
    expectProblem(await stranger.post(`/api/v1/accounts/${account.id}/credit/check`), 404, 'not_found');
    expect((await credit(owner, account.id)).monitoring).toBe('auto');
    expect((await r.t.db.selectFrom('jobs').select('id').execute()).length).toBe(jobs);
  });

  test('the owner checks their account now; only admins re-check everything', async () => {
    serveNorway(enhet);
    expectOk<{ jobId: string }>(await owner.post(`/api/v1/accounts/${account.id}/credit/check`), 202);
    const jobs = (await r.t.db.selectFrom('jobs').select('id').execute()).length;
    expectProblem(await owner.post('/api/v1/credit/checks'), 403, 'forbidden');
    expect((await r.t.db.selectFrom('jobs').select('id').execute()).length).toBe(jobs);
    await worker.drain();
    expect((await credit(owner, account.id)).checkedAt).not.toBeNull();
  });

  test('bad monitoring values are refused', async () => {
    expectProblem(await owner.put(`/api/v1/accounts/${account.id}/credit`, { monitoring: 'sometimes' }), 400, 'validation_failed');
    expectProblem(await owner.put(`/api/v1/accounts/${account.id}/credit`, { monitoring: 'on', riskLevel: 'none' }), 400, 'validation_failed');
  });
});

describe('notifications', () => {
  test('each user reads and clears only their own, and a hidden account\'s notification is not shown', async () => {
    const account = await norwegian(owner);
    serveNorway(konkurs);
    await checkAccounts(r.t.db, registryRuntimeConfig(), await accountsToCheck(r.t.db, [account.id]));
    const mine = expectOk<NotificationList>(await owner.get('/api/v1/notifications'));
    const notification = mine.items.find((item) => item.account?.id === account.id);
    expect(notification).toBeDefined();
    expectProblem(await stranger.post(`/api/v1/notifications/${notification?.id}/read`), 404, 'not_found');
    expect(await r.t.db.selectFrom('notifications').select('read_at').where('id', '=', notification?.id ?? '').executeTakeFirst()).toEqual({ read_at: null });
    expect((await owner.post(`/api/v1/notifications/${notification?.id}/read`)).statusCode).toBe(204);
    expect(expectOk<NotificationList>(await owner.get('/api/v1/notifications')).items.find((item) => item.id === notification?.id)?.readAt).not.toBeNull();

    // Once the owner no longer sees the account, its notifications are gone from their bell.
    await r.admin.put(`/api/v1/accounts/${account.id}/owners`, { version: (await r.admin.get(`/api/v1/accounts/${account.id}`)).json<Account>().version, ownerIds: [r.admin.user.id] });
    const after = expectOk<NotificationList>(await owner.get('/api/v1/notifications'));
    expect(after.items.map((item) => item.account?.id)).not.toContain(account.id);

    expect((await owner.post('/api/v1/notifications/read-all')).statusCode).toBe(204);
    expect(expectOk<NotificationList>(await owner.get('/api/v1/notifications')).unread).toBe(0);
  });
});
