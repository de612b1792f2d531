import { accountSchema } from '@contract/accounts';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { admin, adminSession, hasChromium, type TestServer } from './harness';

async function seed(server: TestServer): Promise<void> {
  const session = await apiLogin(server.baseUrl, admin.email, admin.password);
  await session.call(accountSchema, 'POST', '/accounts', { kind: 'person', firstName: 'Ángela', lastName: 'García López', emails: ['angela@correo.example'] });
  await session.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Garcilaso Consultores', emails: ['info@garcilaso.example'] });
  await session.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Talleres Norte', emails: ['taller@garcia-hnos.example'] });
}

describe.skipIf(!hasChromium)('quick search in the header', () => {
  const app = adminSession({ seed });

  it('finds accounts as you type, ignoring accents, and opens the one clicked', async () => {
    const { page } = app.browser;
    const box = page.getByRole('combobox', { name: 'Buscar cuentas' });
    await box.fill('garcia');
    const option = page.getByRole('option', { name: /Ángela García López/ });
    await option.waitFor();
    // The e-mail that matched is the second line of the organization found by it.
    await page.getByRole('option', { name: /Talleres Norte/ }).getByText('taller@garcia-hnos.example').waitFor();
    await option.click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Ángela García López' }).waitFor();
    await expect(box.inputValue()).resolves.toBe('');
  });

  it('opens the best hit with the keyboard, and goes down the list with the arrows', async () => {
    const { page } = app.browser;
    const box = page.getByRole('combobox', { name: 'Buscar cuentas' });
    await box.fill('garcil');
    await page.getByRole('option', { name: /Garcilaso Consultores/ }).waitFor();
    await box.press('Enter');
    await page.getByRole('heading', { name: 'Garcilaso Consultores' }).waitFor();

    await box.fill('garc');
    await page.getByRole('option', { name: /Talleres Norte/ }).waitFor();
    // Names starting with the query first, then the others by name; "see all" last.
    const options = await page.getByRole('option').allTextContents();
    expect(options.map((text) => text.replace(/Lead.*$/, ''))).toEqual(['Garcilaso Consultoresinfo@garcilaso.example', 'Ángela García López', 'Talleres Nortetaller@garcia-hnos.example', 'Ver todos los resultados en la lista de cuentas']);
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.getByRole('heading', { name: 'Ángela García López' }).waitFor();
  });

  it('offers every result in the accounts list', async () => {
    const { page } = app.browser;
    await page.getByRole('combobox', { name: 'Buscar cuentas' }).fill('garcia');
    await page.getByRole('option', { name: 'Ver todos los resultados en la lista de cuentas' }).click();
    await page.waitForURL(/\/accounts\?q=garcia$/);
    await page.getByRole('link', { name: 'Ángela García López' }).waitFor();
    await page.getByRole('link', { name: 'Talleres Norte' }).waitFor();
  });
});

describe.skipIf(!hasChromium)('quick search at phone width (375 px)', () => {
  const app = adminSession({ seed, browser: { viewport: { width: 375, height: 740 } } });

  it('opens from the search icon and takes you to the account', async () => {
    const { page } = app.browser;
    await expect(page.getByRole('combobox', { name: 'Buscar cuentas' }).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Abrir la búsqueda' }).click();
    const dialog = page.getByRole('dialog', { name: 'Buscar cuentas' });
    const box = dialog.getByRole('combobox', { name: 'Buscar cuentas' });
    await box.fill('angela');
    await page.getByRole('option', { name: /Ángela García López/ }).waitFor();
    await page.getByRole('option', { name: /Ángela García López/ }).click();
    await page.getByRole('heading', { name: 'Ángela García López' }).waitFor();
    // The dialog closes with a short transition, which may still run when the page has shown.
    await dialog.waitFor({ state: 'hidden', timeout: 2000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
