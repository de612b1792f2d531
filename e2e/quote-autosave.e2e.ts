import { describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { quoteSchema, type Quote } from '@contract/quotes';
import { apiLogin, type ApiSession } from './api';
import { admin, adminSession, hasChromium } from './harness';

// The draft editor saves by itself on a phone: a line once typed, a note even when the user
// leaves at once, and someone else's save in between is caught (412) instead of overwritten, the
// user's edits kept on screen until they take the latest version.
describe.skipIf(!hasChromium)('the quote editor saves by itself', () => {
  let api: ApiSession;
  let quoteId = '';
  const app = adminSession({
    browser: { viewport: { width: 375, height: 800 } },
    seed: async (server) => {
      api = await apiLogin(server.baseUrl, admin.email, admin.password);
      const account = await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Ferretería Sol' });
      quoteId = (await api.call(quoteSchema, 'POST', '/quotes', { accountId: account.id })).id;
    },
  });
  const serverQuote = (): Promise<Quote> => api.call(quoteSchema, 'GET', `/quotes/${quoteId}`);
  const status = (state: string) => app.browser.page.locator(`[data-testid="autosave-status"][data-state="${state}"]`);

  it('saves a line once it is complete and the typing pauses, with no button to press', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/quotes/${quoteId}`);
    await status('saved').getByText('Todos los cambios guardados').waitFor();
    await page.getByRole('button', { name: 'Línea libre' }).click();
    // An empty line cannot be saved: the editor says so rather than saving half of it.
    await status('invalid').waitFor();
    const line = page.getByTestId('quote-line').first();
    await line.getByLabel('Descripción').fill('Visita técnica');
    await line.getByLabel('Precio unitario (EUR)').fill('80');
    await status('saved').waitFor();
    const saved = await serverQuote();
    expect(saved.lines.map((item) => [item.description, item.unitPrice])).toEqual([['Visita técnica', 8000]]);
    // The row typed in is the same element: still there, still holding what was typed.
    await expect(line.getByLabel('Descripción').inputValue()).resolves.toBe('Visita técnica');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  it('keeps a note typed just before leaving the page', async () => {
    const { page } = app.browser;
    await page.getByLabel('Notas').fill('Acceso por la puerta trasera');
    // Straight away, before the pause that would save it: to the customer's page, inside the app.
    await page.getByRole('link', { name: 'Ferretería Sol' }).first().click();
    await page.waitForURL('**/accounts/**');
    await expect.poll(async () => (await serverQuote()).notes, { timeout: 10_000 }).toBe('Acceso por la puerta trasera');
  });

  it('stops at someone else\'s save: nothing overwritten, the edit kept on screen until the latest version is taken', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/quotes/${quoteId}`);
    await status('saved').waitFor();
    const before = await serverQuote();
    await api.call(quoteSchema, 'PATCH', `/quotes/${quoteId}`, { version: before.version, paymentTerms: 'Contado' });
    await page.getByLabel('Notas').fill('Mi nota');
    await status('conflict').getByText('Otra persona ha cambiado esta cotización').waitFor();
    await expect(page.getByLabel('Notas').inputValue()).resolves.toBe('Mi nota');
    expect(await serverQuote()).toMatchObject({ paymentTerms: 'Contado', notes: 'Acceso por la puerta trasera' });
    await page.getByRole('button', { name: /Cargar la última versión/ }).click();
    await status('saved').waitFor();
    await expect(page.getByLabel('Forma de pago').inputValue()).resolves.toBe('Contado');
    await expect(page.getByLabel('Notas').inputValue()).resolves.toBe('Acceso por la puerta trasera');
  });
});
