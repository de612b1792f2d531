import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Quote, QuoteLineInput } from '@contract/quotes';
import { imagesOnPage, pdfPages, squashed } from '@server/test/pdf-text';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';
import { tinyPng } from '@server/test/multipart';
import { moneyText } from '@server/lib/pdf/pdf-render';

let t: TestApp;
let admin: Client;
let agent: Client;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own' });
  const settings = expectOk<{ version: number }>(await admin.get('/api/v1/quote-settings'));
  expectOk(await admin.put('/api/v1/quote-settings', {
    version: settings.version, companyName: 'Instalaciones Peñalara S.L.', companyTaxId: 'B12345678', companyAddress: 'Calle Mayor 1, 28013 Madrid', termsEs: 'Precios válidos salvo error tipográfico.', termsEn: 'Prices valid barring typographical errors.',
  }));
  expectOk(await admin.request('PUT', '/api/v1/quote-settings/logo', tinyPng, { 'content-type': 'image/png' }));
});

afterAll(async () => t.close());

const pdf = async (quote: Quote, client = agent) => {
  const response = await client.get(`/api/v1/quotes/${quote.id}/pdf`);
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  return (await pdfPages(response.rawPayload)).map(squashed);
};

const lines: QuoteLineInput[] = [
  { kind: 'section', description: 'Electricidad — planta baja' },
  { description: 'Instalación de línea trifásica con protección diferencial y magnetotérmica, según REBT ITC-BT-25 (incluye pequeño material)', quantity: 2.5, unit: 'h', unitPrice: 4000, taxRate: 21 },
  { description: 'Enchufe Schuko doble con toma USB', quantity: 3, unitPrice: 1999, discountPercent: 10, taxRate: 10 },
  { kind: 'note', description: 'Señalización añadida por el técnico' },
];

describe('quote PDF', () => {
  test('in Spanish: company with its tax id, customer with billing address, number, dates, lines with sections, tax breakdown, totals and terms', async () => {
    const customer = await t.account(agent, {
      name: 'Construcciones Ñandú y Asociados de la Comunidad Autónoma de Castilla-La Mancha S.A.', taxId: 'A58818501',
      addresses: { billing: { street: 'Avenida de Castilla 12', postalCode: '45001', city: 'Toledo', country: 'ES' } },
    });
    const draft = expectOk<Quote>(await agent.post('/api/v1/quotes', { accountId: customer.id, language: 'es', lines }), 201);
    const sent = expectOk<Quote>(await agent.post(`/api/v1/quotes/${draft.id}/finalize`, { version: draft.version }));
    const text = (await pdf(sent)).join(' ');
    for (const expected of [
      'Instalaciones Peñalara S.L.', 'B12345678', 'COTIZACIÓN', sent.number ?? 'x', 'Construcciones Ñandú', 'A58818501', 'Avenida de Castilla 12', '45001 Toledo',
      'Electricidad — planta baja', 'Señalización añadida', 'Desglose de impuestos', 'Precios válidos salvo error tipográfico.', 'Página 1 de 1',
    ]) expect(text).toContain(squashed(expected));
    // The totals read back are the quote's.
    for (const amount of [sent.netTotal, sent.taxTotal, sent.total, ...sent.taxes.map((bucket) => bucket.tax)]) expect(text).toContain(squashed(moneyText(amount, 'EUR', 'es')));
    expect(squashed(moneyText(sent.total, 'EUR', 'es'))).toBe('180,37€');
    // The company's logo is drawn at the top of the first page.
    const response = await agent.get(`/api/v1/quotes/${sent.id}/pdf`);
    expect(await imagesOnPage(response.rawPayload, 1)).toBe(1);
  });

  test('in English for an English quote, with the exchange rate it was written with', async () => {
    const customer = await t.account(agent, { name: uniqueWord('Harbour ') });
    const quote = expectOk<Quote>(await agent.post('/api/v1/quotes', { accountId: customer.id, language: 'en', currency: 'USD', exchangeRate: '0.9234', lines }), 201);
    const text = (await pdf(quote)).join(' ');
    for (const expected of ['QUOTE', 'Draft', 'Tax breakdown', 'Net total', '1 USD = 0.9234 EUR', 'Prices valid barring typographical errors.', moneyText(quote.total, 'USD', 'en')]) expect(text).toContain(squashed(expected));
  });

  test('a 200-line quote paginates: the table heading on every page, every line once, the totals at the end', async () => {
    const customer = await t.account(agent, { name: uniqueWord('Grande ') });
    const many: QuoteLineInput[] = Array.from({ length: 200 }, (_, index) => (index % 25 === 0
      ? { kind: 'section', description: `Sección ${index / 25 + 1}` }
      : { description: `Artículo número ${index} con descripción larga que ocupa más de una línea en la tabla del PDF para comprobar el salto`, quantity: 1, unitPrice: 1000 + index, taxRate: 21 }));
    const quote = expectOk<Quote>(await agent.post('/api/v1/quotes', { accountId: customer.id, language: 'es', lines: many }), 201);
    const pages = await pdf(quote);
    expect(pages.length).toBeGreaterThan(4);
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).toContain('Descripción');
      expect(page).toContain(squashed(`Página ${index + 1} de ${pages.length}`));
    });
    const all = pages.join(' ');
    for (const index of [1, 99, 199]) expect(all.split(squashed(`Artículo número ${index} con`)).length - 1).toBe(1);
    expect(pages[pages.length - 1]).toContain(squashed(moneyText(quote.total, 'EUR', 'es')));
  });

  test('refused to anyone who does not see the account', async () => {
    const customer = await t.account(agent, { name: uniqueWord('Privada ') });
    const quote = expectOk<Quote>(await agent.post('/api/v1/quotes', { accountId: customer.id, lines }), 201);
    const stranger = await t.user({ role: 'agent', scope: 'own' });
    expectProblem(await stranger.get(`/api/v1/quotes/${quote.id}/pdf`), 404, 'not_found');
  });
});
