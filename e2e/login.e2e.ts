import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, hasChromium, launchBrowser, login, logout, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

describe.skipIf(!hasChromium)('signing in and out', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a visitor to the login page and back to where they were heading', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/users`);
    await page.waitForURL('**/login?next=%2Fusers');
    await page.getByLabel('Correo electrónico').fill(admin.email);
    await page.getByLabel(/^Contraseña/).fill(admin.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL('**/users');
    await page.getByRole('heading', { name: 'Usuarios' }).waitFor();
  });

  it('refuses a wrong password with the same message as an unknown e-mail', async () => {
    const { page } = browser;
    await logout(page);
    // The server ended the session (logout sends the CSRF header), not just this page.
    expect((await page.request.get(`${server.baseUrl}/api/v1/me`)).status()).toBe(401);
    const attempt = async (email: string) => {
      await page.getByLabel('Correo electrónico').fill(email);
      await page.getByLabel(/^Contraseña/).fill('not-the-password');
      await page.getByRole('button', { name: 'Entrar' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.textContent();
      await page.reload();
      return text;
    };
    const wrongPassword = await attempt(admin.email);
    const unknownEmail = await attempt('nobody@example.com');
    expect(wrongPassword).toBeTruthy();
    expect(unknownEmail).toBe(wrongPassword);
  });

  it('logs in as admin and shows the admin pages', async () => {
    const { page } = browser;
    await login(page, server.baseUrl, admin.email, admin.password);
    await page.getByRole('link', { name: 'Papelera' }).waitFor();
    await page.getByRole('link', { name: 'Usuarios' }).waitFor();
  });

  it('sends a visitor of the accounts list (whose first page is asked for early) to the login once', async () => {
    const { page } = browser;
    await logout(page);
    await page.goto(`${server.baseUrl}/accounts?kind=person`);
    await page.waitForURL('**/login?next=%2Faccounts%3Fkind%3Dperson');
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).search).toBe('?next=%2Faccounts%3Fkind%3Dperson');
    await page.getByLabel('Correo electrónico').fill(admin.email);
    await page.getByLabel(/^Contraseña/).fill(admin.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL('**/accounts?kind=person');
  });
});
