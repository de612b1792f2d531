import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { tagSchema } from '@contract/tags';
import { apiLogin, type ApiSession } from './api';
import { admin, choose, hasChromium, launchBrowser, login, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

const inZamora = ['Bodegas Duero', 'Quesos del Tera', 'Alfarería Pereruela'];
const elsewhere = ['Conservas Vigo', 'Textil Béjar'];

describe.skipIf(!hasChromium)('bulk actions on the accounts list, from the browser', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let api: ApiSession;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    api = await apiLogin(server.baseUrl, admin.email, admin.password);
    await api.call(tagSchema, 'POST', '/tags', { name: 'Feria 2027' });
    for (const name of inZamora) {
      await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name, addresses: { visit: { city: 'Zamora' } } });
    }
    for (const name of elsewhere) {
      await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name, addresses: { visit: { city: 'Salamanca' } } });
    }
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('tags everything matching a filter in one background job, then exports the tagged accounts', async () => {
    const { page } = browser;
    await login(page, server.baseUrl, admin.email, admin.password);
    // The city waits behind "more filters".
    await page.getByRole('button', { name: 'Más filtros' }).click();
    await page.getByLabel('Ciudad').fill('Zamora');
    await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe('3 cuentas');

    // Ticking one row shows the bar, which offers everything matching the filter.
    await page.getByRole('checkbox', { name: 'Seleccionar Bodegas Duero' }).check();
    const bar = page.getByTestId('bulk-bar');
    await expect(bar.getByTestId('bulk-count').textContent()).resolves.toBe('1 seleccionada');
    await bar.getByRole('button', { name: 'Seleccionar las 3 cuentas que coinciden con el filtro' }).click();
    await expect(bar.getByTestId('bulk-count').textContent()).resolves.toBe('Seleccionadas las 3 cuentas que coinciden con el filtro');

    await bar.getByRole('button', { name: 'Acciones' }).click();
    await page.getByRole('menuitem', { name: 'Añadir etiqueta' }).click();
    const dialog = page.getByRole('dialog', { name: 'Añadir etiqueta' });
    await dialog.getByText('Se aplicará a 3 cuentas.').waitFor();
    await dialog.getByRole('combobox', { name: 'Etiqueta' }).click();
    await page.getByRole('option', { name: 'Feria 2027' }).click();
    await dialog.getByRole('button', { name: 'Aplicar a 3 cuentas' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The notification follows the job until it is done.
    await expect.poll(() => page.getByTestId('bulk-done').textContent(), { timeout: 20_000 }).toBe('Hecho: 3 modificadas, 0 sin cambios, 0 con error.');
    await expect(page.getByTestId('bulk-bar').count()).resolves.toBe(0);

    // Filtering by the tag lists exactly the three accounts.
    await page.getByLabel('Ciudad').fill('');
    await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe('5 cuentas');
    await choose(page, 'Etiqueta', 'Feria 2027');
    await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe('3 cuentas');
    for (const name of inZamora) await page.getByRole('link', { name }).waitFor();
    for (const name of elsewhere) await expect(page.getByRole('link', { name }).count()).resolves.toBe(0);

    // Ticking the loaded rows and exporting them downloads exactly those three.
    await page.getByRole('checkbox', { name: 'Seleccionar las cuentas cargadas' }).check();
    await expect(page.getByTestId('bulk-count').textContent()).resolves.toBe('3 seleccionadas');
    await page.getByTestId('bulk-export-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV (separado por comas)' }).click()]);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const rows = text.trim().split(/\r?\n/).slice(1);
    expect(rows).toHaveLength(3);
    for (const name of inZamora) expect(rows.some((row) => row.includes(name))).toBe(true);
    for (const name of elsewhere) expect(text).not.toContain(name);
  });

  it('at phone width, ticks cards and discards them after confirming', async () => {
    const phone = await launchBrowser({ viewport: { width: 375, height: 740 } });
    try {
      const { page } = phone;
      await login(page, server.baseUrl, admin.email, admin.password);
      await page.goto(`${server.baseUrl}/accounts?city=Salamanca`);
      await page.getByTestId('accounts-cards').waitFor();
      await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe('2 cuentas');
      await page.getByRole('checkbox', { name: 'Seleccionar Conservas Vigo' }).check();
      await page.getByRole('checkbox', { name: 'Seleccionar Textil Béjar' }).check();
      await expect(page.getByTestId('bulk-count').textContent()).resolves.toBe('2 seleccionadas');
      // The bar wraps instead of widening the page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await page.getByTestId('bulk-bar').getByRole('button', { name: 'Acciones' }).click();
      await page.getByRole('menuitem', { name: 'Descartar' }).click();
      const confirm = page.getByRole('dialog', { name: '¿Descartar 2 cuentas?' });
      await confirm.getByRole('button', { name: 'Descartar 2 cuentas' }).click();
      await expect.poll(() => page.getByTestId('bulk-done').textContent(), { timeout: 20_000 }).toBe('Hecho: 2 modificadas, 0 sin cambios, 0 con error.');
      // The list refreshes by itself: both went to the bin.
      await page.getByText('Ninguna cuenta coincide con estos filtros.').waitFor();
    } finally {
      await phone.close();
    }
  });
});
