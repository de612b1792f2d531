import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { quoteSettingsSchema } from '@contract/quotes';
import { apiLogin, type ApiSession } from './api';
import { admin, choose, hasChromium, launchBrowser, login, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

describe.skipIf(!hasChromium)('an agreement for a company: made, generated from a template, signed', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let api: ApiSession;
  let companyId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    api = await apiLogin(server.baseUrl, admin.email, admin.password);
    const settings = await api.call(quoteSettingsSchema, 'GET', '/quote-settings');
    await api.call(quoteSettingsSchema, 'PUT', '/quote-settings', { version: settings.version, companyName: 'Instalaciones Peñalara S.L.', companyTaxId: 'B87654321' });
    const company = await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Reformas Ñandú S.L.', emails: ['compras@nandu.example'], taxId: 'B12345674' });
    companyId = company.id;
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates the agreement from the company\'s tab and generates its PDF from a template', async () => {
    const { page } = browser;
    await login(page, server.baseUrl, admin.email, admin.password);
    await page.goto(`${server.baseUrl}/accounts/${companyId}?tab=agreements`);
    await page.getByTestId('related-agreements').getByRole('button', { name: 'Nuevo acuerdo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo acuerdo' });
    await dialog.getByLabel('Título').fill('Cooperación general 2027');
    await choose(page, 'Tipo', 'Acuerdo general de cooperación');
    await dialog.getByLabel('Referencia').fill('AC-2027-01');
    await dialog.getByLabel('Importe').fill('12000');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { name: 'Cooperación general 2027' }).waitFor();
    await expect(page.getByTestId('agreement-status').textContent()).resolves.toBe('Borrador');

    const documentBox = page.getByTestId('agreement-document');
    await choose(page, 'Plantilla', 'Acuerdo general de cooperación');
    await documentBox.getByRole('button', { name: 'Generar desde una plantilla' }).click();
    await documentBox.getByRole('link', { name: 'AC-2027-01.pdf' }).waitFor();
    await documentBox.getByText('Generado desde una plantilla').waitFor();
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByText('Documento del acuerdo generado').waitFor();
  });

  it('lists it with the list kit, and at 375 px the list and the agreement fit the phone', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Acuerdos' }).first().click();
    await page.getByTestId('agreements-table').getByRole('link', { name: 'Cooperación general 2027' }).waitFor();
    await page.getByTestId('agreements-total').getByText('1 acuerdo').waitFor();
    const phone = await launchBrowser({ viewport: { width: 375, height: 740 } });
    try {
      await login(phone.page, server.baseUrl, admin.email, admin.password);
      await phone.page.goto(`${server.baseUrl}/agreements`);
      await phone.page.getByTestId('agreements-cards').getByRole('link', { name: 'Cooperación general 2027' }).click();
      await phone.page.getByRole('heading', { name: 'Cooperación general 2027' }).waitFor();
      await phone.page.getByTestId('agreement-document').waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await phone.page.goto(`${server.baseUrl}/agreements`);
      await phone.page.getByTestId('agreements-cards').waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    } finally {
      await phone.close();
    }
  });
});
