import { accountSchema } from '@contract/accounts';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { admin, adminSession, hasChromium } from './harness';

describe.skipIf(!hasChromium)('at phone width (375 px)', () => {
  const app = adminSession({
    browser: { viewport: { width: 375, height: 740 } },
    seed: async (server) => {
      const session = await apiLogin(server.baseUrl, admin.email, admin.password);
      for (let index = 1; index <= 30; index += 1) {
        await session.call(accountSchema, 'POST', '/accounts', {
          kind: index % 3 === 0 ? 'person' : 'organization',
          ...(index % 3 === 0 ? { firstName: `Persona ${index}` } : { name: `Empresa ${String(index).padStart(2, '0')}` }),
          emails: [`cuenta${index}@example.com`],
        });
      }
    },
  });

  it('shows the accounts as a virtualised card list, without horizontal scrolling', async () => {
    const { page } = app.browser;
    const cards = page.getByTestId('accounts-cards');
    await cards.waitFor();
    await page.getByRole('link', { name: 'Empresa 01' }).waitFor();
    await expect(page.getByTestId('accounts-table').count()).resolves.toBe(0);
    await expect(page.getByTestId('accounts-total').textContent()).resolves.toBe('30 cuentas');
    // Only what is on screen (plus a little) is rendered.
    const rendered = await cards.getByRole('listitem').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(30);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('opens the navigation from the burger menu', async () => {
    const { page } = app.browser;
    await page.getByRole('button', { name: 'Abrir o cerrar el menú' }).click();
    await page.getByRole('link', { name: 'Papelera' }).click();
    await page.getByRole('heading', { name: 'Papelera' }).waitFor();
  });
});
