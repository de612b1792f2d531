import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { productSchema } from '@contract/products';
import { quoteListSchema, quoteSchema, quoteSettingsSchema, type Quote } from '@contract/quotes';
import { apiLogin, type ApiSession } from './api';
import { admin, adminSession, hasChromium } from './harness';

// The figures as the page shows money in Spanish: the test reads the server's answer and formats it the same way.
const euros = (minor: number) => new Intl.NumberFormat('es', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }).format(minor / 100);

describe.skipIf(!hasChromium)('a quote built in the editor: three lines, a discount, two tax rates, made final, its PDF', () => {
  let api: ApiSession;
  let accountId = '';
  const app = adminSession({
    seed: async (server) => {
      api = await apiLogin(server.baseUrl, admin.email, admin.password);
      accountId = (await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Constructora Andina SAC' })).id;
      await api.call(productSchema, 'POST', '/products', { code: 'OLD-01', name: 'Cable antiguo', kind: 'product', unit: 'm', price: 100, currency: 'EUR', active: false });
    },
  });
  const serverQuote = async (): Promise<Quote> => {
    const list = await api.call(quoteListSchema, 'GET', `/quotes?accountId=${accountId}`);
    const id = list.items[0]?.id;
    if (!id) throw new Error('no quote on the server');
    return api.call(quoteSchema, 'GET', `/quotes/${id}`);
  };

  it('adds a product to the catalog through its form, found by code and by name', async () => {
    const { page } = app.browser;
    await page.getByRole('link', { name: 'Catálogo' }).click();
    await page.getByRole('button', { name: 'Nuevo producto o servicio' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo producto o servicio' });
    await dialog.getByLabel('Código').fill('CAB-01');
    await dialog.getByRole('textbox', { name: /^Nombre/ }).fill('Cable eléctrico');
    await dialog.getByRole('combobox', { name: 'Unidad' }).click();
    await page.getByRole('option', { name: 'Metro', exact: true }).click();
    await dialog.getByLabel('Precio de lista').fill('19,99');
    await dialog.getByRole('combobox', { name: 'Impuesto por defecto' }).click();
    await page.getByRole('option', { name: 'IVA general 21%' }).click();
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.waitFor({ state: 'detached' });
    const table = page.getByTestId('catalog-table');
    await table.getByText('Cable eléctrico').waitFor();
    await expect(table.getByText('19,99 €').count()).resolves.toBe(1);
    // Active only: the old cable leaves the list; a search by the code's beginning keeps the new one.
    await page.getByRole('combobox', { name: 'Activos o no' }).click();
    await page.getByRole('option', { name: 'Solo activos' }).click();
    await table.getByText('Cable antiguo').waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: 'Buscar en el catálogo' }).fill('cab-');
    await page.getByTestId('catalog-total').getByText('1 producto o servicio').waitFor();
  });

  it('opens a draft from the account page and prices its lines on the server', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/accounts/${accountId}?tab=quotes`);
    await page.getByTestId('related-quotes').getByRole('button', { name: 'Nueva cotización' }).click();
    await page.getByRole('dialog', { name: 'Nueva cotización' }).getByRole('button', { name: 'Crear borrador' }).click();
    await page.getByTestId('quote-number').getByText('Borrador (rev. 1)').waitFor();

    // 1: from the catalog, 3 m at 19,99 (21%), 10% off.
    await page.getByRole('button', { name: 'Del catálogo' }).click();
    await page.getByRole('dialog', { name: 'Añadir del catálogo' }).getByLabel('Código o nombre').fill('cab');
    await page.getByRole('option', { name: /Cable eléctrico/ }).click();
    const lines = page.getByTestId('quote-line');
    await lines.nth(0).getByLabel('Cantidad').fill('3');
    await lines.nth(0).getByLabel('Descuento', { exact: true }).fill('10');
    // 2: free text, 2,5 h at 40,00 with the reduced rate (10%).
    await page.getByRole('button', { name: 'Línea libre' }).click();
    await lines.nth(1).getByLabel('Descripción').fill('Mano de obra de instalación');
    await lines.nth(1).getByLabel('Cantidad').fill('2,5');
    await lines.nth(1).getByLabel('Precio unitario (EUR)').fill('40');
    await lines.nth(1).getByRole('combobox', { name: 'Impuesto' }).click();
    await page.getByRole('option', { name: 'IVA reducido 10%' }).click();
    // 3: free text, 120,00 less 15,00 as an amount (the last line's rate, 10%).
    await page.getByRole('button', { name: 'Línea libre' }).click();
    await lines.nth(2).getByLabel('Descripción').fill('Certificado de la instalación');
    await lines.nth(2).getByLabel('Precio unitario (EUR)').fill('120');
    await lines.nth(2).getByText('EUR', { exact: true }).click();
    await lines.nth(2).getByLabel('Descuento', { exact: true }).fill('15');
    // By keyboard: the certificate moves to the top (once what was typed is saved: no save in flight as the line is picked up).
    await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();
    await lines.nth(2).getByRole('button', { name: /Mover la línea 3/ }).focus();
    for (const key of ['Space', 'ArrowUp', 'ArrowUp', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(400);
    }
    await expect(lines.nth(0).getByLabel('Descripción').inputValue()).resolves.toBe('Certificado de la instalación');
    // Saved by itself once the typing pauses; then the totals shown are the saved quote's.
    await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();
    await page.getByTestId('quote-totals').getByText('Totales de las líneas sin guardar').waitFor({ state: 'detached' });

    const quote = await serverQuote();
    expect(quote.lines.map((line) => line.description)).toEqual(['Certificado de la instalación', 'Cable eléctrico', 'Mano de obra de instalación']);
    expect(quote.taxes.map((bucket) => bucket.rate)).toEqual([10, 21]);
    // 10500 + 5397 + 10000 net; what the page shows is exactly the server's figures.
    expect(quote.netTotal).toBe(25_897);
    const totals = page.getByTestId('quote-totals');
    await expect(totals.getByTestId('total-net').textContent()).resolves.toBe(euros(quote.netTotal));
    await expect(totals.getByTestId('total-tax').textContent()).resolves.toBe(euros(quote.taxTotal));
    await expect(totals.getByTestId('total').textContent()).resolves.toBe(euros(quote.total));
    for (const bucket of quote.taxes) await expect(totals.getByTestId(`tax-${bucket.rate}`).textContent()).resolves.toBe(euros(bucket.tax));
    await expect(lines.nth(0).getByTestId('line-net').textContent()).resolves.toBe(euros(10_500));
  });

  it('marks it final (its number appears) and downloads its PDF', async () => {
    const { page } = app.browser;
    await page.getByRole('button', { name: 'Marcar como definitiva' }).click();
    const year = new Date().getUTCFullYear();
    await page.getByTestId('quote-number').getByText(`COT-${year}-0001`).waitFor();
    await expect(page.getByTestId('quote-status').first().textContent()).resolves.toBe('Enviada');
    // A final quote's lines are read-only: no more "add" buttons.
    await expect(page.getByRole('button', { name: 'Línea libre' }).count()).resolves.toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF' }).click()]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  });

  it('lists it under its filters and exports what the list shows', async () => {
    const { page } = app.browser;
    const year = new Date().getUTCFullYear();
    await page.getByRole('link', { name: 'Cotizaciones', exact: true }).click();
    const table = page.getByTestId('quotes-table');
    await table.getByRole('link', { name: `COT-${year}-0001` }).waitFor();
    await page.getByRole('combobox', { name: 'Estado' }).click();
    await page.getByRole('option', { name: 'Borrador' }).click();
    await page.getByText('No hay cotizaciones aquí').waitFor();
    await page.getByTestId('filter-chips').getByRole('button', { name: /Estado: Borrador/ }).click();
    await page.getByRole('combobox', { name: 'Estado' }).click();
    await page.getByRole('option', { name: 'Enviada' }).click();
    await page.getByTestId('quotes-total').getByText('1 cotización').waitFor();
    await page.getByTestId('quotes-export').click();
    await page.getByText('Las cotizaciones de esta lista, con sus filtros.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /punto y coma/ }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain(`COT-${year}-0001;1;Enviada;Constructora Andina SAC`);
    expect(download.url()).toContain('status=sent');
  });

  it('imports services into the catalog from a spreadsheet', async () => {
    const { page } = app.browser;
    await page.getByRole('link', { name: 'Catálogo' }).click();
    await page.getByTestId('catalog-table').getByText('Cable eléctrico').waitFor();
    const file = 'Código;Nombre;Tipo;Unidad;Precio;Moneda;Impuesto\nSRV-01;Instalación eléctrica;Servicio;Hora;45,00;EUR;IVA general 21%\n';
    await page.locator('input[type="file"]').setInputFiles({ name: 'catalogo.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
    await page.getByTestId('catalog-import-result').getByText('Hecho: 1 creados, 0 actualizados.').waitFor();
    await page.getByTestId('catalog-import-result').getByRole('button', { name: 'Cerrar' }).click();
    await page.getByTestId('catalog-table').getByText('Instalación eléctrica').waitFor();
    await expect(page.getByTestId('catalog-table').getByText('45,00 €').count()).resolves.toBe(1);
  });

  it('an admin sets the company and the validity quotes take', async () => {
    const { page } = app.browser;
    await page.getByRole('link', { name: 'Ajustes de cotizaciones' }).click();
    await page.getByLabel('Nombre de la empresa').fill('Instalaciones Ñandú SL');
    await page.getByLabel('Validez (días)').fill('15');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('button', { name: 'Guardar' }).and(page.locator('[disabled]')).waitFor();
    await expect(api.call(quoteSettingsSchema, 'GET', '/quote-settings')).resolves.toMatchObject({ companyName: 'Instalaciones Ñandú SL', validityDays: 15, numberPrefix: 'COT' });
  });

  it('works at phone width: nothing scrolls sideways, totals still shown', async () => {
    const { page } = app.browser;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${app.server.baseUrl}/quotes/${(await serverQuote()).id}`);
    await page.getByTestId('quote-totals').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('a new revision copies it into a draft: the first is superseded and the lineage says what changed', async () => {
    const { page } = app.browser;
    const year = new Date().getUTCFullYear();
    await page.getByRole('button', { name: 'Nueva revisión' }).click();
    await page.getByTestId('quote-number').getByText(`COT-${year}-0001-R2`).waitFor();
    const lines = page.getByTestId('quote-line');
    await lines.nth(1).getByLabel('Cantidad').fill('4');
    await page.locator('[data-testid="autosave-status"]:not([data-state="saved"])').waitFor();
    await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();
    const lineage = page.getByTestId('quote-lineage');
    await lineage.getByText('Sustituida').waitFor();
    await lineage.getByText(/1 línea cambiada/).waitFor();
    await expect(lineage.getByText('Primera versión').count()).resolves.toBe(1);
  });

  it('at phone width the tax rates are cards with their actions, and a quote out of reach is "not found"', async () => {
    const { page } = app.browser;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${app.server.baseUrl}/settings/tax-rates`);
    const rates = page.getByRole('list', { name: 'Impuestos' });
    await rates.getByRole('listitem').filter({ hasText: 'IVA general 21%' }).getByRole('button', { name: 'Editar IVA general 21%' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.goto(`${app.server.baseUrl}/quotes/7d0c3b1e-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'No encontrado' }).waitFor();
  });
});
