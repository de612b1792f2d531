import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { tagSchema } from '@contract/tags';
import { apiLogin } from './api';
import { admin, hasChromium, launchBrowser, login, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

/** A moment as the Spanish date-time field is typed: 07/12/2026 14:30, in the browser's (this machine's) time zone. */
const localText = (at: Date): string => {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(at.getDate())}/${two(at.getMonth() + 1)}/${at.getFullYear()} ${two(at.getHours())}:${two(at.getMinutes())}`;
};

describe.skipIf(!hasChromium)('campaigns, from the browser', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    const api = await apiLogin(server.baseUrl, admin.email, admin.password);
    const tag = await api.call(tagSchema, 'POST', '/tags', { name: 'Feria hogar' });
    for (const [firstName, lastName] of [['Marta', 'Ruiz'], ['Pablo', 'Soto'], ['Sin', 'Etiqueta']] as const) {
      const person = await api.call(accountSchema, 'POST', '/accounts', { kind: 'person', firstName, lastName, emails: [`${firstName.toLowerCase()}@example.com`], phones: ['+34 600 000 001'] });
      if (lastName !== 'Etiqueta') await api.send('PUT', `/accounts/${person.id}/tags/${tag.id}`, {});
    }
    browser = await launchBrowser({ viewport: { width: 375, height: 800 } });
    await login(browser.page, server.baseUrl, admin.email, admin.password);
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a campaign, adds a tag\'s people, logs a call and sets a reminder that rings in the bell (375 px wide)', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/campaigns`);
    await page.getByRole('button', { name: 'Nueva campaña' }).click();
    const form = page.getByRole('dialog', { name: 'Nueva campaña' });
    await form.getByLabel('Nombre').fill('Seguro hogar otoño');
    await form.getByLabel('Producto o servicio').fill('Seguro de hogar');
    await form.getByLabel('Precio').fill('129,90');
    await form.getByLabel('Inicio').fill('01/10/2026');
    await form.getByLabel('Inicio').press('Tab');
    await form.getByLabel('Fin').fill('31/12/2027');
    await form.getByLabel('Fin').press('Tab');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { name: 'Seguro hogar otoño' }).waitFor();
    await page.getByText('129,90').waitFor();

    // Members from a tag: a background job, then the list shows the tag's two people.
    await page.getByRole('button', { name: 'Añadir miembros' }).click();
    const add = page.getByRole('dialog', { name: 'Añadir miembros' });
    await add.getByText('Una etiqueta').click();
    await add.getByRole('combobox', { name: 'Una etiqueta' }).click();
    await page.getByRole('option', { name: 'Feria hogar' }).click();
    await add.getByRole('button', { name: 'Añadir' }).click();
    await add.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('member-row').count(), { timeout: 20_000 }).toBe(2);
    await page.getByRole('link', { name: 'Marta Ruiz' }).waitFor();
    await expect(page.getByRole('link', { name: 'Sin Etiqueta' }).count()).resolves.toBe(0);
    await page.getByTestId('total-to_contact').getByText('2').waitFor();

    // A dashboard slice opens the members it counted: the status rides in the URL, and the status button follows it.
    const campaignUrl = page.url().split('?')[0];
    await page.goto(`${campaignUrl}?status=interested`);
    await page.getByText('No hay miembros que puedas ver en esta campaña.').waitFor();
    await page.getByTestId('total-to_contact').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('to_contact');
    await expect.poll(() => page.getByTestId('member-row').count(), { timeout: 20_000 }).toBe(2);

    // One click: log a call with Marta, then set her a reminder.
    await page.getByRole('button', { name: 'Registrar llamada · Marta Ruiz' }).click();
    const call = page.getByRole('dialog', { name: 'Registrar llamada, visita o nota' });
    await call.getByLabel('Resultado').fill('Le interesa, pide precio para dos viviendas');
    await call.getByRole('button', { name: 'Registrar' }).click();
    await call.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Poner recordatorio · Marta Ruiz' }).click();
    const reminder = page.getByRole('dialog', { name: 'Programar actividad' });
    await reminder.getByLabel('Asunto').fill('Enviar oferta a Marta');
    // Due and reminding half an hour ago: overdue, so the bell rings for it now.
    for (const label of ['Fecha y hora', 'Recordatorio']) {
      await reminder.getByLabel(label).fill(localText(new Date(Date.now() - 30 * 60_000)));
      await reminder.getByLabel(label).press('Tab');
    }
    await reminder.getByRole('button', { name: 'Programar actividad' }).click();
    await reminder.waitFor({ state: 'hidden' });
    const marta = page.getByTestId('member-row').filter({ hasText: 'Marta Ruiz' });
    await marta.getByTestId('member-next').getByText(/Enviar oferta a Marta/).waitFor();
    await marta.getByText(/Llamada/).first().waitFor();

    // The bell has it.
    await page.reload();
    const bell = page.getByRole('button', { name: /Actividades pendientes/ });
    await expect.poll(async () => Number(await bell.getAttribute('data-pending')), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await bell.click();
    await page.getByRole('dialog').or(page.getByRole('menu')).getByText('Enviar oferta a Marta').first().waitFor();

    // Nothing is wider than the phone.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });

  it('a campaign that does not exist (or is out of reach) says "not found", as every record page does', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/campaigns/01900000-0000-7000-8000-000000000000`);
    await page.getByRole('heading', { name: 'No encontrado' }).waitFor();
  });
});
