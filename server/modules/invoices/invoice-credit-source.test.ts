import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AccountCredit } from '@contract/credit';
import type { Invoice } from '@contract/invoices';
import { addDays, nowIso } from '@server/lib/time';
import { checkAccounts } from '@server/modules/credit/credit-check.service';
import { accountsToCheck } from '@server/modules/credit/credit.repo';
import { registryRuntimeConfig } from '@server/modules/registry/registry-runtime';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, uniqueWord } from '@server/test/state';
import { invoiceSignalSource } from './invoice-credit-source';

let t: TestApp;
let agent: Client;

beforeAll(async () => {
  t = await testApp();
  agent = await t.user({ role: 'agent', scope: 'own' });
});

afterAll(async () => t.close());

const today = nowIso().slice(0, 10);
const daysAgo = (days: number) => addDays(`${today}T00:00:00.000Z`, -days).slice(0, 10);
const invoice = async (organizationId: string, body: object) =>
  expectOk<Invoice>(await agent.post('/api/v1/invoices', { number: uniqueWord('FR-'), organizationId, currency: 'EUR', net: 1000, tax: 210, ...body }), 201);
const credit = async (id: string) => expectOk<AccountCredit>(await agent.get(`/api/v1/accounts/${id}/credit`));
const check = async (ids: string[]) => checkAccounts(t.db, registryRuntimeConfig(), await accountsToCheck(t.db, ids), { sources: [invoiceSignalSource] });

describe('own:invoices credit signal', () => {
  test('overdue invoices raise overdue_invoices (per currency, high when the oldest is long overdue); paying them clears it; no invoices, no answer', async () => {
    const late = await t.account(agent, { name: uniqueWord('Morosa '), stage: 'customer' });
    const recent = await t.account(agent, { name: uniqueWord('Reciente '), stage: 'customer' });
    const none = await t.account(agent, { name: uniqueWord('Sin facturas '), stage: 'customer' });
    const old = await invoice(late.id, { issueDate: daysAgo(120), dueDate: daysAgo(90) });
    await invoice(late.id, { issueDate: daysAgo(40), dueDate: daysAgo(10), currency: 'USD', net: 700, tax: 0 });
    await invoice(late.id, { issueDate: daysAgo(40), dueDate: daysAgo(10), status: 'draft' });
    const soon = await invoice(recent.id, { issueDate: daysAgo(20), dueDate: daysAgo(5) });
    await invoice(recent.id, { issueDate: today, dueDate: addDays(`${today}T00:00:00.000Z`, 30).slice(0, 10) });

    expect(await check([late.id, recent.id, none.id])).toEqual({ checked: 3, changed: 2 });
    expect(await credit(late.id)).toMatchObject({
      riskLevel: 'high', signals: [{ code: 'overdue_invoices', source: 'own:invoices', severity: 'high', since: daysAgo(90), detail: '2 · EUR 12.10 · USD 7.00' }],
    });
    expect(await credit(recent.id)).toMatchObject({ riskLevel: 'medium', signals: [{ code: 'overdue_invoices', severity: 'medium', since: daysAgo(5), detail: '1 · EUR 12.10' }] });
    expect((await credit(none.id)).riskLevel).toBe('unknown');

    // A partial payment leaves the rest owed; paying it all clears the signal.
    const partly = expectOk<Invoice>(await agent.post(`/api/v1/invoices/${soon.id}/payments`, { version: soon.version, amount: 1000 }));
    await check([recent.id]);
    expect((await credit(recent.id)).signals).toMatchObject([{ detail: '1 · EUR 2.10' }]);
    expectOk<Invoice>(await agent.post(`/api/v1/invoices/${soon.id}/payments`, { version: partly.version, amount: 210 }));
    await check([recent.id]);
    expect(await credit(recent.id)).toMatchObject({ riskLevel: 'none', signals: [] });
    expect(old.status).toBe('overdue');
  });
});
