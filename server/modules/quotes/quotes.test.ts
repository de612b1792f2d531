import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Opportunity } from '@contract/opportunities';
import type { Product } from '@contract/products';
import type { Quote, QuoteCard, QuoteLineInput, QuoteTotals } from '@contract/quotes';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';
import { quoteMoney } from './quote-totals';

let t: TestApp;
let admin: Client;
let agent: Client;
let customer: Account;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own', language: 'es' });
  customer = await t.account(agent, { name: uniqueWord('Constructora ') });
});

afterAll(async () => t.close());

const create = async (body: object, client = agent) => expectOk<Quote>(await client.post('/api/v1/quotes', { accountId: customer.id, ...body }), 201);
const finalize = async (quote: Quote, client = agent) => expectOk<Quote>(await client.post(`/api/v1/quotes/${quote.id}/finalize`, { version: quote.version }));
const quoteCount = async () => Number((await t.db.selectFrom('quotes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** Three lines, a discount and two tax rates: 2.5 h × 40.00 (18%), 3 × 19.99 with 10% off (18%), 1 × 120.00 less 15.00 (exempt). */
const threeLines: QuoteLineInput[] = [
  { kind: 'section', description: 'Instalación' },
  { description: 'Mano de obra', quantity: 2.5, unit: 'hour', unitPrice: 4000, taxRate: 18 },
  { description: 'Enchufe doble', quantity: 3, unitPrice: 1999, discountPercent: 10, taxRate: 18 },
  { kind: 'note', description: 'Material según catálogo' },
  { description: 'Certificado', quantity: 1, unitPrice: 12_000, discountAmount: 1500, taxRate: 0 },
];

describe('quotes', () => {
  test('a draft with three lines, a discount and two tax rates: totals per line, then summed, with a breakdown per rate', async () => {
    const quote = await create({ lines: threeLines, currency: 'EUR' });
    // 10000 + (5997 − 600 = 5397) = 15397 at 18% → 1800 + 971.46→971; 12000 − 1500 = 10500 exempt.
    expect(quote.lines.map((line) => [line.kind, line.net, line.tax])).toEqual([
      ['section', 0, 0], ['item', 10_000, 1800], ['item', 5397, 971], ['note', 0, 0], ['item', 10_500, 0],
    ]);
    expect(quote).toMatchObject({ status: 'draft', number: null, netTotal: 25_897, taxTotal: 2771, total: 28_668, currency: 'EUR', exchangeRate: null, language: 'es' });
    expect(quote.taxes).toEqual([{ rate: 0, base: 10_500, tax: 0 }, { rate: 18, base: 15_397, tax: 2771 }]);
    // Valid for the settings' 30 days from its issue date.
    expect(Date.parse(quote.validUntil) - Date.parse(quote.issueDate)).toBe(30 * 86_400_000);
    const preview = expectOk<QuoteTotals>(await agent.post('/api/v1/quotes/totals', { currency: 'EUR', lines: threeLines }));
    expect(preview).toMatchObject({ netTotal: 25_897, taxTotal: 2771, total: 28_668 });
  });

  test('random lines through the API: the stored totals are the rule\'s on this database', async () => {
    const line = fc.record({
      description: fc.constantFrom('Árbol', 'Servicio', 'Ítem largo'), quantity: fc.integer({ min: 1, max: 100_000 }).map((milli) => milli / 1000),
      unitPrice: fc.integer({ min: 0, max: 5_000_000 }), taxRate: fc.constantFrom(0, 4, 10, 10.5, 18, 21), discountPercent: fc.option(fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100)),
    });
    for (const lines of fc.sample(fc.array(line, { minLength: 1, maxLength: 30 }), 8)) {
      const quote = await create({ lines });
      const expected = quoteMoney(lines.map((l) => ({
        kind: 'item', quantityMilli: Math.round(l.quantity * 1000), unitPrice: l.unitPrice, taxBp: Math.round(l.taxRate * 100),
        discountBp: l.discountPercent === null ? null : Math.round(l.discountPercent * 100), discountAmount: null,
      })));
      const stored = await t.db.selectFrom('quotes').select(['net_total', 'tax_total', 'total']).where('id', '=', quote.id).executeTakeFirstOrThrow();
      expect([Number(stored.net_total), Number(stored.tax_total), Number(stored.total)]).toEqual([expected.netTotal, expected.taxTotal, expected.total]);
      expect(quote.taxes.map((bucket) => bucket.tax)).toEqual(expected.taxes.map((bucket) => bucket.tax));
    }
  });

  test('a catalog line takes the product\'s price and tax rate; bad input is refused field by field and creates nothing', async () => {
    const igv = expectOk<{ items: Array<{ id: string; key: string }> }>(await agent.get('/api/v1/tax-rates')).items.find((rate) => rate.key === 'pe_igv');
    const product = expectOk<Product>(await admin.post('/api/v1/products', { code: uniqueWord('Q-'), name: 'Cable', kind: 'product', unit: 'm', price: 250, currency: 'EUR', taxRateId: igv?.id }), 201);
    const quote = await create({ lines: [{ productId: product.id, description: 'Cable', quantity: 10 }] });
    expect(quote.lines[0]).toMatchObject({ unitPrice: 250, taxRate: 18, net: 2500, tax: 450 });

    const opportunityElsewhere = expectOk<Opportunity>(await agent.post('/api/v1/opportunities', {
      organizationId: (await t.account(agent, { name: uniqueWord('Otra ') })).id, name: 'Otra', currency: 'EUR', expectedCloseOn: '2027-01-01',
    }), 201);
    const before = await quoteCount();
    const item = { description: 'X', quantity: 1, unitPrice: 100, taxRate: 21 };
    const cases: Array<[object, string, string]> = [
      [{ lines: [{ ...item, discountPercent: 5, discountAmount: 5 }] }, 'lines.0.discountAmount', 'one_of'],
      [{ lines: [{ ...item, discountAmount: 101 }] }, 'lines.0.discountAmount', 'discount_too_large'],
      [{ lines: [{ ...item, quantity: 1.0001 }] }, 'lines.0.quantity', 'too_many_decimals'],
      [{ lines: [{ ...item, taxRate: 18.123 }] }, 'lines.0.taxRate', 'too_many_decimals'],
      [{ lines: [{ ...item, unitPrice: 1.5 }] }, 'lines.0.unitPrice', 'invalid_type'],
      [{ lines: [{ description: 'Sin precio', quantity: 1 }] }, 'lines.0.unitPrice', 'required'],
      [{ lines: [{ ...item, productId: '00000000-0000-7000-8000-000000000999' }] }, 'lines.0.productId', 'unknown_product'],
      [{ currency: 'USD' }, 'exchangeRate', 'exchange_rate_required'],
      [{ currency: 'USD', exchangeRate: '0' }, 'exchangeRate', 'too_small'],
      [{ issueDate: '2027-02-01', validUntil: '2027-01-01' }, 'validUntil', 'end_before_start'],
      [{ opportunityId: opportunityElsewhere.id }, 'opportunityId', 'not_of_account'],
    ];
    for (const [body, field, code] of cases) {
      const problem = expectProblem(await agent.post('/api/v1/quotes', { accountId: customer.id, ...body }), 400, 'validation_failed');
      expect(problem.errors, JSON.stringify(body)).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(await quoteCount()).toBe(before);
    const dollars = await create({ currency: 'USD', exchangeRate: '0.9234' });
    expect(dollars).toMatchObject({ currency: 'USD', exchangeRate: '0.9234', baseCurrency: 'EUR' });
  });

  test('numbers are given when first marked final, in this year\'s series; a numbered quote no longer changes', async () => {
    const quote = await create({ lines: threeLines });
    const sent = await finalize(quote);
    expect(sent.number).toMatch(new RegExp(`^COT-${new Date().getUTCFullYear()}-\\d{4}$`));
    expect(sent.status).toBe('sent');
    expectProblem(await agent.put(`/api/v1/quotes/${quote.id}/lines`, { version: sent.version, lines: [] }), 409, 'quote_not_draft');
    expectProblem(await agent.patch(`/api/v1/quotes/${quote.id}`, { version: sent.version, notes: 'x' }), 409, 'quote_not_draft');
    expect(expectOk<Quote>(await agent.get(`/api/v1/quotes/${quote.id}`)).lines).toHaveLength(5);
    // The admin's prefix applies to numbers given from now on.
    const settings = expectOk<{ version: number }>(await admin.get('/api/v1/quote-settings'));
    expectOk(await admin.put('/api/v1/quote-settings', { version: settings.version, numberPrefix: 'PRE' }));
    expect((await finalize(await create({}))).number).toMatch(/^PRE-\d{4}-\d{4}$/);
    const again = expectOk<{ version: number }>(await admin.get('/api/v1/quote-settings'));
    expectOk(await admin.put('/api/v1/quote-settings', { version: again.version, numberPrefix: 'COT' }));
    expectProblem(await agent.put('/api/v1/quote-settings', { version: again.version + 1, numberPrefix: 'X' }), 403, 'forbidden');
  });

  test('quotes finalized at the same moment get consecutive numbers, none twice and none skipped', async () => {
    const drafts = await Promise.all(Array.from({ length: 12 }, () => create({})));
    const results = await Promise.all(drafts.map((draft) => agent.post(`/api/v1/quotes/${draft.id}/finalize`, { version: draft.version })));
    expect(results.map((response) => response.statusCode)).toEqual(drafts.map(() => 200));
    const numbers = results.map((response) => Number(response.json<Quote>().number?.slice(-4))).sort((a, b) => a - b);
    const first = numbers[0] ?? 0;
    expect(numbers).toEqual(numbers.map((_, index) => first + index));
    const series = await t.db.selectFrom('quote_series').select('last_number').where('year', '=', new Date().getUTCFullYear()).executeTakeFirstOrThrow();
    expect(series.last_number).toBe(numbers[numbers.length - 1]);
  });

  test('a new revision copies the sent quote into an -R2 draft, supersedes it, and the lineage says what changed', async () => {
    const sent = await finalize(await create({ lines: threeLines }));
    const draft = expectOk<Quote>(await agent.post(`/api/v1/quotes/${sent.id}/revise`, { version: sent.version }), 201);
    expect(draft).toMatchObject({ number: `${sent.number}-R2`, revision: 2, status: 'draft', total: sent.total });
    expect(draft.lines.map((line) => line.description)).toEqual(sent.lines.map((line) => line.description));
    expect(expectOk<Quote>(await agent.get(`/api/v1/quotes/${sent.id}`)).status).toBe('superseded');
    expectProblem(await agent.post(`/api/v1/quotes/${sent.id}/revise`, { version: sent.version + 1 }), 409, 'quote_not_open');

    const lines = [...threeLines.slice(0, 2), { ...threeLines[2], quantity: 5 }, { description: 'Visita técnica', quantity: 1, unitPrice: 5000, taxRate: 21 }];
    const edited = expectOk<Quote>(await agent.put(`/api/v1/quotes/${draft.id}/lines`, { version: draft.version, lines }));
    const second = await finalize(edited);
    expect(second.number).toBe(`${sent.number}-R2`);
    expect(second.lineage.map((revision) => [revision.number, revision.status])).toEqual([[sent.number, 'superseded'], [`${sent.number}-R2`, 'sent']]);
    expect(second.lineage[1]?.changes).toMatchObject({ linesAdded: 1, linesRemoved: 2, linesChanged: 1, totalBefore: sent.total });
    const third = expectOk<Quote>(await agent.post(`/api/v1/quotes/${second.id}/revise`, { version: second.version }), 201);
    expect(third.number).toBe(`${sent.number}-R3`);
  });

  test('accepting a quote wins its opportunity, tells its owner in the bell and writes the timelines; an expired one cannot be accepted', async () => {
    const opportunity = expectOk<Opportunity>(await agent.post('/api/v1/opportunities', { organizationId: customer.id, name: 'Reforma', currency: 'EUR', expectedCloseOn: '2027-01-01' }), 201);
    const sent = await finalize(await create({ opportunityId: opportunity.id, lines: threeLines }));
    const accepted = expectOk<Quote>(await admin.post(`/api/v1/quotes/${sent.id}/decision`, { version: sent.version, outcome: 'accepted', name: 'Rosa Núñez' }));
    expect(accepted).toMatchObject({ status: 'accepted', decision: { name: 'Rosa Núñez', reason: null } });
    expect(expectOk<Opportunity>(await agent.get(`/api/v1/opportunities/${opportunity.id}`))).toMatchObject({ stage: 'won', status: 'won' });
    const bell = expectOk<{ items: Array<{ kind: string; params: Record<string, unknown> }> }>(await agent.get('/api/v1/notifications'));
    expect(bell.items).toContainEqual(expect.objectContaining({ kind: 'quote_accepted', params: expect.objectContaining({ number: sent.number, name: 'Rosa Núñez' }) }));
    const timeline = expectOk<ListResponse<{ entity: string; action: string }>>(await agent.get(`/api/v1/accounts/${customer.id}/timeline?limit=200`));
    expect(timeline.items.map((entry) => `${entry.entity}:${entry.action}`)).toEqual(expect.arrayContaining(['quote:quote_accepted', 'quote:quote_sent', 'opportunity:opportunity_updated']));
    expectProblem(await admin.post(`/api/v1/quotes/${sent.id}/decision`, { version: accepted.version, outcome: 'declined', name: 'X' }), 409, 'quote_not_open');

    const old = await finalize(await create({ issueDate: '2020-01-01', validUntil: '2020-01-31' }));
    expect(old.status).toBe('expired');
    expectProblem(await agent.post(`/api/v1/quotes/${old.id}/decision`, { version: old.version, outcome: 'accepted', name: 'Tarde' }), 409, 'quote_expired');
    expect(expectOk<Quote>(await agent.get(`/api/v1/quotes/${old.id}`)).status).toBe('expired');
  });

  test('the list filters by status, account, number and amount, newest issue date first', async () => {
    const other = await t.account(agent, { name: uniqueWord('Filtro ') });
    const a = expectOk<Quote>(await agent.post('/api/v1/quotes', { accountId: other.id, issueDate: '2026-03-01', lines: [{ description: 'A', quantity: 1, unitPrice: 1000, taxRate: 0 }] }), 201);
    const b = await finalize(expectOk<Quote>(await agent.post('/api/v1/quotes', { accountId: other.id, issueDate: '2026-04-01', validUntil: '2099-01-01', lines: [{ description: 'B', quantity: 1, unitPrice: 5000, taxRate: 0 }] }), 201));
    const list = async (query: string) => expectOk<ListResponse<QuoteCard>>(await agent.get(`/api/v1/quotes?accountId=${other.id}&${query}`)).items.map((item) => item.id);
    expect(await list('')).toEqual([b.id, a.id]);
    expect(await list('status=draft')).toEqual([a.id]);
    expect(await list('status=sent')).toEqual([b.id]);
    expect(await list('currency=EUR&totalMin=2000')).toEqual([b.id]);
    expect(await list('issuedTo=2026-03-15')).toEqual([a.id]);
    expect(await list(`q=${b.number ?? ''}`)).toEqual([b.id]);
    expect(await list(`ownerId=${admin.user.id}`)).toEqual([]);
  });
});
