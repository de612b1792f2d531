import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { apiLogin, type ApiSession } from './api';
import { admin, choose, hasChromium, launchBrowser, login, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

describe.skipIf(!hasChromium)('configurable lists and tags, from the browser', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let api: ApiSession;
  const accountIds: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    api = await apiLogin(server.baseUrl, admin.email, admin.password);
    for (const [name, email] of [['Ferretería Sol', 'sol@example.com'], ['=Fórmulas SL', 'formulas@example.com'], ['Sin Etiqueta SA', 'no@example.com']] as const) {
      accountIds[name] = (await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name, emails: [email] })).id;
    }
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an admin adds a characteristic to the list and it is offered on an account', async () => {
    const { page } = browser;
    await login(page, server.baseUrl, admin.email, admin.password);
    await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Listas' }).click();
    await choose(page, 'Lista', 'Características');
    await page.getByRole('button', { name: 'Añadir elemento' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo elemento' });
    await dialog.getByLabel('Nombre en español').fill('Cliente VIP');
    await dialog.getByLabel('Nombre en inglés').fill('VIP customer');
    await dialog.getByLabel('Color').fill('#fab005');
    await dialog.getByRole('button', { name: 'Añadir elemento' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('list-item-cliente_vip').getByText('Activo').waitFor();

    await page.goto(`${server.baseUrl}/accounts/${accountIds['Ferretería Sol'] ?? ''}`);
    await page.getByRole('tab', { name: 'Perfil' }).click();
    await page.getByRole('button', { name: 'Añadir característica' }).first().click();
    const add = page.getByRole('dialog', { name: 'Añadir característica' });
    await add.getByRole('combobox', { name: 'Característica' }).click();
    await page.getByRole('option', { name: 'Cliente VIP' }).click();
    await add.getByLabel('Nota').fill('Paga siempre a tiempo');
    await add.getByRole('button', { name: 'Añadir' }).click();
    await add.waitFor({ state: 'hidden' });
    await page.getByTestId('trait-cliente_vip').getByText('Paga siempre a tiempo').waitFor();

    // The history says so, with the item's label.
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByText('Característica añadida').waitFor();

    // The accounts list filters by it.
    await page.goto(`${server.baseUrl}/accounts?characteristic=cliente_vip`);
    await page.getByRole('link', { name: 'Ferretería Sol' }).waitFor();
    await expect(page.getByTestId('accounts-total').textContent()).resolves.toBe('1 cuenta');
  });

  it('a deactivated item stays on the account but is no longer offered', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/lists?list=characteristic`);
    await page.getByRole('button', { name: 'Desactivar Cliente VIP' }).click();
    await page.getByTestId('list-item-cliente_vip').getByText('Inactivo').waitFor();
    await page.goto(`${server.baseUrl}/accounts/${accountIds['Sin Etiqueta SA'] ?? ''}?tab=profile`);
    await page.getByRole('button', { name: 'Añadir característica' }).click();
    await page.getByRole('combobox', { name: 'Característica' }).click();
    await expect(page.getByRole('option', { name: 'Cliente VIP' }).count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await page.goto(`${server.baseUrl}/accounts/${accountIds['Ferretería Sol'] ?? ''}?tab=profile`);
    await page.getByTestId('trait-cliente_vip').getByText('Cliente VIP').waitFor();
  });

  it('tags two accounts, filters the list by the tag and exports its CSV', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/accounts/${accountIds['Ferretería Sol'] ?? ''}`);
    const tagInput = page.getByRole('textbox', { name: 'Añadir etiqueta' });
    await tagInput.fill('Boletín');
    await page.getByRole('option', { name: 'Crear «Boletín»' }).click();
    await page.getByRole('link', { name: 'Boletín' }).waitFor();

    await page.goto(`${server.baseUrl}/accounts/${accountIds['=Fórmulas SL'] ?? ''}`);
    await page.getByRole('textbox', { name: 'Añadir etiqueta' }).fill('Bol');
    await page.getByRole('option', { name: 'Boletín', exact: true }).click();
    await page.getByRole('link', { name: 'Boletín' }).waitFor();

    const nav = page.getByRole('navigation', { name: 'Navegación principal' });
    await nav.getByRole('link', { name: 'Cuentas' }).click();
    await page.getByRole('button', { name: 'Más filtros' }).click();
    await choose(page, 'Etiqueta', 'Boletín');
    await page.getByRole('link', { name: 'Ferretería Sol' }).waitFor();
    await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe('2 cuentas');
    await expect(page.getByRole('link', { name: 'Sin Etiqueta SA' }).count()).resolves.toBe(0);

    // The tags page counts each tag's accounts, and the count opens them.
    await nav.getByRole('link', { name: 'Etiquetas' }).click();
    await expect(page.getByRole('link', { name: '2 cuentas con Boletín' }).textContent()).resolves.toBe('2');
    await page.getByRole('link', { name: '2 cuentas con Boletín' }).click();
    await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe('2 cuentas');
    await page.goBack();
    await page.getByRole('link', { name: 'Boletín', exact: true }).click();
    await page.getByRole('link', { name: '=Fórmulas SL' }).waitFor();
    await expect(page.getByTestId('tag-total').textContent()).resolves.toBe('2 cuentas');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exportar CSV para envío masivo' }).click()]);
    expect(download.suggestedFilename()).toBe('boletin.csv');
    const file = await download.path();
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    expect(text.trim().split(/\r?\n/)).toEqual([
      // Semicolons, as Excel in Spanish expects.
      'Correo electrónico;Nombre;Empresa',
      // The formula-looking name is neutralised with a leading apostrophe.
      "formulas@example.com;'=Fórmulas SL;'=Fórmulas SL",
      'sol@example.com;Ferretería Sol;Ferretería Sol',
    ]);
  });
});
