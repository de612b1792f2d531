import { describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { contactSchema } from '@contract/contacts';
import { apiLogin } from './api';
import { admin, adminSession, hasChromium } from './harness';

// Issue 17.8: two records of one company are merged from a two-row selection on the list; the
// survivor has both contacts, the other waits in the bin, and an admin can undo the merge there.

describe.skipIf(!hasChromium)('merging duplicates from the accounts list', () => {
  const app = adminSession({
    seed: async (server) => {
      const session = await apiLogin(server.baseUrl, admin.email, admin.password);
      const first = await session.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Ferretería Sol SL', emails: ['info@ferreteriasol.example'] });
      const second = await session.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Ferreteria Sol', website: 'https://ferreteriasol.example' });
      await session.call(contactSchema, 'POST', `/accounts/${first.id}/contacts`, { newPerson: { firstName: 'Ana', lastName: 'Uno' } });
      await session.call(contactSchema, 'POST', `/accounts/${second.id}/contacts`, { newPerson: { firstName: 'Benito', lastName: 'Dos' } });
    },
  });

  it('selects two rows, merges them keeping the older one, and shows it with both contacts', async () => {
    const { page } = app.browser;
    await page.getByRole('checkbox', { name: 'Seleccionar Ferretería Sol SL' }).check();
    await page.getByRole('checkbox', { name: 'Seleccionar Ferreteria Sol', exact: true }).check();
    const bar = page.getByTestId('bulk-bar');
    await bar.getByRole('button', { name: 'Acciones' }).click();
    await page.getByRole('menuitem', { name: 'Fusionar…' }).click();

    await page.getByRole('heading', { name: 'Fusionar cuentas duplicadas' }).waitFor();
    // The older account stays by default; its empty website takes the other's.
    await expect(page.getByRole('radio', { name: 'Conservar Ferretería Sol SL' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('radio', { name: 'Sitio web de Ferreteria Sol: https://ferreteriasol.example' }).isChecked()).resolves.toBe(true);
    await page.getByRole('radio', { name: 'Nombre de Ferretería Sol SL: Ferretería Sol SL' }).waitFor();
    await page.getByRole('button', { name: 'Fusionar' }).click();

    await page.getByRole('heading', { name: 'Ferretería Sol SL' }).waitFor();
    await page.getByText('https://ferreteriasol.example').first().waitFor();
    await page.getByRole('tab', { name: 'Contactos' }).click();
    await page.getByRole('link', { name: 'Ana Uno' }).waitFor();
    await page.getByRole('link', { name: 'Benito Dos' }).waitFor();
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByText('Cuentas fusionadas en esta').waitFor();
  });

  it('keeps the other in the bin, linked to the survivor, and undoes the merge from there', async () => {
    const { page } = app.browser;
    await page.getByRole('link', { name: 'Papelera' }).click();
    const row = page.getByRole('row', { name: /Ferreteria Sol/ });
    await row.getByText('Fusionada en').waitFor();
    await row.getByRole('link', { name: 'Ferretería Sol SL' }).waitFor();
    await row.getByRole('button', { name: 'Deshacer la fusión de Ferreteria Sol' }).click();
    await page.getByText('La papelera está vacía.').waitFor();

    await page.getByRole('link', { name: 'Cuentas' }).click();
    await page.getByRole('link', { name: 'Ferreteria Sol', exact: true }).click();
    await page.getByRole('tab', { name: 'Contactos' }).click();
    await page.getByRole('link', { name: 'Benito Dos' }).waitFor();
  });
});
