import { accountSchema } from '@contract/accounts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiLogin, type ApiSession } from './api';
import { admin, adminSession, hasChromium, launchBrowser, login, pickView, saveView, type TestServer } from './harness';

// The company counters in the browser (issue 22 item 4): sortable columns of the accounts list
// with their filters, kept by a saved view, and the company card's tiles opening the lists of what
// they count; at desktop width and at 375 px.

const year = new Date().getUTCFullYear();
const ids: Record<string, string> = {};

async function seed(server: TestServer): Promise<void> {
  const session: ApiSession = await apiLogin(server.baseUrl, admin.email, admin.password);
  const created = z.object({ id: z.string() });
  // Norte billed most, Sur least; Centro has the most open tasks.
  for (const [name, billed, tasks] of [['Norte SA', 900_000, 1], ['Centro SL', 50_000, 3], ['Sur SRL', 1_000, 0]] as const) {
    const account = await session.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name });
    ids[name] = account.id;
    await session.call(created, 'POST', '/invoices', { organizationId: account.id, number: `F-${name}`, currency: 'EUR', net: billed, tax: 0, issueDate: `${year}-02-01` });
    await session.call(created, 'POST', '/invoices', { organizationId: account.id, number: `B-${name}`, currency: 'EUR', net: 5, tax: 0, status: 'draft', issueDate: `${year}-02-01` });
    for (let i = 0; i < tasks; i++) await session.call(created, 'POST', '/activities', { accountId: account.id, type: 'task', subject: `Tarea ${i}`, startAt: '2027-01-10T09:00:00Z' });
    if (tasks > 0) await session.call(created, 'POST', '/projects', { organizationId: account.id, name: `Proyecto ${name}`, status: 'active' });
  }
}

const rowNames = async (page: Page) =>
  page.getByTestId('accounts-table').locator('tbody tr:not([aria-hidden])').evaluateAll((rows) => rows.map((row) => row.querySelector('a')?.textContent ?? ''));

