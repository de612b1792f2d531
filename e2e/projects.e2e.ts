import { describe, expect, it } from 'vitest';
import { admin, adminSession, hasChromium, launchBrowser, login } from './harness';

const pad = (n: number) => String(n).padStart(2, '0');
/** Now, typed as YYYY-MM-DDTHH:mm, which the date field also accepts (the browser runs on this machine, in its time zone). */
function localNow(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

describe.skipIf(!hasChromium)('a new company with a start project, and a task of it that rings in the bell', () => {
  const app = adminSession({ browser: { viewport: { width: 1280, height: 900 } } });

  it('adds the company with its start project in one step', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/accounts/new?kind=organization`);
    await page.getByLabel('Nombre').first().fill('Constructora Andina SAC');
    const section = page.getByTestId('start-project');
    await section.getByRole('switch', { name: 'Iniciar un proyecto para esta empresa' }).click();
    await section.getByLabel('Nombre').fill('Proyecto de inicio');
    await section.getByLabel('Presupuesto').fill('2500,50');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByRole('heading', { name: 'Constructora Andina SAC' }).waitFor();
    // The company's tiles count it; its projects tab lists it.
    const tiles = page.getByTestId('overview-counters');
    await tiles.getByText('Proyectos activos').waitFor();
    await expect(tiles.locator('div', { hasText: /^1Proyectos activos$/ }).count()).resolves.toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Proyectos' }).click();
    await page.getByTestId('organization-projects').getByRole('link', { name: 'Proyecto de inicio' }).click();
    await page.getByRole('heading', { name: 'Proyecto de inicio' }).waitFor();
    await expect(page.getByTestId('project-status').textContent()).resolves.toBe('Activo');
    await page.getByText(/2500,50\s€/).waitFor();
  });

  it('adds a task to the project: it is in the bell, then marked done', async () => {
    const { page } = app.browser;
    await page.getByRole('tab', { name: /Tareas/ }).click();
    await page.getByRole('button', { name: 'Añadir tarea' }).click();
    const dialog = page.getByRole('dialog', { name: 'Programar actividad' });
    await expect(dialog.getByRole('combobox', { name: 'Tipo' }).inputValue()).resolves.toBe('Tarea');
    await dialog.getByLabel('Asunto').fill('Enviar acuerdo de cooperación');
    await dialog.getByLabel('Fecha y hora').fill(localNow());
    await dialog.getByLabel('Fecha y hora').press('Tab');
    await dialog.getByRole('button', { name: 'Programar actividad' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('project-tasks').getByText('Enviar acuerdo de cooperación').waitFor();
    await page.getByRole('tab', { name: 'Tareas (1 abierta)' }).waitFor();

    // The bell has it, as any activity due now.
    await page.reload();
    const bell = page.getByRole('button', { name: /Actividades pendientes/ });
    await expect.poll(async () => Number(await bell.getAttribute('data-pending')), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await bell.click();
    await page.getByRole('dialog').getByText('Enviar acuerdo de cooperación').waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: /Tareas/ }).click();
    await page.getByRole('button', { name: 'Acciones de Enviar acuerdo de cooperación' }).click();
    await page.getByRole('menuitem', { name: 'Marcar como realizada' }).click();
    const done = page.getByRole('dialog', { name: 'Marcar como realizada' });
    await done.getByRole('button', { name: 'Marcar como realizada' }).click();
    await done.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: 'Tareas (0 abiertas)' }).waitFor();
    // The history tells it.
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByText('Proyecto creado').waitFor();
  });

  it('lists it, and at 375 px the list and the project fit the phone', async () => {
    const { page } = app.browser;
    await page.getByRole('link', { name: 'Proyectos' }).first().click();
    await page.getByTestId('projects-table').getByRole('link', { name: 'Proyecto de inicio' }).waitFor();
    await page.getByTestId('projects-total').getByText('1 proyecto').waitFor();
    const phone = await launchBrowser({ viewport: { width: 375, height: 740 } });
    try {
      await login(phone.page, app.server.baseUrl, admin.email, admin.password);
      await phone.page.goto(`${app.server.baseUrl}/projects`);
      await phone.page.getByTestId('projects-cards').getByRole('link', { name: 'Proyecto de inicio' }).click();
      await phone.page.getByRole('heading', { name: 'Proyecto de inicio' }).waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await phone.page.goto(`${app.server.baseUrl}/projects`);
      await phone.page.getByTestId('projects-cards').waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    } finally {
      await phone.close();
    }
  });
});
