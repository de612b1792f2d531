import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userSchema } from '@contract/users';
import { apiLogin } from './api';
import { admin, hasChromium, launchBrowser, login, logout, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

const ana = { name: 'Ana Agente', email: 'ana@example.com', password: 'ana-password-1' };
const bruno = { name: 'Bruno Agente', email: 'bruno@example.com', password: 'bruno-password-1' };

describe.skipIf(!hasChromium)('the portfolio: what an agent owns, another agent does not see', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let organizationUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets the admin create a sales agent from the users page', async () => {
    const { page } = browser;
    await login(page, server.baseUrl, admin.email, admin.password);
    await page.getByRole('link', { name: 'Usuarios' }).click();
    await page.getByRole('button', { name: 'Nuevo usuario' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo usuario' });
    await dialog.getByLabel('Nombre').fill(ana.name);
    await dialog.getByLabel('Correo electrónico').fill(ana.email);
    await dialog.getByLabel('Contraseña inicial').fill(ana.password);
    // A new user is a sales agent who sees their own accounts unless the admin changes it.
    await expect(dialog.getByRole('combobox', { name: 'Rol' }).inputValue()).resolves.toBe('Agente comercial');
    await expect(dialog.getByRole('combobox', { name: 'Alcance' }).inputValue()).resolves.toBe('Sus cuentas');
    await dialog.getByRole('button', { name: 'Crear usuario' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: new RegExp(ana.name) });
    await expect(row.textContent()).resolves.toMatch(/Agente comercial.*Sus cuentas/);
  });

  it('creates an organization owned by the agent, with a new contact person', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Cuentas' }).click();
    await page.getByRole('link', { name: 'Nueva organización' }).click();
    await page.getByLabel('Nombre').fill('Talleres Ruiz S.L.');
    await page.getByLabel('Identificador fiscal').fill('B87654323');
    // The creator is the default owner; hand the account to the agent instead.
    const owners = page.getByRole('combobox', { name: 'Responsables' });
    await owners.click();
    await owners.press('Backspace');
    await page.getByRole('option', { name: ana.name }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByRole('heading', { name: 'Talleres Ruiz S.L.' }).waitFor();
    organizationUrl = page.url();
    await expect(page.getByText(`Responsables: ${ana.name}`).count()).resolves.toBe(1);

    await page.getByRole('tab', { name: 'Contactos' }).click();
    await page.getByRole('button', { name: 'Añadir persona de contacto' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Crear persona').click();
    await dialog.getByLabel('Nombre').fill('Lucía');
    await dialog.getByLabel('Apellidos').fill('Gómez');
    await dialog.getByLabel('Cargo').fill('Gerente');
    await dialog.getByLabel('Área').fill('Compras');
    await dialog.getByRole('button', { name: 'Añadir contacto' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Gerente · Compras').waitFor();

    // The new person belongs to the organization's owners.
    await page.getByRole('link', { name: 'Lucía Gómez' }).click();
    await page.getByRole('heading', { name: 'Lucía Gómez' }).waitFor();
    await expect(page.getByText(`Responsables: ${ana.name}`).count()).resolves.toBe(1);
    await page.getByRole('tab', { name: 'Contactos' }).click();
    await page.getByRole('link', { name: 'Talleres Ruiz S.L.' }).waitFor();
  });

  it('shows the agent both accounts', async () => {
    const { page } = browser;
    await logout(page);
    await login(page, server.baseUrl, ana.email, ana.password);
    await page.getByRole('link', { name: 'Talleres Ruiz S.L.' }).waitFor();
    await page.getByRole('link', { name: 'Lucía Gómez' }).waitFor();
    await expect(page.getByTestId('accounts-total').textContent()).resolves.toBe('2 cuentas');
    // Agents administer nothing.
    await expect(page.getByRole('link', { name: 'Usuarios' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Papelera' }).count()).resolves.toBe(0);
  });

  it('hides both from a second agent: an empty list and "not found" at the direct address', async () => {
    const session = await apiLogin(server.baseUrl, admin.email, admin.password);
    await session.call(userSchema, 'POST', '/users', { ...bruno, role: 'agent', scope: 'own' });

    const { page } = browser;
    await logout(page);
    await login(page, server.baseUrl, bruno.email, bruno.password);
    await page.getByText('Tu cartera está vacía', { exact: false }).waitFor();
    await expect(page.getByRole('link', { name: 'Talleres Ruiz S.L.' }).count()).resolves.toBe(0);

    await page.goto(organizationUrl);
    await page.getByRole('heading', { name: 'No encontrado' }).waitFor();
    await expect(page.getByText('Talleres Ruiz S.L.').count()).resolves.toBe(0);
  });
});
