import { accountSchema } from '@contract/accounts';
import { activitySchema } from '@contract/activities';
import { requestSchema } from '@contract/requests';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { admin, adminSession, choose, hasChromium, pickView, saveView, type TestServer } from './harness';

// The activities and requests lists on the shared list kit: the table gets the screen at desktop
// width (filters in one line, the rest behind "more filters", chips), cards at phone width, and a
// saved view that brings its filters back.

let leadId = '';

async function seed(server: TestServer): Promise<void> {
  const session = await apiLogin(server.baseUrl, admin.email, admin.password);
  const lead = await session.call(accountSchema, 'POST', '/accounts', { kind: 'person', firstName: 'Marta', lastName: 'Ruiz Fernández de la Vega', stage: 'lead' });
  leadId = lead.id;
  const day = 86_400_000;
  for (let index = 0; index < 40; index += 1) {
    const startAt = new Date(Date.now() - (index + 1) * day).toISOString();
    await session.call(activitySchema, 'POST', '/activities', { accountId: lead.id, type: index % 2 ? 'meeting' : 'call', subject: `Seguimiento ${index + 1}`, startAt });
    await session.call(requestSchema, 'POST', '/requests', { accountId: lead.id, requestedAt: startAt, channel: index % 2 ? 'web_form' : 'phone', status: 'new', reason: `Pide presupuesto ${index + 1}` });
  }
}

/** Rows of a virtualised table wholly on screen. */
const rowsShown = (table: Locator) =>
  table.evaluate((element) => {
    const bottom = element.getBoundingClientRect().bottom;
    return [...element.querySelectorAll('tbody tr:not([aria-hidden])')].filter((row) => row.getBoundingClientRect().bottom <= bottom + 1).length;
  });

/** How far the page scrolls sideways (0 when it does not). */
const sidewaysScroll = (page: Page) => page.evaluate(() => Math.max(0, (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth));

async function inOneLine(elements: Locator[]): Promise<number> {
  const tops = await Promise.all(elements.map(async (element) => Math.round((await element.boundingBox())?.y ?? -1)));
  return Math.max(...tops) - Math.min(...tops);
}

describe.skipIf(!hasChromium)('the activities and requests lists at 1366 × 900', () => {
  const app = adminSession({ browser: { viewport: { width: 1366, height: 900 } }, seed });

  it('activities: the main filters in one line, the others behind "more filters", a set filter as a chip', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/activities`);
    const table = page.getByTestId('activities-table');
    await table.getByText('Seguimiento 1', { exact: true }).waitFor();
    const more = page.getByRole('button', { name: 'Más filtros' });
    await more.waitFor();
    expect(await inOneLine([page.getByRole('combobox', { name: 'Estado' }), page.getByRole('combobox', { name: 'Tipo' }), page.getByRole('combobox', { name: 'Responsable' }), more])).toBeLessThanOrEqual(1);
    await expect(page.getByLabel('Desde').isVisible()).resolves.toBe(false);
    expect(await rowsShown(table)).toBeGreaterThanOrEqual(15);
    await expect(page.getByTestId('activities-total').textContent()).resolves.toBe('40 actividades');

    await choose(page, 'Tipo', 'Llamada');
    await expect.poll(() => page.getByTestId('activities-total').textContent()).toBe('20 actividades');
    expect(new URL(page.url()).searchParams.get('type')).toBe('call');
    const chip = page.getByRole('button', { name: 'Tipo: Llamada' });
    await chip.click();
    await expect.poll(() => page.getByTestId('activities-total').textContent()).toBe('40 actividades');
    expect(new URL(page.url()).searchParams.get('type')).toBeNull();
  });

  it('activities: a dashboard link with days for its range opens the list filtered by them', async () => {
    const { page } = app.browser;
    const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toLocaleDateString('sv');
    await page.goto(`${app.server.baseUrl}/activities?from=${day(10)}&to=${day(1)}`);
    await expect.poll(() => page.getByTestId('activities-total').textContent()).toBe('10 actividades');
  });

  it('requests: more filters and chips, and a saved view that brings its filters back', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/requests`);
    const table = page.getByTestId('requests-table');
    await table.getByText('Marta Ruiz Fernández de la Vega').first().waitFor();
    const more = page.getByRole('button', { name: 'Más filtros' });
    await more.waitFor();
    expect(await inOneLine([page.getByRole('combobox', { name: 'Estado' }), page.getByRole('combobox', { name: 'Gestionada' }), page.getByRole('combobox', { name: 'Responsable' }), more])).toBeLessThanOrEqual(1);
    expect(await rowsShown(table)).toBeGreaterThanOrEqual(15);
    await expect(page.getByTestId('requests-total').textContent()).resolves.toBe('40 solicitudes');

    await more.click();
    await choose(page, 'Canal / tipo de cita', 'Teléfono');
    await expect.poll(() => page.getByTestId('requests-total').textContent()).toBe('20 solicitudes');
    await more.click();
    await page.getByRole('button', { name: 'Canal / tipo de cita: Teléfono' }).waitFor();

    // Saved as a view; cleared; picked again: the filter is back.
    await saveView(page, 'Por teléfono');
    expect(new URL(page.url()).searchParams.get('view')).not.toBeNull();

    await page.getByRole('button', { name: 'Salir de la vista' }).click();
    await page.getByRole('button', { name: 'Quitar filtros' }).click();
    await expect.poll(() => page.getByTestId('requests-total').textContent()).toBe('40 solicitudes');

    await pickView(page, 'Por teléfono');
    await expect.poll(() => page.getByTestId('requests-total').textContent()).toBe('20 solicitudes');
    await page.getByRole('button', { name: 'Canal / tipo de cita: Teléfono' }).waitFor();
    await page.reload();
    await expect.poll(() => page.getByTestId('requests-total').textContent()).toBe('20 solicitudes');
  });
});

