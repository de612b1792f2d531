import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Quote } from '@contract/quotes';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, uniqueWord } from '@server/test/state';

let t: TestApp;
let admin: Client;
let agent: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own', language: 'es' });
});

afterAll(async () => t.close());

const rowsOf = (body: string, delimiter: string): string[][] => z.array(z.array(z.string())).parse(parse(body.replace(/^\uFEFF/, ''), { delimiter }));

describe('quotes export', () => {
  test('the list as CSV: the filters and the portfolio of the list, amounts beside their currency, formulas neutralised', async () => {
    const word = uniqueWord('cotx');
    const mine = await t.account(agent, { name: `=HYPERLINK("x") ${word}` });
    const hidden = await t.account(admin, { name: `Oculta ${word}` });
    const line = { description: 'Servicio', quantity: 1, unitPrice: 10_000, taxRate: 21 };
    const eur = expectOk<Quote>(await agent.post('/api/v1/quotes', { accountId: mine.id, currency: 'EUR', lines: [line] }), 201);
    const usd = expectOk<Quote>(await agent.post('/api/v1/quotes', { accountId: mine.id, currency: 'USD', exchangeRate: '0.92', lines: [line] }), 201);
    expectOk<Quote>(await admin.post('/api/v1/quotes', { accountId: hidden.id, lines: [line] }), 201);

    const response = await agent.get(`/api/v1/exports/quotes?format=csv&separator=comma&q=${word}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/quotes-\d{4}-\d{2}-\d{2}\.csv/);
    const [heading, ...rows] = rowsOf(response.body, ',');
    expect(heading?.slice(0, 4)).toEqual(['Número', 'Revisión', 'Estado', 'Cliente']);
    expect(rows.map((row) => row.at(-1)).sort()).toEqual([eur.id, usd.id].sort());
    expect(rows.map((row) => row.slice(7, 11)).sort()).toEqual([['EUR', '100.00', '21.00', '121.00'], ['USD', '100.00', '21.00', '121.00']]);
    expect(rows.every((row) => row[3] === `'=HYPERLINK("x") ${word}`)).toBe(true);

    // The admin's file has the hidden account's quote; the filter on one currency keeps one row.
    expect((await admin.get(`/api/v1/exports/quotes?format=csv&q=${word}`)).body).toContain(`Oculta ${word}`);
    expect(rowsOf((await agent.get(`/api/v1/exports/quotes?format=csv&q=${word}&currency=USD`)).body, ';')).toHaveLength(2);
    const xlsx = await agent.get(`/api/v1/exports/quotes?format=xlsx&q=${word}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  test('a bad filter is a translated 400, not a 500', async () => {
    const response = await agent.request('GET', '/api/v1/exports/quotes?status=lost', undefined, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
  });
});
