import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { mailSettingsSchema } from '@contract/emails';
import { invoiceSchema } from '@contract/invoices';
import { quoteSettingsSchema } from '@contract/quotes';
import { startSmtpSink, type SmtpSink } from '../server/test/smtp-sink';
import { apiLogin, type ApiSession } from './api';
import { admin, hasChromium, launchBrowser, login, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

describe.skipIf(!hasChromium)('an invoice delivered by e-mail with a tracking link, opened by the customer', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let customerBrowser: TestBrowser | undefined;
  let sink: SmtpSink;
  let api: ApiSession;
  let invoiceId = '';
  let number = '';

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startServer();
    browser = await launchBrowser();
    api = await apiLogin(server.baseUrl, admin.email, admin.password);
    await api.call(mailSettingsSchema, 'PUT', '/settings/mail', { version: 0, host: '127.0.0.1', port: sink.port, tlsMode: 'none', fromAddress: 'facturas@cartera.example', fromName: 'Facturación', ratePerMinute: 600 });
    const settings = await api.call(quoteSettingsSchema, 'GET', '/quote-settings');
    await api.call(quoteSettingsSchema, 'PUT', '/quote-settings', { version: settings.version, companyName: 'Instalaciones Peñalara S.L.', companyTaxId: 'B87654321' });
    // The company card says: e-mail with a tracking link, to its invoice e-mail.
    const customer = await api.call(accountSchema, 'POST', '/accounts', {
      kind: 'organization', name: 'Reformas Ñandú S.L.', emails: ['info@nandu.example'], invoiceDelivery: 'email_link', invoiceEmail: 'facturas@nandu.example', creditDays: 30,
    });
    const invoice = await api.call(invoiceSchema, 'POST', '/invoices', { number: 'FV-2026-0042', organizationId: customer.id, currency: 'EUR', net: 100_000, tax: 21_000, language: 'es' });
    invoiceId = invoice.id;
    number = invoice.number;
  });
  screenshotOnFailure(() => customerBrowser?.page ?? browser?.page);
  afterAll(async () => {
    await customerBrowser?.close();
    await browser?.close();
    await server?.stop();
    await sink?.close();
  });

  it('sends it from the invoice page, the customer opens the link on a phone, and the invoice page says it was opened', async () => {
    const { page } = browser;
    await login(page, server.baseUrl, admin.email, admin.password);
    await page.goto(`${server.baseUrl}/invoices/${invoiceId}`);
    await page.getByTestId('invoice-delivery-status').getByText('Todavía no se ha enviado.').waitFor();
    await page.getByTestId('invoice-deliver').click();
    const dialog = page.getByRole('dialog', { name: `Enviar la factura ${number}` });
    // As the card says: the tracking link, to the invoice e-mail.
    expect(await dialog.getByRole('radio', { name: 'Correo con enlace de seguimiento' }).isChecked()).toBe(true);
    await dialog.getByText('facturas@nandu.example').waitFor();
    await dialog.getByRole('button', { name: 'Enviar', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Factura en cola de envío.').waitFor();
    const status = page.getByTestId('invoice-delivery-status');
    await status.getByText(/Correo con enlace de seguimiento · .* · facturas@nandu\.example/).waitFor();
    await status.getByTestId('invoice-not-opened').waitFor();

    // The message reaches the SMTP server with the link, and no attachment.
    const [message] = await sink.waitFor(1, 30_000);
    const parsed = await PostalMime.parse(message?.raw ?? Buffer.alloc(0));
    expect(message?.to).toEqual(['facturas@nandu.example']);
    expect(parsed.subject).toBe(`Factura ${number} de Instalaciones Peñalara S.L.`);
    expect(parsed.attachments).toEqual([]);
    const link = /href="([^"]+\/i\/[A-Za-z0-9_-]+)"/.exec(parsed.html ?? '')?.[1];
    expect(link?.startsWith(server.baseUrl)).toBe(true);

    // A fresh browser, never signed in, in English and at phone width: the page speaks the invoice's Spanish.
    customerBrowser = await launchBrowser({ locale: 'en-GB', viewport: { width: 375, height: 740 } });
    const customer = customerBrowser.page;
    await customer.goto(link ?? '');
    await customer.getByRole('heading', { name: `Factura ${number}` }).waitFor();
    await customer.getByText('Reformas Ñandú S.L.').waitFor();
    expect(await customer.getByTestId('invoice-total').textContent()).toBe(new Intl.NumberFormat('es-ES', { style: 'currency', currency: 'EUR' }).format(1210));
    await customer.getByRole('link', { name: 'Descargar la factura en PDF' }).waitFor();
    expect(await customer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // Nothing of the CRM around it.
    expect(await customer.getByRole('navigation').count()).toBe(0);

    // Back in Cartera: the invoice says the customer opened it.
    await page.reload();
    await page.getByTestId('invoice-opened').getByText(/^Abierta por el cliente el /).waitFor();
    const opened = await api.call(invoiceSchema, 'GET', `/invoices/${invoiceId}`);
    expect(Date.now() - Date.parse(opened.openedAt ?? '')).toBeLessThan(120_000);
    // The invoice page fits a phone too.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.getByTestId('invoice-opened').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
