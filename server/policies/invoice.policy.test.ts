import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Invoice, InvoiceCard } from '@contract/invoices';
import type { Quote } from '@contract/quotes';
import { policyCells, portfolioClients, type PortfolioActor } from '@server/test/portfolio-actors';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

/**
 * Invoices as a table: actor × action. An invoice is visible exactly when its organization is
 * (the portfolio rule). Refused writes (delivering included) answer 404 and change nothing;
 * refused reads (its PDF, the company's overdue summary) are 404 or absent from lists and from the
 * invoiced-this-year counter.
 */
const actions = ['read', 'pdf', 'list contains', 'update', 'pay', 'deliver', 'overdue summary', 'create by hand', 'create from quote', 'export contains', 'counter'] as const;
type ActorName = PortfolioActor;

const cells = policyCells(actions);

let t: TestApp;
let admin: Client;
let client: (name: ActorName) => Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  client = await portfolioClients(t, admin);
});

afterAll(async () => t.close());

/** What a refused write must leave as it was: the organization's invoices, their rows, and the history. */
async function state(organizationId: string) {
  const rows = await t.db.selectFrom('invoices').select(['id', 'number', 'status', 'paid_amount', 'due_date', 'version', 'delivered_at', 'token_hash']).where('organization_id', '=', organizationId).orderBy('id').execute();
  const audit = await t.db.selectFrom('audit_log').select('id').where('account_id', '=', organizationId).execute();
  return { rows, audit: audit.length };
}

describe('invoice visibility policy', () => {
  test.each(cells)('$actor × $action → $expected', async ({ actor: actorName, action, expected }) => {
    const actor = client(actorName);
    const owner = client('owner agent');
    const word = uniqueWord('factura');
    const organization: Account = await t.account(admin, { name: `${word} SA`, ownerIds: [owner.user.id] });
    const invoice = expectOk<Invoice>(await admin.post('/api/v1/invoices', {
      number: word, organizationId: organization.id, currency: 'EUR', net: 1000, tax: 210,
    }), 201);
    const allowed = expected === 'allowed';
    const before = await state(organization.id);
    const url = `/api/v1/invoices/${invoice.id}`;
    const refusedWrite = async (response: Awaited<ReturnType<Client['get']>>) => {
      expectProblem(response, 404, 'not_found');
      expect(await state(organization.id)).toEqual(before);
    };

    switch (action) {
      case 'read': {
        const response = await actor.get(url);
        if (allowed) expect(expectOk<Invoice>(response).number).toBe(word);
        else expectProblem(response, 404, 'not_found');
        return;
      }
      case 'pdf': {
        const response = await actor.get(`${url}/pdf`);
        if (allowed) expect(response.headers['content-type']).toBe('application/pdf');
        else expectProblem(response, 404, 'not_found');
        return;
      }
      case 'overdue summary': {
        const response = await actor.get(`/api/v1/invoices/overdue-summary?organizationId=${organization.id}`);
        if (allowed) expect(expectOk<{ count: number }>(response).count).toBe(0);
        else expectProblem(response, 404, 'not_found');
        return;
      }
      case 'deliver': {
        // On paper: no mail server needed, the refusal is the policy's alone.
        const response = await actor.post(`${url}/deliver`, { version: invoice.version, method: 'paper' });
        if (allowed) expect(expectOk<Invoice>(response).delivered).toMatchObject({ via: 'paper' });
        else await refusedWrite(response);
        return;
      }
      case 'list contains': {
        const list = expectOk<ListResponse<InvoiceCard>>(await actor.get(`/api/v1/invoices?q=${word}`));
        expect(list.items.map((item) => item.id)).toEqual(allowed ? [invoice.id] : []);
        expect(list.total).toBe(allowed ? 1 : 0);
        expect(expectOk<ListResponse<InvoiceCard>>(await actor.get(`/api/v1/invoices?organizationId=${organization.id}`)).total).toBe(allowed ? 1 : 0);
        return;
      }
      case 'update': {
        const response = await actor.patch(url, { version: invoice.version, dueDate: '2099-01-01' });
        if (allowed) expect(expectOk<Invoice>(response).dueDate).toBe('2099-01-01');
        else await refusedWrite(response);
        return;
      }
      case 'pay': {
        const response = await actor.post(`${url}/payments`, { version: invoice.version, amount: 500 });
        if (allowed) expect(expectOk<Invoice>(response)).toMatchObject({ status: 'partly_paid', paid: 500 });
        else await refusedWrite(response);
        return;
      }
      case 'create by hand': {
        const response = await actor.post('/api/v1/invoices', { number: `${word}-2`, organizationId: organization.id, currency: 'EUR', net: 1, tax: 0 });
        if (allowed) expect(response.statusCode).toBe(201);
        else await refusedWrite(response);
        return;
      }
      case 'create from quote': {
        const draft = expectOk<Quote>(await admin.post('/api/v1/quotes', { accountId: organization.id, currency: 'EUR', lines: [{ description: 'Servicio', quantity: 1, unitPrice: 1000, taxRate: 21 }] }), 201);
        const sent = expectOk<Quote>(await admin.post(`/api/v1/quotes/${draft.id}/finalize`, { version: draft.version }));
        expectOk<Quote>(await admin.post(`/api/v1/quotes/${sent.id}/decision`, { version: sent.version, outcome: 'accepted', name: 'Rosa' }));
        const beforeQuote = await state(organization.id);
        const response = await actor.post('/api/v1/invoices', { number: `${word}-Q`, fromQuoteId: sent.id });
        if (allowed) expect(expectOk<Invoice>(response, 201).quoteId).toBe(sent.id);
        else {
          expectProblem(response, 404, 'not_found');
          expect(await state(organization.id)).toEqual(beforeQuote);
        }
        return;
      }
      case 'export contains': {
        const response = await actor.get(`/api/v1/exports/invoices?format=csv&q=${word}`);
        expect(response.statusCode).toBe(200);
        expect(response.body.includes(invoice.id)).toBe(allowed);
        return;
      }
      case 'counter': {
        const list = expectOk<ListResponse<AccountListItem>>(await actor.get(`/api/v1/accounts?q=${word}&counters=invoicedThisYear`));
        expect(list.items.map((item) => item.overview.invoicedThisYear)).toEqual(allowed ? [[{ currency: 'EUR', amount: 1210 }]] : []);
        return;
      }
    }
  });
});
