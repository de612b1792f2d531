import { describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { apiLogin } from './api';
import { admin, adminSession, choose, hasChromium } from './harness';

describe.skipIf(!hasChromium)('forms that fit the record', () => {
  const app = adminSession({ browser: { viewport: { width: 375, height: 800 } } });

  it('a new person gets person fields, a birth date typed in Spanish, and no sector or website', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/accounts/new?kind=person`);
    await page.getByLabel('Nombre').fill('Lucía');
    await page.getByLabel('Apellidos').fill('Pérez');
    await expect(page.getByLabel('Sector').count()).resolves.toBe(0);
    await expect(page.getByLabel('Sitio web').count()).resolves.toBe(0);
    await page.getByLabel('Fecha de nacimiento').fill('12/04/1988');
    await page.getByLabel('Fecha de nacimiento').press('Tab');
    await choose(page, 'Canal de contacto preferido', 'WhatsApp');
    await choose(page, 'Idioma', 'español');
    // The national id is named after the country of the address.
    await page.getByLabel('País').first().fill('ES');
    await page.getByLabel('DNI / NIE').fill('12345678Z');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByRole('heading', { name: 'Lucía Pérez' }).waitFor();
    await page.getByText('12 abr 1988').waitFor();
    await page.getByText('WhatsApp').waitFor();
    await page.getByText('12345678Z').waitFor();
  });

  it("a company's tax id is named as its country names it", async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/accounts/new?kind=organization`);
    await page.getByLabel('País').first().fill('PE');
    await page.getByLabel('RUC').waitFor();
    await page.getByLabel('País').first().fill('NO');
    await page.getByLabel('Org.nr.').waitFor();
  });

  it("a lead's more information is edited in place", async () => {
    const { page } = app.browser;
    const api = await apiLogin(app.server.baseUrl, admin.email, admin.password);
    const lead = await api.call(accountSchema, 'POST', '/accounts', { kind: 'person', firstName: 'Marta', lastName: 'Ruiz', stage: 'lead' });
    await page.goto(`${app.server.baseUrl}/leads/${lead.id}`);
    await page.getByRole('button', { name: 'Más información' }).click();
    await page.getByRole('button', { name: 'Editar más información' }).click();
    const form = page.getByRole('form', { name: 'Más información' });
    await form.getByLabel('Documento de identidad').fill('X1234567L');
    await choose(page, 'Canal de contacto preferido', 'Teléfono');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('X1234567L').waitFor();
    const saved = await api.call(accountSchema, 'GET', `/accounts/${lead.id}`);
    expect(saved).toMatchObject({ nationalId: 'X1234567L', preferredChannel: 'phone' });
  });
});
