import { accountSchema } from '@contract/accounts';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { admin, adminSession, hasChromium } from './harness';

describe.skipIf(!hasChromium)('the bin: discard an account, restore it as admin', () => {
  let accountId = '';
  const app = adminSession({
    seed: async (server) => {
      const session = await apiLogin(server.baseUrl, admin.email, admin.password);
      accountId = (await session.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Papelería Norte S.A.' })).id;
    },
  });

  it('discards after confirming, and the account leaves the list', async () => {
    const { page } = app.browser;
    await page.getByRole('link', { name: 'Papelería Norte S.A.' }).click();
    await page.getByRole('button', { name: 'Descartar' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Descartar la cuenta?' });
    await dialog.getByRole('button', { name: 'Descartar' }).click();
    await page.waitForURL('**/accounts');
    await page.getByTestId('welcome').getByText('Aún no hay ninguna cuenta', { exact: false }).waitFor();
    // Gone everywhere: its address answers "not found".
    await page.goto(`${app.server.baseUrl}/accounts/${accountId}`);
    await page.getByRole('heading', { name: 'No encontrado' }).waitFor();
  });

  it('lists it in the bin with who discarded it, and restores it', async () => {
    const { page } = app.browser;
    await page.getByRole('link', { name: 'Papelera' }).click();
    const row = page.getByRole('row', { name: /Papelería Norte S\.A\./ });
    await expect(row.textContent()).resolves.toContain(admin.name);
    await row.getByRole('button', { name: /^Restaurar/ }).click();
    await page.getByText('La papelera está vacía.').waitFor();

    await page.getByRole('link', { name: 'Cuentas' }).click();
    await page.getByRole('link', { name: 'Papelería Norte S.A.' }).click();
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByText('Cuenta restaurada').waitFor();
    await page.getByText('Cuenta descartada').waitFor();
  });
});
