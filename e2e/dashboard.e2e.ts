import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { activitySchema } from '@contract/activities';
import { invoiceSchema } from '@contract/invoices';
import { quoteSchema } from '@contract/quotes';
import { userSchema } from '@contract/users';
import { apiLogin } from './api';
import { admin, hasChromium, launchBrowser, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

const ana = { name: 'Ana Agente', email: 'ana@example.com', password: 'ana-password-1' };

// An agent opens the home page (the dashboard) on a phone and follows a slice to its list: the list
// shows exactly the number the slice showed, and neither counts what is outside her portfolio or
// the admin's private activity on her account.
describe.skipIf(!hasChromium)('the dashboard: an agent follows a slice to its list', () => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    const session = await apiLogin(server.baseUrl, admin.email, admin.password);
    const agent = await session.call(userSchema, 'POST', '/users', { ...ana, role: 'agent', scope: 'own', language: 'es' });
    const account = (body: object) => session.call(accountSchema, 'POST', '/accounts', { kind: 'organization', ...body });
    const mine = [];
    for (const [name, stage] of [['Talleres Ruiz', 'lead'], ['Ferretería Sol', 'lead'], ['Clínica Norte', 'lead'], ['Hotel Mar', 'prospect']] as const) {
      mine.push(await account({ name, stage, ownerIds: [agent.id] }));
    }
    // The admin's own leads: outside Ana's portfolio.
    for (const name of ['Oculta Uno', 'Oculta Dos']) await account({ name, stage: 'lead' });
    const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
    const first = mine[0]?.id ?? '';
    await session.call(activitySchema, 'POST', '/activities', { accountId: first, type: 'call', subject: 'Llamar', startAt: dayAgo, responsibleId: agent.id });
    // Overdue too, but private and the admin's: never counted for Ana.
    await session.call(activitySchema, 'POST', '/activities', { accountId: first, type: 'call', subject: 'Privada', startAt: dayAgo, private: true });
    // Two draft quotes of hers and one on the admin's hidden lead: the quotes card counts hers.
    const hidden = await account({ name: 'Oculta Tres', stage: 'lead' });
    for (const accountId of [first, mine[1]?.id ?? '', hidden.id]) await session.call(quoteSchema, 'POST', '/quotes', { accountId, ownerId: accountId === hidden.id ? undefined : agent.id });
    // An overdue invoice of hers and one of the hidden lead: the overdue card names her company only.
    const pastDue = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    for (const [number, organizationId] of [['F-2026-1', first], ['F-2026-2', hidden.id]] as const) {
      await session.call(invoiceSchema, 'POST', '/invoices', { number, organizationId, currency: 'EUR', net: 10_000, tax: 2_100, issueDate: pastDue, dueDate: pastDue });
    }
    browser = await launchBrowser({ viewport: { width: 375, height: 800 } });
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lands on the dashboard after login, every chart in one column at 375 px', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('Correo electrónico').fill(ana.email);
    await page.getByLabel(/^Contraseña/).fill(ana.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: 'Panel' }).waitFor();
    await page.getByTestId('chart-accounts-by-stage').getByRole('link', { name: 'Lead' }).waitFor();
    // Charts with nothing in the period say so instead of drawing an empty chart.
    await page.getByTestId('chart-won-lost').getByText('Nada que mostrar').waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
  });

  it('follows the leads slice to the accounts list: the same three accounts', async () => {
    const { page } = browser;
    const card = page.getByTestId('chart-accounts-by-stage');
    const slice = card.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Lead' }) });
    await expect(slice.getByTestId('legend-value').textContent()).resolves.toBe('3');
    await slice.getByRole('link', { name: 'Lead' }).click();
    await page.waitForURL('**/accounts?stage=lead');
    await page.getByText('3 cuentas').waitFor();
    await expect(page.getByText('Oculta Uno').count()).resolves.toBe(0);
  });

  it('follows the overdue slice to the activities list: her one overdue call, not the admin’s private one', async () => {
    const { page } = browser;
    await page.goBack();
    await page.waitForURL('**/dashboard');
    const card = page.getByTestId('chart-activities-by-status');
    const slice = card.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Vencida' }) });
    await expect(slice.getByTestId('legend-value').textContent()).resolves.toBe('1');
    await slice.getByRole('link', { name: 'Vencida' }).click();
    await page.waitForURL('**/activities?overdue=true*');
    await page.getByText('1 actividad').waitFor();
    await expect(page.getByText('Privada').count()).resolves.toBe(0);
  });

  it('follows the draft quotes slice to the quotes list: her two, not the hidden lead’s', async () => {
    const { page } = browser;
    await page.goBack();
    await page.waitForURL('**/dashboard');
    const card = page.getByTestId('chart-quotes-by-status');
    const slice = card.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Borrador' }) });
    await expect(slice.getByTestId('legend-value').textContent()).resolves.toBe('2');
    await slice.getByRole('link', { name: 'Borrador' }).click();
    await page.waitForURL('**/quotes?status=draft*');
    await page.getByText('2 cotizaciones').waitFor();
    await expect(page.getByText('Oculta Tres').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
  });

  it('follows a company of the overdue invoices card to its overdue invoices: hers, not the hidden lead’s', async () => {
    const { page } = browser;
    await page.goBack();
    await page.waitForURL('**/dashboard');
    const card = page.getByTestId('chart-invoices-overdue');
    const slice = card.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Talleres Ruiz' }) });
    await expect(slice.getByTestId('legend-value').textContent()).resolves.toBe('1');
    await expect(card.getByText('Oculta Tres').count()).resolves.toBe(0);
    await slice.getByRole('link', { name: 'Talleres Ruiz' }).click();
    await page.waitForURL('**/invoices?status=overdue*');
    await page.getByText('1 factura').waitFor();
    await expect(page.getByText('F-2026-2').count()).resolves.toBe(0);
  });
});
