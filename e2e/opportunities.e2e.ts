import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountSchema } from '@contract/accounts';
import { opportunitySchema } from '@contract/opportunities';
import { apiLogin } from './api';
import { admin, adminSession, choose, hasChromium, launchBrowser, login } from './harness';

const column = (stage: string) => `[data-testid="board-column"][data-stage="${stage}"]`;

describe.skipIf(!hasChromium)('an opportunity with two people, dragged across the board to won', () => {
  const app = adminSession({
    browser: { viewport: { width: 1400, height: 900 } },
    seed: async (server) => {
      const api = await apiLogin(server.baseUrl, admin.email, admin.password);
      const organization = await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Talleres Norte SA' });
      for (const [firstName, lastName] of [['Ana', 'Gil'], ['Luis', 'Mora']]) {
        const person = await api.call(accountSchema, 'POST', '/accounts', { kind: 'person', firstName, lastName });
        await api.call(z.unknown(), 'POST', `/accounts/${organization.id}/contacts`, { otherId: person.id, position: 'Compras' });
      }
      await api.call(opportunitySchema, 'POST', '/opportunities', { organizationId: organization.id, name: 'Mantenimiento anual', amount: 90000, currency: 'USD', expectedCloseOn: '2027-06-30', stage: 'proposal' });
    },
  });

  it('creates it from the list with two people and their roles', async () => {
    const { page } = app.browser;
    await page.getByRole('link', { name: 'Oportunidades' }).click();
    await page.getByRole('heading', { name: 'Oportunidades' }).waitFor();
    await page.getByRole('button', { name: 'Nueva oportunidad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nueva oportunidad' });
    await dialog.getByRole('combobox', { name: 'Organización' }).fill('Talleres');
    await page.getByRole('option', { name: /Talleres Norte SA/ }).click();
    await dialog.getByLabel('Nombre').fill('Flota 2027');
    await dialog.getByLabel('Importe').fill('1500,50');
    await dialog.getByLabel('Cierre previsto').fill('01/03/2027');
    await dialog.getByLabel('Cierre previsto').press('Tab');
    for (const [index, [person, role]] of [['Ana Gil', 'Decisor'], ['Luis Mora', 'Usuario']].entries()) {
      await dialog.getByRole('button', { name: 'Añadir persona' }).click();
      const row = dialog.getByTestId('person-row').nth(index);
      await row.getByRole('combobox', { name: 'Persona' }).click();
      await page.getByRole('option', { name: person }).click();
      await row.getByRole('combobox', { name: 'Rol' }).click();
      await page.getByRole('option', { name: role }).click();
    }
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { name: 'Flota 2027' }).waitFor();
    const people = page.getByTestId('opportunity-people');
    await people.getByText('Ana Gil').waitFor();
    await people.getByText('Luis Mora').waitFor();
    await expect(page.getByTestId('opportunity-status').textContent()).resolves.toBe('Abierta');
  });

  it('schedules an activity on it, which the organization\'s activities show with a link back to it', async () => {
    const { page } = app.browser;
    await page.getByRole('tab', { name: 'Actividades' }).click();
    await page.getByRole('button', { name: 'Programar actividad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Programar actividad' });
    await dialog.getByLabel('Asunto').fill('Visita a la flota');
    await dialog.getByRole('button', { name: 'Programar actividad' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Actividades' }).getByText('Visita a la flota').waitFor();
    await page.getByRole('link', { name: 'Talleres Norte SA' }).click();
    await page.getByRole('heading', { name: 'Talleres Norte SA' }).waitFor();
    await page.getByRole('tab', { name: 'Actividades' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Visita a la flota' });
    await row.getByRole('link', { name: 'Ver la oportunidad' }).click();
    await page.getByRole('heading', { name: 'Flota 2027' }).waitFor();
  });

  it('drags it by pointer to another stage: counts and totals per currency follow', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/opportunities/board`);
    const card = page.locator(`${column('qualification')} [data-testid="board-card"]`, { hasText: 'Flota 2027' });
    await card.waitFor();
    const target = page.locator(column('proposal'));
    const from = await card.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('no boxes');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height - 12);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y + 40, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 15 });
    await page.mouse.up();
    await page.locator(column('proposal')).getByText('Flota 2027').waitFor();
    await page.locator(`${column('proposal')} [data-testid="column-count"]`, { hasText: '2 oportunidades' }).waitFor();
    // Two currencies in one column: two totals, never one sum.
    const sums = page.locator(`${column('proposal')} [data-testid="column-sums"]`);
    await sums.getByText(/1500,50\s€/).waitFor();
    await sums.getByText(/900,00\sUS\$/).waitFor();
    await expect(page.locator(`${column('qualification')} [data-testid="column-count"]`).textContent()).resolves.toBe('0 oportunidades');
  });

  it('moves it by keyboard to the next stage, then drops it on the folded won column', async () => {
    const { page } = app.browser;
    const card = page.locator(`${column('proposal')} [data-testid="board-card"]`, { hasText: 'Flota 2027' });
    await card.focus();
    // As a person would: a beat between keys, so each step is measured before the next.
    for (const key of ['Space', 'ArrowRight', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(400);
    }
    await page.locator(column('negotiation')).getByText('Flota 2027').waitFor();
    await page.locator(`${column('negotiation')} [data-testid="column-count"]`, { hasText: '1 oportunidad' }).waitFor();
    const moved = page.locator(`${column('negotiation')} [data-testid="board-card"]`, { hasText: 'Flota 2027' });
    const won = page.locator(column('won'));
    const from = await moved.boundingBox();
    const to = await won.boundingBox();
    if (!from || !to) throw new Error('no boxes');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height - 12);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y + 40, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
    await page.mouse.up();
    await page.getByText('Flota 2027 movida a Ganada').waitFor();
    // The move is the server's, not the screen's: after a reload the card is still in the won column.
    await page.reload();
    await page.getByRole('button', { name: 'Mostrar Ganada' }).click();
    await page.locator(`${column('won')} [data-testid="column-count"]`, { hasText: '1 oportunidad' }).waitFor();
    await expect(page.locator(`${column('negotiation')} [data-testid="board-card"]`, { hasText: 'Flota 2027' }).count()).resolves.toBe(0);
    await page.locator(column('won')).getByRole('link', { name: 'Flota 2027' }).click();
    await page.getByRole('heading', { name: 'Flota 2027' }).waitFor();
    await expect(page.getByTestId('opportunity-status').textContent()).resolves.toBe('Ganada');
    // The history tells the moves.
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByText('Oportunidad movida en el tablero').first().waitFor();
  });

  it('the list\'s export says it holds the opportunities; an opportunity that does not exist says "not found"', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/opportunities`);
    await page.getByTestId('opportunities-table').waitFor();
    await page.getByTestId('export-menu').click();
    await page.getByText('Las oportunidades de esta lista, con sus filtros y su orden.').waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`${app.server.baseUrl}/opportunities/01900000-0000-7000-8000-000000000000`);
    await page.getByRole('heading', { name: 'No encontrado' }).waitFor();
  });

  it('at 375 px the columns scroll sideways and the page does not', async () => {
    const phone = await launchBrowser({ viewport: { width: 375, height: 740 } });
    try {
      await login(phone.page, app.server.baseUrl, admin.email, admin.password);
      await phone.page.goto(`${app.server.baseUrl}/opportunities/board`);
      await phone.page.locator(column('proposal')).waitFor();
      const widths = await phone.page.evaluate(() => {
        const board = document.querySelector('[data-testid="board"]');
        return { board: board ? board.scrollWidth - board.clientWidth : 0, page: document.documentElement.scrollWidth };
      });
      expect(widths.board).toBeGreaterThan(0);
      expect(widths.page).toBeLessThanOrEqual(375);
      await phone.page.goto(`${app.server.baseUrl}/opportunities`);
      await phone.page.getByTestId('opportunities-table').waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    } finally {
      await phone.close();
    }
  });

  it('qualifies a person lead and opens an opportunity on their company in the same step', async () => {
    const { page } = app.browser;
    const api = await apiLogin(app.server.baseUrl, admin.email, admin.password);
    const company = await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Hoteles Brisa SL' });
    const lead = await api.call(accountSchema, 'POST', '/accounts', { kind: 'person', firstName: 'Rosa', lastName: 'Vidal', stage: 'lead' });
    await api.call(z.unknown(), 'POST', `/accounts/${company.id}/contacts`, { otherId: lead.id, position: 'Gerente' });
    await page.goto(`${app.server.baseUrl}/leads/${lead.id}`);
    await page.getByRole('button', { name: 'Calificar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Calificar lead' });
    await dialog.getByLabel('Abrir también una oportunidad').check();
    await dialog.getByRole('button', { name: 'Calificar' }).click();
    // Nothing is sent while the deal lacks its company and close date.
    await dialog.getByText('Este campo es obligatorio').first().waitFor();
    await choose(page, 'Organización', 'Hoteles Brisa SL');
    await dialog.getByLabel('Nombre de la oportunidad').fill('Reforma de habitaciones');
    await dialog.getByLabel('Importe').fill('20000');
    await dialog.getByLabel('Cierre previsto').fill('30/06/2027');
    await dialog.getByLabel('Cierre previsto').press('Tab');
    await dialog.getByRole('button', { name: 'Calificar' }).click();
    await page.getByRole('heading', { name: 'Reforma de habitaciones' }).waitFor();
    await page.getByTestId('opportunity-people').getByText('Rosa Vidal').waitFor();
    await page.getByRole('link', { name: 'Hoteles Brisa SL' }).waitFor();
    const qualified = await api.call(accountSchema, 'GET', `/accounts/${lead.id}`);
    expect(qualified.stage).toBe('customer');
  });
});
