import { describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { activitySchema } from '@contract/activities';
import { apiLogin } from './api';
import { admin, adminSession, choose, hasChromium } from './harness';

const pad = (n: number) => String(n).padStart(2, '0');
/** Now, typed as YYYY-MM-DDTHH:mm, which the date field also accepts (the browser runs on this machine, in its time zone). */
function localNow(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

describe.skipIf(!hasChromium)('a lead from its first request to customer, with the bell', () => {
  const app = adminSession();

  const bell = () => app.browser.page.getByRole('button', { name: /^Actividades pendientes: \d+$/ });

  it('creates a new lead and its first request in one form', async () => {
    const { page } = app.browser;
    await expect(bell().getAttribute('data-pending')).resolves.toBe('0');
    await page.getByRole('link', { name: 'Solicitudes' }).click();
    await page.getByRole('link', { name: 'Nuevo lead' }).click();
    await page.getByLabel('Nombre').fill('Marta');
    await page.getByLabel('Apellidos').fill('Ruiz');
    await page.getByLabel('Teléfono').fill('+34 600 111 222');
    await choose(page, 'Canal / tipo de cita', 'Teléfono');
    await page.getByLabel('Motivo').fill('Pide presupuesto');
    await page.getByRole('button', { name: 'Crear lead' }).click();
    await page.getByRole('heading', { name: 'Marta Ruiz' }).waitFor();
    expect(page.url()).toMatch(/\/leads\/[0-9a-f-]{36}$/);
    // The latest request shows with its status colour and as still open.
    const latest = page.getByRole('table', { name: 'Solicitudes' }).first();
    await latest.getByText('Nueva').first().waitFor();
    await latest.getByText('Pendiente').first().waitFor();
  });

  it('schedules an activity due today: the bell turns red with the count', async () => {
    const { page } = app.browser;
    await page.getByRole('button', { name: 'Programar actividad' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Programar actividad' });
    await dialog.getByLabel('Asunto').fill('Llamar a Marta');
    await dialog.getByLabel('Fecha y hora').fill(localNow());
    // Leaving the field closes its calendar, which would cover the fields below.
    await dialog.getByLabel('Fecha y hora').press('Tab');
    await dialog.getByRole('button', { name: 'Programar actividad' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Actividades pendientes: 1' }).waitFor();
    await expect(bell().getAttribute('data-pending')).resolves.toBe('1');
    // The lead page shows it as the next activity.
    await page.getByText('Llamar a Marta').first().waitFor();
  });

  it('marks it done with a result: the bell turns grey', async () => {
    const { page } = app.browser;
    await page.getByRole('tab', { name: 'Actividades' }).click();
    await page.getByRole('button', { name: 'Acciones de Llamar a Marta' }).click();
    await page.getByRole('menuitem', { name: 'Marcar como realizada' }).click();
    const dialog = page.getByRole('dialog', { name: 'Marcar como realizada' });
    await dialog.getByLabel('Resultado').fill('Cita concertada para el lunes');
    await dialog.getByRole('button', { name: 'Marcar como realizada' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Actividades pendientes: 0' }).waitFor();
    await page.getByRole('table', { name: 'Actividades' }).getByText('Realizada').waitFor();
  });

  it('qualifies the lead: a customer now, its request handled, both in its history', async () => {
    const { page } = app.browser;
    await page.getByRole('button', { name: 'Calificar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Calificar lead' });
    await expect(dialog.getByLabel('Marcar su solicitud abierta como gestionada').isChecked()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Calificar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Deshacer calificación' }).waitFor();
    await expect(page.getByRole('button', { name: 'Calificar' }).count()).resolves.toBe(0);
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByText('Lead calificado como cliente').waitFor();
    await page.getByText('Actividad realizada').waitFor();
    await page.getByText('Solicitud recibida').waitFor();
  });
});

describe.skipIf(!hasChromium)('the calendar', () => {
  const app = adminSession();

  it('moves an activity to another hour by dragging it in the week view', async () => {
    const { page } = app.browser;
    const session = await apiLogin(app.server.baseUrl, admin.email, admin.password);
    const account = await session.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Clínica Sol' });
    const start = new Date();
    start.setHours(10, 0, 0, 0);
    const created = await session.call(activitySchema, 'POST', '/activities', { accountId: account.id, type: 'meeting', subject: 'Reunión con Sol', startAt: start.toISOString(), endAt: new Date(start.getTime() + 3_600_000).toISOString() });
    await page.getByRole('link', { name: 'Calendario' }).click();
    const chip = page.getByRole('button', { name: /Reunión con Sol/ });
    await chip.waitFor();
    const day = new Intl.DateTimeFormat('es', { weekday: 'long', day: 'numeric', month: 'long' }).format(start);
    await chip.dragTo(page.getByRole('gridcell', { name: `${day} 15:00` }));
    await page.getByRole('gridcell', { name: `${day} 15:00` }).getByRole('button', { name: /Reunión con Sol/ }).waitFor();
    const moved = await session.call(activitySchema, 'GET', `/activities/${created.id}`);
    expect(new Date(moved.startAt).getHours()).toBe(15);
    expect(Date.parse(moved.endAt ?? '') - Date.parse(moved.startAt)).toBe(3_600_000);
  });
});
