import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { Invoice } from '@contract/invoices';
import type { Quote } from '@contract/quotes';
import { moneyText } from '@server/lib/pdf/pdf-render';
import { imagesOnPage, pdfPages, squashed } from '@server/test/pdf-text';
import { tinyPng } from '@server/test/multipart';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

let t: TestApp;
let admin: Client;
let agent: Client;
let customer: Account;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own', language: 'en' });
  const settings = expectOk<{ version: number }>(await admin.get('/api/v1/quote-settings'));
  expectOk(await admin.put('/api/v1/quote-settings', { version: settings.version, companyName: 'Instalaciones Peñalara S.L.', companyTaxId: 'B12345678', companyAddress: 'Calle Mayor 1, 28013 Madrid' }));
  expectOk(await admin.request('PUT', '/api/v1/quote-settings/logo', tinyPng, { 'content-type': 'image/png' }));
  customer = await t.account(agent, {
    name: uniqueWord('Construcciones Ñandú '), taxId: 'A58818501', creditDays: 30,
    addresses: { billing: { street: 'Avenida de Castilla 12', postalCode: '45001', city: 'Toledo', country: 'ES' } },
  });
});

afterAll(async () => t.close());

const pdf = async (invoice: Invoice, client = agent) => {
  const response = await client.get(`/api/v1/invoices/${invoice.id}/pdf`);
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  expect(response.headers['content-disposition']).toContain(`${invoice.number}.pdf`);
  return { text: (await pdfPages(response.rawPayload)).map(squashed).join(' '), bytes: response.rawPayload };
};

describe('invoice PDF', () => {
  test('from a Spanish quote: in Spanish, with our company and logo, the customer\'s billing address, the dates, the quote\'s lines, tax breakdown, totals, paid and due', async () => {
    const draft = expectOk<Quote>(await agent.post('/api/v1/quotes', {
      accountId: customer.id, language: 'es', currency: 'EUR',
      lines: [
        { kind: 'section', description: 'Electricidad — planta baja' },
        { description: 'Mano de obra', quantity: 2.5, unit: 'h', unitPrice: 4000, taxRate: 21 },
        { description: 'Material eléctrico', quantity: 1, unitPrice: 12_000, taxRate: 10 },
      ],
    }), 201);
    const sent = expectOk<Quote>(await agent.post(`/api/v1/quotes/${draft.id}/finalize`, { version: draft.version }));
    const accepted = expectOk<Quote>(await agent.post(`/api/v1/quotes/${sent.id}/decision`, { version: sent.version, outcome: 'accepted', name: 'Rosa Núñez' }));
    const invoice = expectOk<Invoice>(await agent.post('/api/v1/invoices', { number: uniqueWord('F-2026-'), fromQuoteId: accepted.id, issueDate: '2026-03-10', notes: 'Transferencia a ES12 3456.' }), 201);
    expect(invoice.language).toBe('es');
    const paid = expectOk<Invoice>(await agent.post(`/api/v1/invoices/${invoice.id}/payments`, { version: invoice.version, amount: 10_000 }));
    const { text, bytes } = await pdf(paid);
    for (const expected of [
      'Instalaciones Peñalara S.L.', 'B12345678', 'FACTURA', invoice.number, accepted.number ?? 'x', '10 mar 2026', '9 abr 2026', customer.name, 'A58818501',
      'Avenida de Castilla 12', '45001 Toledo', 'Electricidad — planta baja', 'Mano de obra', 'Material eléctrico', 'Desglose de impuestos',
      'Cobrado', 'Pendiente de pago', 'Transferencia a ES12 3456.', 'Página 1 de 1',
    ]) expect(text).toContain(squashed(expected));
    for (const amount of [invoice.net, invoice.tax, invoice.total, 10_000, invoice.total - 10_000, 2100, 1200]) expect(text).toContain(squashed(moneyText(amount, 'EUR', 'es')));
    expect(await imagesOnPage(bytes, 1)).toBe(1);
  });

  test('by hand in English (the author\'s language): no lines table, its totals, no amount paid', async () => {
    const invoice = expectOk<Invoice>(await agent.post('/api/v1/invoices', { number: uniqueWord('INV-'), organizationId: customer.id, currency: 'USD', net: 50_000, tax: 10_500, issueDate: '2026-05-02' }), 201);
    expect(invoice.language).toBe('en');
    const { text } = await pdf(invoice);
    for (const expected of ['INVOICE', 'Due date', '2 May 2026', '1 Jun 2026', 'Net total', moneyText(60_500, 'USD', 'en')]) expect(text).toContain(squashed(expected));
    for (const absent of ['Description', 'Tax breakdown', 'Amount due', 'FACTURA']) expect(text).not.toContain(squashed(absent));
  });

  test('the language is the invoice\'s: changed to Spanish, the same invoice prints in Spanish; a draft says so', async () => {
    const invoice = expectOk<Invoice>(await agent.post('/api/v1/invoices', { number: uniqueWord('INV-'), organizationId: customer.id, currency: 'EUR', net: 100, tax: 21, status: 'draft' }), 201);
    const spanish = expectOk<Invoice>(await agent.patch(`/api/v1/invoices/${invoice.id}`, { version: invoice.version, language: 'es' }));
    expect(spanish.language).toBe('es');
    const { text } = await pdf(spanish);
    expect(text).toContain(squashed('FACTURA'));
    expect(text).toContain(squashed('Estado Borrador'));
  });

  test('refused to anyone who does not see the company; a bad id is a translated 4xx', async () => {
    const invoice = expectOk<Invoice>(await agent.post('/api/v1/invoices', { number: uniqueWord('INV-'), organizationId: customer.id, currency: 'EUR', net: 100, tax: 21 }), 201);
    const stranger = await t.user({ role: 'agent', scope: 'own' });
    expectProblem(await stranger.get(`/api/v1/invoices/${invoice.id}/pdf`), 404, 'not_found');
    expectProblem(await agent.get('/api/v1/invoices/not-an-id/pdf'), 400, 'validation_failed');
    expect((await pdf(invoice, admin)).text).toContain(squashed(invoice.number));
  });
});
