import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Quote, QuoteLineInput } from '@contract/quotes';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, uniqueWord } from '@server/test/state';
import { nextSeriesNumber } from './quotes.repo';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
});
afterAll(async () => t.close());

const line: QuoteLineInput = { description: 'Servicio', quantity: 1, unitPrice: 10_000, taxRate: 21 };
const numberOf = (quote: Quote) => Number(quote.number?.slice(-4));

async function finalQuote(accountId: string): Promise<Quote> {
  const draft = expectOk<Quote>(await admin.post('/api/v1/quotes', { accountId, lines: [line] }), 201);
  return expectOk<Quote>(await admin.post(`/api/v1/quotes/${draft.id}/finalize`, { version: draft.version }));
}

describe('quote numbering', () => {
  test('each year has a series of its own from 1; a rolled-back transaction gives its number back', async () => {
    const take = (year: number) => t.db.transaction().execute((trx) => nextSeriesNumber(trx, year));
    expect([await take(2031), await take(2031), await take(2032), await take(2031)]).toEqual([1, 2, 1, 3]);
    await expect(t.db.transaction().execute(async (trx) => {
      expect(await nextSeriesNumber(trx, 2031)).toBe(4);
      throw new Error('the send failed after the number was taken');
    })).rejects.toThrow('the send failed');
    expect(await take(2031)).toBe(4);
  });

  test('a number is never given again, even once its quote is gone with its purged account', async () => {
    const doomed = await t.account(admin, { name: uniqueWord('Efímera ') });
    const gone = await finalQuote(doomed.id);
    expect((await admin.delete(`/api/v1/accounts/${doomed.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/bin/accounts/${doomed.id}`)).statusCode).toBe(204);
    expect(await t.db.selectFrom('quotes').select('id').where('id', '=', gone.id).execute()).toEqual([]);
    const next = await finalQuote((await t.account(admin, { name: uniqueWord('Estable ') })).id);
    expect(numberOf(next)).toBe(numberOf(gone) + 1);
  });

  test('a revision keeps its root\'s number with -R2 and takes none of the series; the lineage names the fields it changed', async () => {
    const account = await t.account(admin, { name: uniqueWord('Revisada ') });
    const first = await finalQuote(account.id);
    const draft = expectOk<Quote>(await admin.post(`/api/v1/quotes/${first.id}/revise`, { version: first.version }), 201);
    const edited = expectOk<Quote>(await admin.patch(`/api/v1/quotes/${draft.id}`, { version: draft.version, notes: 'Plazo de entrega: dos semanas', paymentTerms: 'Transferencia a 30 días' }));
    const second = expectOk<Quote>(await admin.post(`/api/v1/quotes/${draft.id}/finalize`, { version: edited.version }));
    expect(second.number).toBe(`${first.number ?? ''}-R2`);
    expect(second.lineage.map((revision) => [revision.revision, revision.status])).toEqual([[1, 'superseded'], [2, 'sent']]);
    expect(second.lineage[0]?.changes).toBeNull();
    expect(second.lineage[1]?.changes).toMatchObject({ linesAdded: 0, linesRemoved: 0, linesChanged: 0, totalBefore: first.total });
    // Issued the same day as its root, so the dates are the same: only what the user changed is named.
    expect(second.lineage[1]?.changes?.fields).toEqual(['paymentTerms', 'notes']);
    // The revision took no number of the series: the next quote is the root's plus one.
    expect(numberOf(await finalQuote(account.id))).toBe(numberOf(first) + 1);
  });
});
