import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import { JobWorker } from '@server/jobs/worker';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk } from '@server/test/state';
import { invoicedBasisJobKind, scheduleInvoicedBasis } from './invoiced-basis.job';

// The list sorts by invoiced this year in the base currency, a column kept on each account. When
// the base currency changes or the year turns, a job moves what the column holds and recounts it;
// invoices written meanwhile keep adding to it.

let t: TestApp;
let admin: Client;
let worker: JobWorker;
const year = new Date().getUTCFullYear();
const named: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10, maxAttempts: 1 });
  for (const [name, invoices] of [
    ['euros', [['EUR', 9000, `${year}-01-10`]]],
    ['dollars', [['USD', 5000, `${year}-01-10`], ['EUR', 100, `${year}-01-10`]]],
    ['next', [['EUR', 700, `${year + 1}-01-02`], ['EUR', 50_000, `${year - 1}-12-30`]]],
  ] as const) {
    const account: Account = await t.account(admin, { name });
    named[account.id] = name;
    for (const [index, [currency, net, issueDate]] of invoices.entries()) {
      expectOk(await admin.post('/api/v1/invoices', { organizationId: account.id, number: `${name}-${index}`, currency, net, tax: 0, issueDate }), 201);
    }
  }
});
afterAll(async () => t.close());

const order = async () =>
  expectOk<ListResponse<AccountListItem>>(await admin.get('/api/v1/accounts?sort=-invoicedThisYear')).items.map((item) => named[item.id]);
const column = async () =>
  Object.fromEntries((await t.db.selectFrom('accounts').select(['id', 'invoiced_this_year']).execute()).map((row) => [named[row.id], row.invoiced_this_year]));

describe('the basis of invoiced this year', () => {
  test('nothing moves while the year and the base currency stay', async () => {
    expect(await scheduleInvoicedBasis(t.db)).toEqual([]);
    expect(await column()).toEqual({ euros: 9000, dollars: 100, next: 0 });
    expect(await order()).toEqual(['euros', 'dollars', 'next']);
  });

  test('a new base currency recounts the column in it, once however many processes tick', async () => {
    const settings = expectOk<{ version: number }>(await admin.get('/api/v1/quote-settings'));
    expectOk(await admin.put('/api/v1/quote-settings', { version: settings.version, baseCurrency: 'USD' }));
    expect((await Promise.all([scheduleInvoicedBasis(t.db), scheduleInvoicedBasis(t.db)])).flat()).toEqual([invoicedBasisJobKind]);
    expect(await scheduleInvoicedBasis(t.db)).toEqual([]);
    expect(await worker.drain()).toBe(1);
    expect(await column()).toEqual({ euros: 0, dollars: 5000, next: 0 });
    // Ties (nothing in dollars) by name, backwards as the sort goes.
    expect(await order()).toEqual(['dollars', 'next', 'euros']);
    // Invoices written after the move add in the new currency.
    const euros = Object.keys(named).find((id) => named[id] === 'euros') ?? '';
    expectOk(await admin.post('/api/v1/invoices', { organizationId: euros, number: 'euros-usd', currency: 'USD', net: 6000, tax: 0, issueDate: `${year}-02-01` }), 201);
    expect(await order()).toEqual(['euros', 'dollars', 'next']);
    expect(await scheduleInvoicedBasis(t.db)).toEqual([]);
    const back = expectOk<{ version: number }>(await admin.get('/api/v1/quote-settings'));
    expectOk(await admin.put('/api/v1/quote-settings', { version: back.version, baseCurrency: 'EUR' }));
  });

  test('the turn of the year recounts the column for the new year', async () => {
    const newYear = new Date(Date.UTC(year + 1, 0, 1, 0, 5));
    expect(await scheduleInvoicedBasis(t.db, newYear)).toEqual([invoicedBasisJobKind]);
    await worker.drain();
    expect(await t.db.selectFrom('account_counter_basis').select(['year', 'currency']).executeTakeFirstOrThrow()).toEqual({ year: String(year + 1), currency: 'EUR' });
    expect(await column()).toEqual({ euros: 0, dollars: 0, next: 700 });
    expect(await scheduleInvoicedBasis(t.db, newYear)).toEqual([]);
  });
});
