import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { apiLogin } from './api';
import { admin, hasChromium, launchBrowser, login, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

// A 1×1 PNG, and a text file with bytes a lossy download would mangle.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const contract = Buffer.from('Contrato de mantenimiento — cláusula 1ª\r\n\u00e9\u00f1\u20ac\n', 'utf8');

describe.skipIf(!hasChromium)('documents, logo and the duplicate warning', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let accountUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const session = await apiLogin(server.baseUrl, admin.email, admin.password);
    const account = await session.call(accountSchema, 'POST', '/accounts', {
      kind: 'organization', name: 'Logística Norte S.L.', emails: ['pedidos@logisticanorte.es'],
    });
    accountUrl = `${server.baseUrl}/accounts/${account.id}`;
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads a document on an account and downloads the same bytes', async () => {
    const { page } = browser;
    await login(page, server.baseUrl, admin.email, admin.password);
    await page.goto(accountUrl);
    await page.getByRole('tab', { name: 'Documentos' }).click();
    await page.getByText('Todavía no hay documentos').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Subir documento' }).click();
    await (await chooser).setFiles({ name: 'contrato año.txt', mimeType: 'text/html', buffer: contract });
    const row = page.getByTestId('document-row');
    await row.getByText('contrato año.txt').waitFor();
    await expect(row.textContent()).resolves.toContain('text/plain');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Descargar contrato año.txt' }).or(page.getByRole('link', { name: 'Descargar contrato año.txt' })).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('contrato año.txt');
    const path = await file.path();
    expect(readFileSync(path).equals(contract)).toBe(true);

    // The overview counts it, and the history says who added it.
    await page.getByRole('tab', { name: 'Resumen' }).click();
    await expect(page.getByTestId('overview-counters').textContent()).resolves.toContain('1Documentos');
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByText('Documento añadido').waitFor();
  });

  it('sets a logo and shows it in the accounts list', async () => {
    const { page } = browser;
    await page.goto(accountUrl);
    await page.getByRole('button', { name: 'Subir logotipo' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Subir logotipo' }).click();
    await (await chooser).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Cambiar logotipo' }).waitFor();
    await page.getByRole('link', { name: 'Cuentas' }).first().click();
    const logo = page.getByRole('img', { name: 'Logotipo de Logística Norte S.L.' });
    await logo.waitFor();
    // The image really loaded (a broken one has no natural width).
    await expect(logo.evaluate((node) => (node instanceof HTMLImageElement ? node.naturalWidth : 0))).resolves.toBe(1);
  });

  it('warns about an existing account while typing its e-mail, and opens it', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/accounts/new?kind=organization`);
    await page.getByLabel('Nombre').fill('Logistica del Norte');
    await page.getByRole('textbox', { name: 'Correo electrónico 1' }).fill('PEDIDOS@logisticanorte.es');
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain('mismo correo');
    await warning.getByRole('link', { name: 'Abrir Logística Norte S.L.' }).click();
    await page.getByRole('heading', { name: 'Logística Norte S.L.' }).waitFor();
    expect(page.url()).toBe(accountUrl);
  });
});