describe.skipIf(!hasChromium)('the work lists at phone width (375 px)', () => {
  const app = adminSession({ browser: { viewport: { width: 375, height: 740 } }, seed });

  for (const { path, cards, first, total } of [
    { path: '/activities', cards: 'activities-cards', first: 'Seguimiento 1', total: 'activities-total' },
    { path: '/requests', cards: 'requests-cards', first: 'Marta Ruiz Fernández de la Vega', total: 'requests-total' },
  ]) {
    it(`${path} shows cards, every filter behind one button, nothing scrolling sideways`, async () => {
      const { page } = app.browser;
      await page.goto(`${app.server.baseUrl}${path}`);
      await page.getByTestId(cards).getByText(first, { exact: true }).first().waitFor();
      await expect(page.getByRole('table').count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Filtros' }).waitFor();
      await expect(page.getByRole('combobox', { name: 'Estado' }).isVisible()).resolves.toBe(false);
      await expect(page.getByTestId(total).isVisible()).resolves.toBe(true);
      expect(await sidewaysScroll(page)).toBe(0);
    });
  }

  it('the lead card, an account\'s activities, the users admin and the calendar\'s week stack their rows instead of scrolling sideways', async () => {
    const { page } = app.browser;
    const pages = [
      { path: `/leads/${leadId}`, shows: 'Nueva' },
      { path: `/leads/${leadId}?tab=activities`, shows: 'Seguimiento 1' },
      { path: `/accounts/${leadId}?tab=activities`, shows: 'Seguimiento 1' },
      { path: '/users', shows: admin.email },
      { path: '/calendar', shows: '' },
    ];
    for (const { path, shows } of pages) {
      await page.goto(`${app.server.baseUrl}${path}`);
      await page.getByRole('listitem').filter({ hasText: shows }).first().waitFor();
      expect({ path, overflow: await sidewaysScroll(page) }).toEqual({ path, overflow: 0 });
    }
  });
});
