import { describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { productSchema } from '@contract/products';
import { quoteSchema } from '@contract/quotes';
import { apiLogin, type ApiSession } from './api';
import { admin, adminSession, hasChromium } from './harness';

// The smallest valid PNG (1×1): what a person would pick from their files.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

// A product's picture on a phone: added in its form (which still saves after it, the version having
// moved on), shown on its catalog card and in a quote's line picker, loaded from the server.
describe.skipIf(!hasChromium)('a product picture, added on a phone and seen where products are picked', () => {
  let api: ApiSession;
  let quoteId = '';
  let productId = '';
  const app = adminSession({
    browser: { viewport: { width: 375, height: 800 } },
    seed: async (server) => {
      api = await apiLogin(server.baseUrl, admin.email, admin.password);
      productId = (await api.call(productSchema, 'POST', '/products', { code: 'LAMP-01', name: 'Lámpara de pie', kind: 'product', unit: 'unit', price: 4999, currency: 'EUR' })).id;
      const account = await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Hotel Mirador' });
      quoteId = (await api.call(quoteSchema, 'POST', '/quotes', { accountId: account.id })).id;
    },
  });
  const loadedImages = (selector: string) => app.browser.page.locator(selector).evaluateAll((images) =>
    images.filter((image) => image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0).length);

  it('adds the picture in the product form, then saves a new price in the same form', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/catalog`);
    await page.getByTestId('catalog-cards').getByRole('button', { name: 'Lámpara de pie' }).click();
    const dialog = page.getByRole('dialog', { name: /Editar/ });
    await dialog.getByRole('button', { name: 'Añadir una imagen' }).click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('menuitem', { name: 'Añadir una imagen' }).click()]);
    await chooser.setFiles({ name: 'lampara.png', mimeType: 'image/png', buffer: png });
    await dialog.getByRole('button', { name: 'Cambiar la imagen' }).waitFor();
    await dialog.getByLabel('Precio de lista').fill('59,99');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(api.call(productSchema, 'GET', `/products/${productId}`)).resolves.toMatchObject({ price: 5999, imageUrl: expect.stringMatching(/\/image\?v=/) });
  });

  it('shows it on the catalog card, loaded, without sideways scrolling', async () => {
    const { page } = app.browser;
    const cards = page.getByTestId('catalog-cards');
    await cards.getByRole('img', { name: 'Lámpara de pie' }).waitFor();
    await expect.poll(() => loadedImages('[data-testid="catalog-cards"] img')).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  it('shows it in the quote line picker', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/quotes/${quoteId}`);
    await page.getByRole('button', { name: 'Del catálogo' }).click();
    const picker = page.getByRole('dialog', { name: 'Añadir del catálogo' });
    await picker.getByRole('option', { name: /Lámpara de pie/ }).getByRole('img', { name: 'Lámpara de pie' }).waitFor();
    await expect.poll(() => loadedImages('[role="listbox"] img')).toBe(1);
  });
});
