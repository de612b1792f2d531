import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { startSmtpSink, type SmtpSink } from '../server/test/smtp-sink';
import { apiLogin, setUpSending, type ApiSession } from './api';
import { admin, choose, hasChromium, launchBrowser, login, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

const withAddress = [['Envíos Alfa SL', 'alfa@envios.example'], ['Envíos Beta SL', 'beta@envios.example']] as const;

describe.skipIf(!hasChromium)('send agreement from template to the accounts list\'s selection', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let sink: SmtpSink;
  let api: ApiSession;

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startServer();
    browser = await launchBrowser();
    api = await apiLogin(server.baseUrl, admin.email, admin.password);
    await setUpSending(api, sink.port);
    for (const [name, email] of withAddress) await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name, emails: [email] });
    await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Envíos Sin Correo SL' });
    await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Otra Empresa SA', emails: ['otra@otra.example'] });
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.close();
  });

  it('starts from the list\'s selection, follows the job in a notification, and opens the report', async () => {
    const { page } = browser;
    await login(page, server.baseUrl, admin.email, admin.password);
    await page.goto(`${server.baseUrl}/accounts?q=Envíos`);
    await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe('3 cuentas');
    await page.getByRole('checkbox', { name: 'Seleccionar las cuentas cargadas' }).check();
    const bar = page.getByTestId('bulk-bar');
    await bar.getByRole('button', { name: 'Acciones' }).click();
    await page.getByRole('menuitem', { name: 'Enviar acuerdo desde plantilla' }).click();

    const dialog = page.getByRole('dialog', { name: 'Enviar acuerdo desde plantilla' });
    await dialog.getByText('Se aplicará a 3 cuentas.').waitFor();
    // Nothing chosen yet: the form says what is missing and sends nothing.
    await dialog.getByRole('button', { name: 'Enviar acuerdos' }).click();
    await dialog.getByText('Este campo es obligatorio.').first().waitFor();
    await choose(page, 'Plantilla', 'Acuerdo general de cooperación');
    await dialog.getByLabel('Título').fill('Cooperación 2027');
    // The list's own "Tipo" filter is on the page too: the dialog's.
    await dialog.getByRole('combobox', { name: 'Tipo' }).click();
    await page.getByRole('option', { name: 'Acuerdo general de cooperación' }).click();
    await dialog.getByRole('button', { name: 'Enviar acuerdos' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The notification follows the job to its summary, and links to the report.
    await expect.poll(() => page.getByTestId('bulk-done').textContent(), { timeout: 30_000 }).toBe('Hecho. Enviados: 2 · Sin correo electrónico: 1 · Con error: 0');
    await page.getByTestId('bulk-report').click();
    await page.getByRole('heading', { name: 'Acuerdos enviados desde la lista de cuentas' }).waitFor();
    await expect(page.getByTestId('agreement-bulk-summary').textContent()).resolves.toBe('Enviados: 2 · Sin correo electrónico: 1 · Con error: 0');
    await expect.poll(() => page.getByTestId('agreement-bulk-row').count()).toBe(3);
    await page.locator('label', { hasText: 'Sin correo electrónico' }).click();
    await expect.poll(() => page.getByTestId('agreement-bulk-row').count()).toBe(1);
    await page.getByTestId('agreement-bulk-row').getByRole('link', { name: 'Envíos Sin Correo SL' }).waitFor();

    // Each company with an address got its agreement by e-mail, the PDF attached; the other company nothing.
    const messages = await sink.waitFor(2, 30_000);
    expect(messages.map((message) => message.to[0]).sort()).toEqual(withAddress.map(([, email]) => email).sort());
    const parsed = await PostalMime.parse(messages[0]?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe('Acuerdo con Instalaciones Peñalara S.L.: Cooperación 2027');
    expect(parsed.attachments.map((attachment) => attachment.mimeType)).toEqual(['application/pdf']);

    // From the report to the agreement itself.
    await page.locator('label', { hasText: 'Enviado' }).click();
    await page.getByTestId('agreement-bulk-row').first().getByRole('link', { name: 'Cooperación 2027' }).click();
    await expect.poll(() => page.getByTestId('agreement-status').first().textContent()).toBe('Enviado');
  });

  it('at phone width the dialog and the report fit the screen', async () => {
    const phone = await launchBrowser({ viewport: { width: 375, height: 740 } });
    try {
      const { page } = phone;
      await login(page, server.baseUrl, admin.email, admin.password);
      await page.goto(`${server.baseUrl}/accounts?q=Envíos`);
      await page.getByTestId('accounts-cards').waitFor();
      await page.getByRole('checkbox', { name: 'Seleccionar Envíos Alfa SL' }).check();
      await page.getByTestId('bulk-bar').getByRole('button', { name: 'Acciones' }).click();
      await page.getByRole('menuitem', { name: 'Enviar acuerdo desde plantilla' }).click();
      const dialog = page.getByRole('dialog', { name: 'Enviar acuerdo desde plantilla' });
      await dialog.getByLabel('Título').waitFor();
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await choose(page, 'Plantilla', 'Acuerdo general de cooperación');
      await dialog.getByLabel('Título').fill('Marco 375');
      await dialog.getByRole('button', { name: 'Enviar acuerdos' }).click();
      await expect.poll(() => page.getByTestId('bulk-done').textContent(), { timeout: 30_000 }).toBe('Hecho. Enviados: 1 · Sin correo electrónico: 0 · Con error: 0');
      await page.getByTestId('bulk-report').click();
      await expect.poll(() => page.getByTestId('agreement-bulk-row').count()).toBe(1);
      expect(await overflow()).toBeLessThanOrEqual(0);
    } finally {
      await phone.close();
    }
  });
});
