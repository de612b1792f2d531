import { accountSchema } from '@contract/accounts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { admin, adminSession, hasChromium } from './harness';

// The list's filters and menus, and the header's search, bell and user menu, load after the rows
// (web/src/app/deferred.tsx). Their placeholders must take their room exactly: nothing may move
// when they arrive.

/** Where the first row, the new-organization button and the language switch stand ("left,top"), and whether the menus are in. */
const landmarks = () => {
  const at = (element: Element | null | undefined) => {
    const box = element?.getBoundingClientRect();
    // Whole pixels: a shift of a fraction of one is not seen.
    return box ? `${Math.round(box.left)},${Math.round(box.top)}` : null;
  };
  const row = [...document.querySelectorAll('main a')].find((link) => link.textContent === 'Empresa 01');
  if (!row) return null;
  return {
    positions: { row: at(row), newOrganization: at(document.querySelector('a[href="/accounts/new?kind=organization"]')), language: at(document.querySelector('[aria-label="Idioma"]')) },
    menusLoaded: document.querySelector('[data-testid="export-menu"]') !== null,
  };
};

async function firstFrameWithRows(page: Page) {
  // Read on the very frame that shows the rows, before the deferred parts can have arrived.
  const handle = await page.waitForFunction(landmarks, null, { polling: 'raf' });
  const seen = await handle.jsonValue();
  if (!seen) throw new Error('no rows');
  return seen;
}

for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
  describe.skipIf(!hasChromium)(`the accounts list at ${viewport.width} px`, () => {
    const app = adminSession({
      browser: { viewport },
      seed: async (server) => {
        const session = await apiLogin(server.baseUrl, admin.email, admin.password);
        for (const name of ['Empresa 01', 'Empresa 02', 'Empresa 03']) await session.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name });
      },
    });

    it('keeps still while its filters and menus load after the rows', async () => {
      const { page } = app.browser;
      await page.goto(`${app.server.baseUrl}/accounts`);
      const early = await firstFrameWithRows(page);
      await page.getByRole('textbox', { name: 'Buscar cuentas' }).waitFor();
      await page.getByRole('button', { name: 'Exportar' }).waitFor();
      await page.getByRole('button', { name: 'Menú de usuario' }).waitFor();
      expect(early.menusLoaded).toBe(false);
      expect(early.positions.newOrganization).not.toBeNull();
      const late = await page.evaluate(landmarks);
      expect(late?.positions).toEqual(early.positions);
    });
  });
}

describe.skipIf(!hasChromium)('the accounts list at 1366 × 900', () => {
  const app = adminSession({
    browser: { viewport: { width: 1366, height: 900 } },
    seed: async (server) => {
      const session = await apiLogin(server.baseUrl, admin.email, admin.password);
      for (let index = 1; index <= 40; index += 1) {
        await session.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: `Empresa ${String(index).padStart(2, '0')}`, addresses: { visit: { city: index % 2 ? 'Madrid' : 'Lugo' } } });
      }
    },
  });

  it('gives the table the screen: search and the main filters in one line, the rest behind "more filters"', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/accounts`);
    const table = page.getByTestId('accounts-table');
    await table.getByRole('link', { name: 'Empresa 01' }).waitFor();
    const search = page.getByRole('textbox', { name: 'Buscar cuentas' });
    await search.waitFor();
    const more = page.getByRole('button', { name: 'Más filtros' });
    await more.waitFor();
    // One line: the search, the three main filters and the button stand side by side.
    const tops = await Promise.all([search, page.getByRole('combobox', { name: 'Tipo' }), page.getByRole('combobox', { name: 'Etapa' }), page.getByRole('combobox', { name: 'Responsable' }), more].map(async (element) => Math.round((await element.boundingBox())?.y ?? -1)));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(1);
    // The others are not on screen until asked for.
    await expect(page.getByLabel('Ciudad').isVisible()).resolves.toBe(false);
    const rowsShown = async () => table.evaluate((element) => {
      const bottom = element.getBoundingClientRect().bottom;
      return [...element.querySelectorAll('tbody tr:not([aria-hidden])')].filter((row) => row.getBoundingClientRect().bottom <= bottom + 1).length;
    });
    expect(await rowsShown()).toBeGreaterThanOrEqual(15);

    await more.click();
    await page.getByLabel('Ciudad').fill('Lugo');
    await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe('20 cuentas');
    await more.click();
    // The filter shows as a chip that removes it; with the chip's line the table keeps its 15 rows.
    const chip = page.getByRole('button', { name: 'Ciudad: Lugo' });
    await chip.waitFor();
    await expect.poll(rowsShown).toBeGreaterThanOrEqual(15);
    await chip.click();
    await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe('40 cuentas');
    await expect(chip.count()).resolves.toBe(0);
    expect(new URL(page.url()).searchParams.get('city')).toBeNull();
  });
});
