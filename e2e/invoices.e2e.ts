import { describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { invoiceListSchema } from '@contract/invoices';
import { quoteSchema, type Quote } from '@contract/quotes';
import { apiLogin, type ApiSession } from './api';
import { admin, adminSession, hasChromium, launchBrowser, login } from './harness';

// Money as the page shows it in Spanish.
const euros = (minor: number) => new Intl.NumberFormat('es', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }).format(minor / 100);

describe.skipIf(!hasChromium)('an invoice made from an accepted quote, paid in part, on the company and at phone width', () => {
  let api: ApiSession;
  let accountId = '';
  let quote: Quote;
  const app = adminSession({
    browser: { viewport: { width: 1280, height: 900 } },
    seed: async (server) => {
      api = await apiLogin(server.baseUrl, admin.email, admin.password);
      accountId = (await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Ferretería Ñandú SL', creditDays: 30, invoiceDelivery: 'paper' })).id;
      const draft = await api.call(quoteSchema, 'POST', '/quotes', { accountId, currency: 'EUR', lines: [{ description: 'Instalación eléctrica', quantity: 2, unitPrice: 5000, taxRate: 21 }] });
      const sent = await api.call(quoteSchema, 'POST', `/quotes/${draft.id}/finalize`, { version: draft.version });
      quote = await api.call(quoteSchema, 'POST', `/quotes/${sent.id}/decision`, { version: sent.version, outcome: 'accepted', name: 'Rosa Núñez' });
    },
  });

  it('creates the invoice from the accepted quote\'s page: its lines and total copied', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/quotes/${quote.id}`);
    await page.getByRole('button', { name: 'Crear factura' }).click();
    const dialog = page.getByRole('dialog', { name: 'Facturar esta cotización' });
    await dialog.getByRole('textbox', { name: /^Número/ }).fill('F-2026-0042');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { name: 'Factura F-2026-0042' }).waitFor();
    await expect(page.getByTestId('invoice-total').textContent()).resolves.toBe(euros(quote.total));
    await page.getByTestId('invoice-lines').getByText('Instalación eléctrica').waitFor();
    await expect(page.getByTestId('invoice-status').textContent()).resolves.toBe('Emitida');
  });

  it('records a payment of part of it: partly paid, the rest still owed', async () => {
    const { page } = app.browser;
    await page.getByRole('button', { name: 'Registrar cobro' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar un cobro' });
    await dialog.getByLabel(/Importe cobrado/).fill('21,00');
    await dialog.getByRole('button', { name: 'Registrar cobro' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('invoice-status').textContent()).toBe('Cobrada en parte');
    await expect(page.getByTestId('invoice-paid').textContent()).resolves.toBe(euros(2100));
    const list = await api.call(invoiceListSchema, 'GET', `/invoices?organizationId=${accountId}`);
    expect(list.items.map((item) => [item.number, item.paid, item.total, item.delivery])).toEqual([['F-2026-0042', 2100, quote.total, 'paper']]);
  });

  it('shows on the company: its invoices tab and the invoiced-this-year tile', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/accounts/${accountId}`);
    await page.getByTestId('overview-counters').getByText(euros(quote.total)).waitFor();
    await page.getByRole('tab', { name: 'Facturas' }).click();
    await page.getByTestId('organization-invoices').getByRole('link', { name: 'F-2026-0042' }).waitFor();
  });

  it('at 375 px the list and the invoice fit the phone', async () => {
    const phone = await launchBrowser({ viewport: { width: 375, height: 740 } });
    try {
      await login(phone.page, app.server.baseUrl, admin.email, admin.password);
      await phone.page.goto(`${app.server.baseUrl}/invoices`);
      await phone.page.getByTestId('invoices-cards').getByRole('link', { name: 'F-2026-0042' }).click();
      await phone.page.getByRole('heading', { name: 'Factura F-2026-0042' }).waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await phone.page.goto(`${app.server.baseUrl}/invoices`);
      await phone.page.getByTestId('invoices-cards').waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    } finally {
      await phone.close();
    }
  });
});