describe.skipIf(!hasChromium)('the company counters', () => {
  const app = adminSession({ seed });

  it('sorts the list by a counter from its column header and filters it by the counters', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/accounts?counters=invoicedThisYear,openTasks`);
    const table = page.getByTestId('accounts-table');
    await table.getByRole('link', { name: 'Norte SA' }).waitFor();
    await table.getByRole('button', { name: /Facturado este año/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-invoicedThisYear');
    await expect.poll(() => rowNames(page)).toEqual(['Norte SA', 'Centro SL', 'Sur SRL']);
    await table.getByRole('button', { name: /Tareas abiertas/ }).click();
    await expect.poll(() => rowNames(page)).toEqual(['Centro SL', 'Norte SA', 'Sur SRL']);

    await page.getByRole('button', { name: 'Más filtros' }).click();
    await page.getByLabel('Más de … tareas abiertas').fill('0');
    await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe('2 cuentas');
    await page.getByLabel('Facturado este año por encima de (EUR)').fill('1000');
    await expect.poll(() => new URL(page.url()).searchParams.get('invoicedAbove')).toBe('100000');
    await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe('1 cuenta');
    await expect.poll(() => rowNames(page)).toEqual(['Norte SA']);
  });

  it('a saved view brings back the counter columns it showed, its sort by one and its filter', async () => {
    const { page } = app.browser;
    const nav = page.getByRole('navigation', { name: 'Navegación principal' });
    const table = page.getByTestId('accounts-table');
    const header = (name: RegExp) => table.getByRole('columnheader', { name });
    await page.goto(`${app.server.baseUrl}/accounts`);
    await table.getByRole('link', { name: 'Sur SRL' }).waitFor();
    await expect(header(/Tareas abiertas/).count()).resolves.toBe(0);

    // Active projects is shown only because it was picked: the sort and the filter bring open tasks anyway.
    await page.getByRole('button', { name: 'Recuentos' }).click();
    await page.getByRole('menuitem', { name: 'Tareas abiertas' }).click();
    await page.getByRole('menuitem', { name: 'Proyectos activos' }).click();
    await page.keyboard.press('Escape');
    await table.getByRole('button', { name: /Tareas abiertas/ }).click();
    await expect.poll(() => header(/Tareas abiertas/).getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('button', { name: 'Más filtros' }).click();
    await page.getByLabel('Más de … tareas abiertas').fill('0');
    await expect.poll(() => rowNames(page)).toEqual(['Centro SL', 'Norte SA']);

    await saveView(page, 'Clientes con tareas abiertas');

    // Away, and back to the plain list: no counter columns, every account.
    await nav.getByRole('link', { name: 'Proyectos' }).click();
    await page.waitForURL(/\/projects/);
    await nav.getByRole('link', { name: 'Cuentas' }).click();
    await table.getByRole('link', { name: 'Sur SRL' }).waitFor();
    await expect(header(/Tareas abiertas/).count()).resolves.toBe(0);
    await expect(header(/Proyectos activos/).count()).resolves.toBe(0);

    await pickView(page, 'Clientes con tareas abiertas');
    await expect.poll(() => header(/Tareas abiertas/).getAttribute('aria-sort')).toBe('descending');
    await header(/Proyectos activos/).waitFor();
    await expect(header(/Facturado este año/).count()).resolves.toBe(0);
    await expect.poll(() => rowNames(page)).toEqual(['Centro SL', 'Norte SA']);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ counters: 'activeProjects,openTasks', sort: '-openTasks', openTasksAbove: '0' });
    await page.reload();
    await header(/Proyectos activos/).waitFor();
    await expect.poll(() => rowNames(page)).toEqual(['Centro SL', 'Norte SA']);
  });

  it("opens from a company's tiles the lists of what each counts", async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/accounts/${ids['Centro SL'] ?? ''}`);
    const tiles = page.getByTestId('overview-counters');
    await tiles.getByText('500,00 €').waitFor();
    await tiles.getByRole('link', { name: /Facturado este año/ }).click();
    await page.waitForURL(/\/invoices\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ organizationId: ids['Centro SL'], billed: 'true', issuedFrom: `${year}-01-01` });
    // The issued invoice, not the draft.
    await page.getByRole('link', { name: 'F-Centro SL' }).waitFor();
    await expect(page.getByRole('link', { name: 'B-Centro SL' }).count()).resolves.toBe(0);

    await page.goBack();
    await tiles.getByRole('link', { name: /Tareas abiertas/ }).click();
    await page.waitForURL(/\/activities\?/);
    await page.getByText('Tarea 2').first().waitFor();
    await page.goBack();
    await tiles.getByRole('link', { name: /Proyectos activos/ }).click();
    await page.waitForURL(/\/projects\?/);
    await page.getByRole('link', { name: 'Proyecto Centro SL' }).first().waitFor();
  });

  it('creates a project for each ticked company in one background job', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/accounts?counters=activeProjects&sort=name`);
    await page.getByRole('checkbox', { name: 'Seleccionar Norte SA' }).check();
    await page.getByRole('checkbox', { name: 'Seleccionar Sur SRL' }).check();
    const bar = page.getByTestId('bulk-bar');
    await bar.getByRole('button', { name: 'Acciones' }).click();
    await page.getByRole('menuitem', { name: 'Crear un proyecto para cada una' }).click();
    const dialog = page.getByRole('dialog', { name: 'Crear un proyecto para cada una' });
    await dialog.getByLabel('Nombre del proyecto').fill('Acuerdos 2027');
    await dialog.getByRole('combobox', { name: 'Estado' }).click();
    await page.getByRole('option', { name: 'Activo' }).click();
    await dialog.getByRole('button', { name: 'Aplicar a 2 cuentas' }).click();
    await expect.poll(() => page.getByTestId('bulk-done').textContent(), { timeout: 20_000 }).toBe('Hecho: 2 modificadas, 0 sin cambios, 0 con error.');
    await page.goto(`${app.server.baseUrl}/projects?status=active`);
    // The list's first load may take longer than a poll's second on a busy machine.
    await page.getByRole('link', { name: 'Acuerdos 2027' }).first().waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Acuerdos 2027' }).count()).toBe(2);
  });

  it('at 375 px: the cards carry the sorted counter and the tiles fit, nothing scrolls sideways', async () => {
    const phone = await launchBrowser({ viewport: { width: 375, height: 740 } });
    try {
      await login(phone.page, app.server.baseUrl, admin.email, admin.password);
      await phone.page.goto(`${app.server.baseUrl}/accounts?sort=-invoicedThisYear`);
      const cards = phone.page.getByTestId('accounts-cards');
      await cards.getByText('9000,00 €').waitFor();
      const overflow = () => phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await phone.page.goto(`${app.server.baseUrl}/accounts/${ids['Norte SA'] ?? ''}`);
      await phone.page.getByTestId('overview-counters').getByText('9000,00 €').waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
    } finally {
      await phone.close();
    }
  });
});
