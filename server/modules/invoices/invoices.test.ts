import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem, TimelineEntry } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Invoice, InvoiceCard } from '@contract/invoices';
import type { Quote } from '@contract/quotes';
import { addDays, nowIso } from '@server/lib/time';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

let t: TestApp;
let agent: Client;
let customer: Account;

beforeAll(async () => {
  t = await testApp();
  agent = await t.user({ role: 'agent', scope: 'own', language: 'es' });
  customer = await t.account(agent, {
    kind: 'organization', name: uniqueWord('Facturada '), invoiceDelivery: 'email_link', invoiceEmail: 'cobros@example.com', creditDays: 30,
  });
});

afterAll(async () => t.close());

const count = async () => Number((await t.db.selectFrom('invoices').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const create = async (body: object) => expectOk<Invoice>(await agent.post('/api/v1/invoices', body), 201);
const byHand = (number: string, extra: object = {}) => ({ number, organizationId: customer.id, currency: 'EUR', net: 10_000, tax: 2100, ...extra });
const today = nowIso().slice(0, 10);
const year = today.slice(0, 4);

/** A quote of the customer with two lines, finalized (sent) and, unless `accept` is false, accepted. */
async function quote(accept = true): Promise<Quote> {
  const draft = expectOk<Quote>(await agent.post('/api/v1/quotes', {
    accountId: customer.id, currency: 'EUR',
    lines: [{ description: 'Mano de obra', quantity: 2, unitPrice: 4000, taxRate: 21 }, { description: 'Certificado', quantity: 1, unitPrice: 12_000, taxRate: 0 }],
  }), 201);
  const sent = expectOk<Quote>(await agent.post(`/api/v1/quotes/${draft.id}/finalize`, { version: draft.version }));
  if (!accept) return sent;
  return expectOk<Quote>(await agent.post(`/api/v1/quotes/${sent.id}/decision`, { version: sent.version, outcome: 'accepted', name: 'Rosa Núñez' }));
}

describe('invoices', () => {
  test('by hand: due after the company\'s credit days, delivered as its card says, total = net + tax; in the list and the organization\'s history', async () => {
    const number = uniqueWord('F-');
    const invoice = await create(byHand(number, { issueDate: '2026-03-10' }));
    expect(invoice).toMatchObject({
      number, organization: { id: customer.id, name: customer.name }, status: 'overdue', issueDate: '2026-03-10', dueDate: '2026-04-09',
      currency: 'EUR', net: 10_000, tax: 2100, total: 12_100, paid: 0, delivery: 'email_link', deliveryEmail: 'cobros@example.com', lines: [], quoteId: null,
    });
    expect(expectOk<Invoice>(await agent.get(`/api/v1/invoices/${invoice.id}`))).toEqual(invoice);
    const given = await create(byHand(uniqueWord('F-'), { issueDate: today, dueDate: addDays(`${today}T00:00:00Z`, 5).slice(0, 10), status: 'draft' }));
    expect(given).toMatchObject({ status: 'draft', dueDate: addDays(`${today}T00:00:00Z`, 5).slice(0, 10) });
    const list = expectOk<ListResponse<InvoiceCard>>(await agent.get(`/api/v1/invoices?organizationId=${customer.id}&sort=issueDate`));
    expect(list.items.map((item) => item.id)).toEqual([invoice.id, given.id]);
    expect(expectOk<ListResponse<InvoiceCard>>(await agent.get(`/api/v1/invoices?q=${number}`)).items.map((item) => item.id)).toEqual([invoice.id]);
    expect(expectOk<ListResponse<InvoiceCard>>(await agent.get(`/api/v1/invoices?organizationId=${customer.id}&status=overdue`)).items.map((item) => item.id)).toEqual([invoice.id]);
    // The export: the list's filters and order, amounts as plain major units (as the projects export), the status in the reader's language.
    const csv = await agent.get(`/api/v1/exports/invoices?format=csv&organizationId=${customer.id}&sort=issueDate`);
    expect(csv.statusCode).toBe(200);
    const rows = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(number);
    expect(rows[1]).toContain('Vencida');
    expect(rows[1]).toContain(';121.00;');
    const history = expectOk<ListResponse<TimelineEntry>>(await agent.get(`/api/v1/accounts/${customer.id}/timeline`));
    expect(history.items).toContainEqual(expect.objectContaining({ entity: 'invoice', entityId: invoice.id, action: 'invoice_created' }));
  });

  test('from an accepted quote: its lines, totals and currency copied; a quote not accepted is refused, translated, and nothing is made', async () => {
    const accepted = await quote();
    const invoice = await create({ number: uniqueWord('FQ-'), fromQuoteId: accepted.id });
    expect(invoice).toMatchObject({ quoteId: accepted.id, organization: { id: customer.id }, currency: 'EUR', net: accepted.netTotal, tax: accepted.taxTotal, total: accepted.total, status: 'issued' });
    expect(invoice.lines.map((line) => [line.description, line.net, line.tax])).toEqual([['Mano de obra', 8000, 1680], ['Certificado', 12_000, 0]]);
    const before = await count();
    const sent = await quote(false);
    const refused = await agent.post('/api/v1/invoices', { number: uniqueWord('FQ-'), fromQuoteId: sent.id });
    expectProblem(refused, 409, 'quote_not_accepted');
    expect(refused.body).toContain('Solo se factura una cotización aceptada.');
    expect(await count()).toBe(before);
  });

  test('payments move the status: partly paid, then paid; more than is owed, a draft or a cancelled invoice take none', async () => {
    const invoice = await create(byHand(uniqueWord('FP-'), { issueDate: today }));
    expect(invoice.status).toBe('issued');
    const partly = expectOk<Invoice>(await agent.post(`/api/v1/invoices/${invoice.id}/payments`, { version: invoice.version, amount: 2100 }));
    expect(partly).toMatchObject({ status: 'partly_paid', paid: 2100 });
    expectProblem(await agent.post(`/api/v1/invoices/${invoice.id}/payments`, { version: partly.version, amount: 10_001 }), 400, 'validation_failed');
    const paid = expectOk<Invoice>(await agent.post(`/api/v1/invoices/${invoice.id}/payments`, { version: partly.version, amount: 10_000 }));
    expect(paid).toMatchObject({ status: 'paid', paid: 12_100 });
    const draft = await create(byHand(uniqueWord('FP-'), { status: 'draft' }));
    expectProblem(await agent.post(`/api/v1/invoices/${draft.id}/payments`, { version: draft.version, amount: 1 }), 409, 'invoice_not_payable');
    const cancelled = expectOk<Invoice>(await agent.patch(`/api/v1/invoices/${draft.id}`, { version: draft.version, status: 'cancelled' }));
    expect(cancelled.status).toBe('cancelled');
    expectProblem(await agent.post(`/api/v1/invoices/${draft.id}/payments`, { version: cancelled.version, amount: 1 }), 409, 'invoice_not_payable');
    expectProblem(await agent.patch(`/api/v1/invoices/${draft.id}`, { version: cancelled.version, status: 'issued' }), 400, 'validation_failed');
    expectProblem(await agent.post(`/api/v1/invoices/${invoice.id}/payments`, { version: 1, amount: 1 }), 412, 'stale_version');
  });

  test('bad input is refused, translated, and creates nothing: a number taken, a person, a due date before the issue, missing totals', async () => {
    const number = uniqueWord('FD-');
    await create(byHand(number));
    const person = await t.account(agent, { kind: 'person', firstName: 'Persona', lastName: uniqueWord('P') });
    const before = await count();
    expectProblem(await agent.post('/api/v1/invoices', byHand(` ${number.toLowerCase()} `)), 409, 'invoice_number_taken');
    expectProblem(await agent.post('/api/v1/invoices', byHand(uniqueWord('FD-'), { organizationId: person.id })), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/invoices', byHand(uniqueWord('FD-'), { issueDate: '2026-05-02', dueDate: '2026-05-01' })), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/invoices', { number: uniqueWord('FD-'), organizationId: customer.id }), 400, 'validation_failed');
    expectProblem(await agent.post('/api/v1/invoices', byHand(uniqueWord('FD-'), { net: -1 })), 400, 'validation_failed');
    expect(await count()).toBe(before);
  });

  test('invoiced this year on the accounts list: issued invoices of this year per currency, never summed across; drafts, cancelled and last year\'s left out', async () => {
    const organization = await t.account(agent, { kind: 'organization', name: uniqueWord('Contador ') });
    const hand = (extra: object) => create({ number: uniqueWord('FC-'), organizationId: organization.id, currency: 'EUR', net: 1000, tax: 210, issueDate: `${year}-01-15`, ...extra });
    const counter = async () => expectOk<ListResponse<AccountListItem>>(await agent.get(`/api/v1/accounts?q=${organization.name}&counters=invoicedThisYear`)).items[0]?.overview.invoicedThisYear;
    expect(await counter()).toEqual([]);
    const paid = await hand({});
    await agent.post(`/api/v1/invoices/${paid.id}/payments`, { version: paid.version, amount: 1210 });
    await hand({ net: 5000, tax: 0 });
    await hand({ currency: 'USD', net: 700, tax: 0 });
    await hand({ status: 'draft' });
    const cancelled = await hand({});
    await agent.patch(`/api/v1/invoices/${cancelled.id}`, { version: cancelled.version, status: 'cancelled' });
    await hand({ issueDate: `${Number(year) - 1}-12-31` });
    expect(await counter()).toEqual([{ currency: 'EUR', amount: 6210 }, { currency: 'USD', amount: 700 }]);
    expect(expectOk<Account>(await agent.get(`/api/v1/accounts/${organization.id}`)).overview.invoicedThisYear).toEqual([{ currency: 'EUR', amount: 6210 }, { currency: 'USD', amount: 700 }]);
  });
});
