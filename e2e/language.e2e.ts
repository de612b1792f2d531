import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, hasChromium, launchBrowser, login, screenshotOnFailure, startServer, watchForRawKeys, type TestBrowser, type TestServer } from './harness';

describe.skipIf(!hasChromium)('the language switch', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let rawKeysSeen: () => string[] = () => [];

  beforeAll(async () => {
    server = await startServer();
    // An English browser: before login the app speaks English…
    browser = await launchBrowser({ locale: 'en-GB' });
    // Translations load one namespace at a time: none may show as a raw key, even for a moment.
    rawKeysSeen = await watchForRawKeys(browser.context);
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('starts in the browser language before login', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/login`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  });

  it("switches to the user's own language once logged in, and back and forth with the switch", async () => {
    const { page } = browser;
    // …and once logged in, the admin's language (Spanish) wins.
    await login(page, server.baseUrl, admin.email, admin.password);
    await page.getByRole('heading', { name: 'Cuentas' }).waitFor();

    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    await page.getByRole('link', { name: 'New organization' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');

    // Saved to the profile: a reload keeps English.
    await page.reload();
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();

    await page.getByText('ES', { exact: true }).click();
    await page.getByRole('heading', { name: 'Cuentas' }).waitFor();
    await page.getByRole('link', { name: 'Nueva organización' }).waitFor();
  });

  it('shows validation messages in the chosen language', async () => {
    const { page } = browser;
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('link', { name: 'New person' }).click();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('This field is required.').waitFor();
    await page.getByText('ES', { exact: true }).click();
    // Existing messages stay until the next check; checking again speaks Spanish.
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByText('Este campo es obligatorio.').waitFor();
  });

  it('never showed a raw translation key', () => {
    expect(rawKeysSeen()).toEqual([]);
  });
});
