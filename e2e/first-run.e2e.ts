import { describe, it } from 'vitest';
import { adminSession, hasChromium } from './harness';

describe.skipIf(!hasChromium)('the first run of an empty installation', () => {
  const app = adminSession();

  it('welcomes the admin with the first steps, each leading where it says', async () => {
    const { page } = app.browser;
    const welcome = page.getByTestId('welcome');
    await welcome.getByRole('heading', { name: /Te damos la bienvenida a Cartera/ }).waitFor();
    for (const step of ['Añade una empresa o una persona', 'Importa un archivo', 'Invita a tu equipo de ventas', 'Configura las listas']) {
      await welcome.getByRole('heading', { name: step }).waitFor();
    }
    await welcome.getByRole('link', { name: 'Crear un usuario' }).click();
    await page.getByRole('dialog').waitFor();
    await page.goto(`${app.server.baseUrl}/accounts`);
    await welcome.getByRole('link', { name: 'Nueva organización' }).click();
    await page.waitForURL('**/accounts/new?kind=organization');
  });

  it('a filter with no results is told apart from an empty list, and can be cleared', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/accounts?city=Nowhere`);
    await page.getByText('Ninguna cuenta coincide con estos filtros.').waitFor();
    await page.getByRole('button', { name: 'Quitar los filtros' }).click();
    await page.getByTestId('welcome').waitFor();
  });
});
