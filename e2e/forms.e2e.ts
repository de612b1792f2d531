import { describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { activityListSchema } from '@contract/activities';
import { requestSchema } from '@contract/requests';
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

  it("a lead's latest request is read and edited in place", async () => {
    const { page } = app.browser;
    const api = await apiLogin(app.server.baseUrl, admin.email, admin.password);
    const lead = await api.call(accountSchema, 'POST', '/accounts', { kind: 'person', firstName: 'Rosa', stage: 'lead' });
    await api.call(requestSchema, 'POST', '/requests', { accountId: lead.id, reason: 'Pide información' });
    await page.goto(`${app.server.baseUrl}/leads/${lead.id}`);
    await page.getByRole('button', { name: 'Más información de la solicitud' }).click();
    await page.getByText('Pide información').waitFor();
    await page.getByRole('button', { name: 'Editar la solicitud' }).click();
    const form = page.getByRole('form', { name: 'Más información de la solicitud' });
    await form.getByLabel('Motivo').fill('Pide presupuesto');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('Pide presupuesto').first().waitFor();
  });

  it('an activity is scheduled with a day and time typed as a Spanish speaker writes them', async () => {
    const { page } = app.browser;
    const api = await apiLogin(app.server.baseUrl, admin.email, admin.password);
    const lead = await api.call(accountSchema, 'POST', '/accounts', { kind: 'person', firstName: 'Teo', stage: 'lead' });
    await page.goto(`${app.server.baseUrl}/leads/${lead.id}`);
    await page.getByRole('button', { name: 'Programar actividad' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Programar actividad' });
    await dialog.getByLabel('Asunto').fill('Llamar a Teo');
    await dialog.getByLabel('Fecha y hora').fill('13/04/2027 10:30');
    await dialog.getByLabel('Fecha y hora').press('Tab');
    await expect(dialog.getByLabel('Fecha y hora').inputValue()).resolves.toBe('13/04/2027 10:30');
    await dialog.getByRole('button', { name: 'Programar actividad' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const activities = await api.call(activityListSchema, 'GET', `/activities?accountId=${lead.id}`);
    const startAt = new Date(activities.items[0]?.startAt ?? '');
    // The browser runs in this machine's time zone, as this test does.
    expect([startAt.getFullYear(), startAt.getMonth() + 1, startAt.getDate(), startAt.getHours(), startAt.getMinutes()]).toEqual([2027, 4, 13, 10, 30]);
  });

  it('Enter in the tag input adds the tag typed, creating it when it is new', async () => {
    const { page } = app.browser;
    const api = await apiLogin(app.server.baseUrl, admin.email, admin.password);
    const company = await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Etiquetas S.L.' });
    await page.goto(`${app.server.baseUrl}/accounts/${company.id}`);
    const input = page.getByRole('textbox', { name: 'Añadir etiqueta' });
    await input.fill('Feria 2027');
    await input.press('Enter');
    await page.getByRole('group', { name: 'Etiquetas de la cuenta' }).getByRole('link', { name: 'Feria 2027' }).waitFor();
  });
});
