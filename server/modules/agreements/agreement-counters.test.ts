import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem } from '@contract/accounts';
import type { Agreement } from '@contract/agreements';
import type { ListResponse } from '@contract/common';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, uniqueWord } from '@server/test/state';

// The company list's unsigned-agreements counter (seed 003: "acuerdos sin firmar"): agreements sent
// and not signed by both, counted in the statement that reads the page, so it is exact whatever is
// being written meanwhile, and only on organizations the reader sees.

let t: TestApp;
let ana: Client;

beforeAll(async () => {
  t = await testApp();
  ana = await t.user({ role: 'agent', scope: 'own' });
});

afterAll(async () => t.close());

async function unsigned(word: string): Promise<number | undefined> {
  const list = expectOk<ListResponse<AccountListItem>>(await ana.get(`/api/v1/accounts?q=${word}&counters=unsignedAgreements`));
  return list.items[0]?.overview.unsignedAgreements;
}

const truth = async (organizationId: string) => Number((await t.db.selectFrom('agreements').select((eb) => eb.fn.countAll<number>().as('n'))
  .where('organization_id', '=', organizationId).where('status', 'in', ['sent', 'signed_by_customer']).executeTakeFirstOrThrow()).n);

describe('unsigned agreements', () => {
  test('count sent and customer-signed ones, not drafts, signed by both, expired or terminated; the company card says the same', async () => {
    const word = uniqueWord('Contador');
    const company: Account = await t.account(ana, { name: word });
    const statuses = ['draft', 'sent', 'sent', 'signed_by_customer', 'signed_by_both', 'expired', 'terminated'] as const;
    for (const status of statuses) {
      const agreement = expectOk<Agreement>(await ana.post('/api/v1/agreements', { organizationId: company.id, title: status }), 201);
      await t.db.updateTable('agreements').set({ status }).where('id', '=', agreement.id).execute();
    }
    expect(await unsigned(word)).toBe(3);
    expect(expectOk<Account>(await ana.get(`/api/v1/accounts/${company.id}`)).overview.unsignedAgreements).toBe(3);
  });

  test('stays exact under concurrent writes: signatures, countersignatures, terminations, withdrawals and new drafts at once', async () => {
    const word = uniqueWord('Concurrente');
    const company: Account = await t.account(ana, { name: word });
    const made = await Promise.all(Array.from({ length: 12 }, async (_, index) => expectOk<Agreement>(await ana.post('/api/v1/agreements', { organizationId: company.id, title: `A${index}` }), 201)));
    const sent = made.slice(0, 8);
    const customerSigned = made.slice(8);
    await t.db.updateTable('agreements').set({ status: 'sent' }).where('id', 'in', sent.map((agreement) => agreement.id)).execute();
    await t.db.updateTable('agreements').set({ status: 'signed_by_customer' }).where('id', 'in', customerSigned.map((agreement) => agreement.id)).execute();
    expect(await unsigned(word)).toBe(12);
    const move = (agreement: Agreement, body: object) => ana.post(`/api/v1/agreements/${agreement.id}/status`, { version: agreement.version, ...body });
    // At once: three countersigned (-3), two terminated (-2), one withdrawn to draft (-1), two signed by the customer (0), five new drafts (0).
    const writes = [
      ...customerSigned.slice(0, 3).map((agreement) => move(agreement, { status: 'signed_by_both' })),
      ...sent.slice(0, 2).map((agreement) => move(agreement, { status: 'terminated' })),
      ...sent.slice(2, 3).map((agreement) => move(agreement, { status: 'draft' })),
      ...sent.slice(3, 5).map((agreement) => move(agreement, { status: 'signed_by_customer', name: 'Cliente' })),
      ...Array.from({ length: 5 }, (_, index) => ana.post('/api/v1/agreements', { organizationId: company.id, title: `N${index}` })),
    ];
    const answers = await Promise.all(writes);
    expect(answers.map((answer) => answer.statusCode).filter((status) => status >= 300)).toEqual([]);
    expect(await truth(company.id)).toBe(6);
    expect(await unsigned(word)).toBe(6);
    // Reads interleaved with writes never see a count that was not true at some point: it only falls here.
    const remaining = sent.slice(5);
    const seen: number[] = [];
    await Promise.all([
      ...remaining.map((agreement) => move(agreement, { status: 'expired' })),
      ...Array.from({ length: 5 }, async () => { seen.push((await unsigned(word)) ?? -1); }),
    ]);
    expect(seen.every((count) => count >= 3 && count <= 6)).toBe(true);
    expect(await unsigned(word)).toBe(3);
    expect(await truth(company.id)).toBe(3);
  });
});
