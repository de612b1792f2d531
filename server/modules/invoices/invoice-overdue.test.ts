import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { Invoice, OverdueSummary } from '@contract/invoices';
import type { NotificationList } from '@contract/notifications';
import { JobWorker } from '@server/jobs/worker';
import { addDays, nowIso } from '@server/lib/time';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';
import { scheduleInvoiceWork } from './invoice-overdue.job';
import { notifyOverdueInvoices } from './invoice-overdue.service';

let t: TestApp;
let admin: Client;
let owner: Client;
let coOwner: Client;
let colleague: Client;
let organization: Account;
let overdue: Invoice[];

const today = nowIso().slice(0, 10);
const daysAgo = (days: number) => addDays(`${today}T00:00:00.000Z`, -days).slice(0, 10);

const invoice = async (extra: object) => expectOk<Invoice>(await owner.post('/api/v1/invoices', {
  number: uniqueWord('FV-'), organizationId: organization.id, currency: 'EUR', net: 10_000, tax: 2100, issueDate: daysAgo(60), dueDate: daysAgo(30), ...extra,
}), 201);

const bell = async (client: Client) => expectOk<NotificationList>(await client.get('/api/v1/notifications?limit=50')).items.filter((item) => item.kind === 'invoice.overdue');

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  owner = await t.user({ role: 'agent', scope: 'own', language: 'es' });
  coOwner = await t.user({ role: 'agent', scope: 'own' });
  colleague = await t.user({ role: 'agent', scope: 'all' });
  organization = await t.account(admin, { name: uniqueWord('Morosa '), ownerIds: [owner.user.id, coOwner.user.id] });
  const late = await invoice({});
  const partly = await invoice({ currency: 'USD', dueDate: daysAgo(5) });
  const partlyPaid = expectOk<Invoice>(await owner.post(`/api/v1/invoices/${partly.id}/payments`, { version: partly.version, amount: 2100 }));
  // Not overdue: paid in full, a draft, a cancelled one, one due today, one due later.
  const paid = await invoice({});
  expectOk(await owner.post(`/api/v1/invoices/${paid.id}/payments`, { version: paid.version, amount: 12_100 }));
  await invoice({ status: 'draft' });
  const cancelled = await invoice({});
  expectOk(await owner.patch(`/api/v1/invoices/${cancelled.id}`, { version: cancelled.version, status: 'cancelled' }));
  await invoice({ dueDate: today });
  await invoice({ issueDate: today, dueDate: addDays(`${today}T00:00:00.000Z`, 10).slice(0, 10) });
  overdue = [late, partlyPaid];
});

afterAll(async () => t.close());

describe('overdue invoices', () => {
  test('the owners of the company are told in their bell, once per invoice: the invoice, its due date and what it still owes', async () => {
    expect(await notifyOverdueInvoices(t.db)).toBe(2);
    for (const client of [owner, coOwner]) {
      const items = await bell(client);
      expect(items.map((item) => item.params.invoiceId).sort()).toEqual(overdue.map((item) => item.id).sort());
      expect(items.find((item) => item.params.invoiceId === overdue[1]?.id)).toMatchObject({
        account: { id: organization.id, name: organization.name }, readAt: null,
        params: { number: overdue[1]?.number, dueDate: daysAgo(5), currency: 'USD', outstanding: 10_000 },
      });
    }
    // Others who see the company but do not own it are not told.
    expect(await bell(colleague)).toEqual([]);
    expect(await bell(admin)).toEqual([]);
    // Once: the next run tells nobody again; the next day's only of the one due today, overdue by then.
    expect(await notifyOverdueInvoices(t.db)).toBe(0);
    expect(await notifyOverdueInvoices(t.db, { day: addDays(`${today}T00:00:00.000Z`, 1).slice(0, 10) })).toBe(1);
    expect(await bell(owner)).toHaveLength(3);
  });

  test('two runs at once (two processes), each a batch at a time, still tell each owner once', async () => {
    const more = await Promise.all([invoice({}), invoice({}), invoice({ dueDate: daysAgo(1) })]);
    // Small batches, so each run pages through them while the other stamps.
    const counts = await Promise.all([notifyOverdueInvoices(t.db, { batchSize: 1 }), notifyOverdueInvoices(t.db, { batchSize: 2 })]);
    expect(counts[0] + counts[1]).toBe(3);
    const ids = (await bell(coOwner)).map((item) => item.params.invoiceId);
    expect(ids.filter((id) => more.some((one) => one.id === id))).toHaveLength(3);
    expect(new Set(ids).size).toBe(ids.length);
    overdue.push(...more);
  });

  test('the daily job is queued once a day however many processes tick, and tells the owners of what fell due since', async () => {
    const later = await invoice({ dueDate: daysAgo(2) });
    expect(await scheduleInvoiceWork(t.db, new Date('2031-05-05T00:03:00Z'))).toEqual(['invoices.overdue']);
    expect(await scheduleInvoiceWork(t.db, new Date('2031-05-05T00:08:00Z'))).toEqual([]);
    const worker = new JobWorker(t.db, t.dialect, { pollMs: 10, maxAttempts: 1 });
    await worker.drain();
    const job = await t.db.selectFrom('jobs').select(['status', 'result']).where('kind', '=', 'invoices.overdue').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done' });
    expect(JSON.parse(job.result ?? '{}')).toEqual({ notified: 1 });
    expect((await bell(owner)).map((item) => item.params.invoiceId)).toContain(later.id);
    overdue.push(later);
  });

  test('the company card\'s summary: how many are overdue and what they owe per currency, since when; refused out of reach, translated', async () => {
    const summary = expectOk<OverdueSummary>(await owner.get(`/api/v1/invoices/overdue-summary?organizationId=${organization.id}`));
    expect(summary).toEqual({
      count: overdue.length,
      outstanding: [{ currency: 'EUR', amount: 12_100 * (overdue.length - 1) }, { currency: 'USD', amount: 10_000 }],
      oldestDueDate: daysAgo(30),
    });
    const quiet = await t.account(admin, { name: uniqueWord('Al día '), ownerIds: [owner.user.id] });
    expect(expectOk<OverdueSummary>(await owner.get(`/api/v1/invoices/overdue-summary?organizationId=${quiet.id}`))).toEqual({ count: 0, outstanding: [], oldestDueDate: null });
    const stranger = await t.user({ role: 'agent', scope: 'own', language: 'en' });
    expectProblem(await stranger.get(`/api/v1/invoices/overdue-summary?organizationId=${organization.id}`), 404, 'not_found');
    const bad = await stranger.get('/api/v1/invoices/overdue-summary?organizationId=nope');
    expectProblem(bad, 400, 'validation_failed');
    expect(bad.body).toContain('organizationId');
  });

  test('a notice about a company the reader no longer sees leaves the bell', async () => {
    expect(await bell(coOwner)).not.toEqual([]);
    const current = expectOk<Account>(await admin.get(`/api/v1/accounts/${organization.id}`));
    expectOk(await admin.put(`/api/v1/accounts/${organization.id}/owners`, { version: current.version, ownerIds: [owner.user.id] }));
    expect(await bell(coOwner)).toEqual([]);
  });
});
