import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { leadCreatedSchema } from '@contract/requests';
import { apiLogin } from './api';
import { admin, adminSession, choose, hasChromium, launchBrowser, login, type TestServer } from './harness';

const agent = { email: 'olga@example.com', password: 'olga-password-1', name: 'Olga Agente' };

const pad = (n: number) => String(n).padStart(2, '0');
/** Now, typed as YYYY-MM-DDTHH:mm, which the date field also accepts (the browser runs on this machine, in its time zone). */
function localNow(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** An agent (scope own) and an account only the admin owns; returns the account's id. */
async function seedAgentAndAccount(server: TestServer, name: string): Promise<string> {
  const session = await apiLogin(server.baseUrl, admin.email, admin.password);
  await session.send('POST', '/users', { ...agent, role: 'agent', scope: 'own' });
  return (await session.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name, stage: 'customer' })).id;
}

/** Runs `work` in the agent's own browser, signed in as them. */
async function asAgent(server: TestServer, work: (page: Page) => Promise<void>): Promise<void> {
  const browser = await launchBrowser();
  try {
    await login(browser.page, server.baseUrl, agent.email, agent.password);
    await work(browser.page);
  } catch (error) {
    const file = join(tmpdir(), 'cartera-e2e-failures', 'assign-agent.png');
    await browser.page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.warn(`Screenshot of the agent's page: ${file}`);
    throw error;
  } finally {
    await browser.close();
  }
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(!hasChromium)('assigned work reaches the person it is assigned to', () => {
  let accountId = '';
  const app = adminSession({ seed: async (server) => void (accountId = await seedAgentAndAccount(server, 'Clínica Norte')) });

  it('a lead filed by the admin with an agent as Responsable is on the agent\'s list and page', async () => {
    const { page } = app.browser;
    await page.getByRole('link', { name: 'Solicitudes' }).click();
    await page.getByRole('link', { name: 'Nuevo lead' }).click();
    await page.getByLabel('Nombre').fill('Lucía');
    await page.getByLabel('Apellidos').fill('Asignada');
    await page.getByText('Pasa a ser propietario del lead, así lo verá.').waitFor();
    await choose(page, 'Responsable', agent.name);
    await page.getByRole('button', { name: 'Crear lead' }).click();
    await page.getByRole('heading', { name: 'Lucía Asignada' }).waitFor();

    await asAgent(app.server, async (agentPage) => {
      await agentPage.getByRole('link', { name: 'Solicitudes' }).click();
      await agentPage.waitForURL('**/requests');
      await agentPage.getByRole('table', { name: 'Solicitudes' }).getByRole('link', { name: 'Lucía Asignada' }).click();
      await agentPage.waitForURL('**/leads/*');
      await agentPage.getByRole('heading', { name: 'Lucía Asignada' }).waitFor();
      await agentPage.getByRole('table', { name: 'Solicitudes' }).first().getByText(agent.name).first().waitFor();
    });
  });

  it('an activity for an agent who cannot see the account asks to add them as owner; then it rings their bell', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/accounts/${accountId}?tab=activities`);
    await page.getByRole('button', { name: 'Programar actividad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Programar actividad' });
    await dialog.getByLabel('Asunto').fill('Llamar a Clínica Norte');
    await dialog.getByLabel('Fecha y hora').fill(localNow());
    // Leaving the field closes its calendar, which would cover the fields below.
    await dialog.getByLabel('Fecha y hora').press('Tab');
    await choose(page, 'Responsable', agent.name);
    await dialog.getByRole('button', { name: 'Programar actividad' }).click();
    const question = dialog.getByRole('alertdialog', { name: 'Olga Agente no ve esta cuenta' });
    await question.getByText('¿Añadir a Olga Agente como propietario de la cuenta?').waitFor();
    await question.getByRole('button', { name: 'Sí, añadir y guardar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Actividades' }).getByText('Llamar a Clínica Norte').waitFor();
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByText('Responsables cambiados').first().waitFor();

    await asAgent(app.server, async (agentPage) => {
      const bell = agentPage.getByRole('button', { name: 'Actividades pendientes: 1' });
      await bell.waitFor();
      await bell.click();
      await agentPage.getByRole('dialog').getByText('Llamar a Clínica Norte').waitFor();
    });
  });

  it('logs a call in one step: done, with its result, in the list and the history', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/accounts/${accountId}?tab=activities`);
    await page.getByRole('button', { name: 'Registrar llamada / visita / nota' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar llamada, visita o nota' });
    // Type and time are filled in: a call, now.
    await expect(dialog.getByRole('combobox', { name: 'Tipo' }).inputValue()).resolves.toBe('Llamada');
    await expect(dialog.getByLabel('Cuándo fue').inputValue()).resolves.not.toBe('');
    await dialog.getByRole('button', { name: 'Registrar' }).click();
    await dialog.getByText('Este campo es obligatorio.').waitFor();
    await dialog.getByLabel('Resultado').fill('Pide presupuesto para 20 personas');
    await dialog.getByRole('button', { name: 'Registrar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('table', { name: 'Actividades' }).getByRole('row', { name: /Pide presupuesto para 20 personas/ });
    await row.getByText('Realizada').waitFor();
    await page.getByRole('tab', { name: 'Historial' }).click();
    const entry = page.locator('.mantine-Timeline-item').filter({ hasText: 'Actividad registrada (ya realizada)' });
    await entry.getByText('Pide presupuesto para 20 personas').waitFor();
    await entry.getByText('Realizada', { exact: true }).waitFor();
  });
});

describe.skipIf(!hasChromium)('logging and assigning at phone width (375 px)', () => {
  let leadId = '';
  const app = adminSession({
    browser: { viewport: { width: 375, height: 740 } },
    seed: async (server) => {
      await seedAgentAndAccount(server, 'Sin uso');
      const session = await apiLogin(server.baseUrl, admin.email, admin.password);
      leadId = (await session.call(leadCreatedSchema, 'POST', '/leads', { account: { kind: 'person', firstName: 'Pablo', lastName: 'Móvil' }, request: {} })).accountId;
    },
  });

  it('logs a visit from the lead page and shows it as the previous activity', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/leads/${leadId}`);
    await page.getByRole('button', { name: 'Registrar llamada / visita / nota' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Registrar llamada, visita o nota' });
    await choose(page, 'Tipo', 'Visita');
    await dialog.getByLabel('Resultado').fill('Vino a la clínica a informarse');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await dialog.getByRole('button', { name: 'Registrar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Vino a la clínica a informarse').first().waitFor();
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
  });

  it('asks about the owner in a form that still fits the phone', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.baseUrl}/leads/${leadId}`);
    await page.getByRole('button', { name: 'Programar actividad' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Programar actividad' });
    await dialog.getByLabel('Asunto').fill('Volver a llamar');
    await choose(page, 'Responsable', agent.name);
    await dialog.getByRole('button', { name: 'Programar actividad' }).click();
    const question = dialog.getByRole('alertdialog', { name: 'Olga Agente no ve esta cuenta' });
    await question.waitFor();
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    // The question and its buttons fit inside the dialog, not cut at its edge.
    const edge = await dialog.evaluate((element) => element.getBoundingClientRect().right);
    for (const part of [question, question.getByRole('button', { name: 'Sí, añadir y guardar' })]) {
      expect(await part.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(edge);
    }
    expect(await question.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    // Choosing someone else instead: nothing was saved, the form stays open.
    await question.getByRole('button', { name: 'Elegir a otra persona' }).click();
    await question.waitFor({ state: 'hidden' });
    await expect(dialog.isVisible()).resolves.toBe(true);
  });
});
