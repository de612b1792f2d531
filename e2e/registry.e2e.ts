import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryFixture, startFixtureServer, type FixtureServer } from '../server/test/fixture-server';
import { adminSession, choose, hasChromium } from './harness';

// The registers are a local server serving their recorded answers; nothing leaves the machine.
let fixtures: FixtureServer;
let companyUrl = '';

describe.skipIf(!hasChromium)('company registers in the new-company form', () => {
  beforeAll(async () => {
    fixtures = await startFixtureServer();
    fixtures.on(/^GET \/enhetsregisteret\/api\/enheter\?navn=digitali/, { json: registryFixture('no-search-digitali.json') });
    fixtures.on('GET /enhetsregisteret/api/enheter/991825827', { json: registryFixture('no-enhet-991825827.json') });
    fixtures.on(/^GET \/enhetsregisteret\/api\/underenheter\?overordnetEnhet=991825827/, { json: registryFixture('no-underenheter-991825827.json') });
  });
  afterAll(() => fixtures.close());
  const session = adminSession({ env: () => ({ CARTERA_REGISTRY_NO_URL: `${fixtures.url}/enhetsregisteret/api` }) });

  it('an admin turns Norway on in the registers\' settings', async () => {
    const { page } = session.browser;
    await page.getByRole('link', { name: 'Registros mercantiles' }).click();
    const norway = page.getByTestId('registry-setting-NO');
    await norway.getByRole('switch', { name: 'Activado' }).check();
    await norway.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => norway.getByRole('switch', { name: 'Activado' }).isChecked()).toBe(true);
  });

  it('typing "digitali" finds the company; choosing it fills the form; two departments are created with it', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.baseUrl}/accounts/new?kind=organization`);
    await expect(page.getByRole('checkbox', { name: 'Noruega' }).isChecked()).resolves.toBe(true);
    await page.getByLabel('Nombre de la empresa o número de organización').fill('digitali');
    const result = page.getByRole('button', { name: 'Elegir DIGITALISERINGSDIREKTORATET (991825827)' });
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('OSLO');
    await result.click();

    // The empty fields are filled from the register.
    await expect.poll(() => page.getByRole('textbox', { name: /^Nombre( \*)?$/ }).inputValue()).toBe('DIGITALISERINGSDIREKTORATET');
    await expect(page.getByTestId('registry-choice').textContent()).resolves.toContain('1050 empleados');
    const departments = page.getByTestId('registry-departments');
    await departments.getByText('Departamentos en el registro (3)').waitFor();
    await departments.getByRole('checkbox', { name: 'DIGITALISERINGSDIREKTORATET AVD LEIKANGER' }).check();
    await departments.getByRole('checkbox', { name: 'DIGITALISERINGSDIREKTORATET AVD BRØNNØYSUND' }).check();
    await choose(page, 'Etapa', 'Cliente');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    companyUrl = page.url();

    // The three companies are there: the parent and its two departments.
    await page.goto(`${session.server.baseUrl}/accounts?q=digitaliseringsdirektoratet`);
    await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe('3 cuentas');
    for (const name of ['DIGITALISERINGSDIREKTORATET', 'DIGITALISERINGSDIREKTORATET AVD LEIKANGER', 'DIGITALISERINGSDIREKTORATET AVD BRØNNØYSUND']) {
      await page.getByRole('link', { name, exact: true }).first().waitFor();
    }
  });

  it('a watched customer goes bankrupt: the check shows a red badge, tells the owner in the bell and writes the timeline', async () => {
    const { page } = session.browser;
    await page.goto(`${companyUrl}?tab=credit`);
    await page.getByText('Monitoreo de crédito').waitFor();
    await page.getByText('Siempre', { exact: true }).click();
    await page.getByText('Se comprueba cada día en el registro público; sus responsables reciben un aviso cuando cambia el riesgo.').waitFor();

    // The first check finds it healthy.
    await page.getByRole('button', { name: 'Comprobar ahora' }).click();
    await page.locator('[data-testid="risk-badge"][data-risk="none"]').first().waitFor({ timeout: 20_000 });
    await page.getByText('El registro no indica ningún problema.').waitFor();

    // Then the register reports a bankruptcy.
    fixtures.on('GET /enhetsregisteret/api/enheter/991825827', { json: registryFixture('no-enhet-991825827-konkurs.json') });
    await page.getByRole('button', { name: 'Comprobar ahora' }).click();
    const badge = page.locator('[data-testid="risk-badge"][data-risk="high"]').first();
    await badge.waitFor({ timeout: 20_000 });
    await expect(badge.textContent()).resolves.toBe('Riesgo alto');
    const [red, green] = await badge.evaluate((element) => getComputedStyle(element).backgroundColor.match(/\d+/g)?.map(Number) ?? []);
    expect(red).toBeGreaterThan(200);
    expect(green).toBeLessThan(120);
    await page.getByTestId('credit-signals').getByText('Quiebra').waitFor();

    // The bell tells the owner.
    const bell = page.getByRole('button', { name: 'Actividades pendientes: 0; avisos sin leer: 1' });
    await bell.waitFor({ timeout: 35_000 });
    await bell.click();
    const notice = page.getByTestId('bell-notifications').getByTestId('notification').first();
    await expect(notice.textContent()).resolves.toContain('Riesgo de crédito: Sin riesgo → Riesgo alto');
    await expect(notice.textContent()).resolves.toContain('DIGITALISERINGSDIREKTORATET');
    await page.keyboard.press('Escape');

    // The timeline has the entry.
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByText('Cambio del riesgo de crédito').first().waitFor();
    await page.getByText('Riesgo alto', { exact: true }).first().waitFor();
  });

  it('what the user typed is not overwritten: the difference is offered to accept', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.baseUrl}/accounts/new?kind=organization`);
    await page.getByRole('textbox', { name: /^Nombre( \*)?$/ }).fill('Digdir');
    await page.getByLabel('Nombre de la empresa o número de organización').fill('991825827');
    await page.getByRole('button', { name: 'Elegir DIGITALISERINGSDIREKTORATET (991825827)' }).click();
    const differences = page.getByTestId('registry-differences');
    await differences.waitFor();
    await expect(page.getByRole('textbox', { name: /^Nombre( \*)?$/ }).inputValue()).resolves.toBe('Digdir');
    // The company already exists (created above): the duplicate warning says so.
    await page.getByTestId('duplicate-warning').waitFor();
    await differences.getByRole('button', { name: 'Usar Nombre del registro' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: /^Nombre( \*)?$/ }).inputValue()).toBe('DIGITALISERINGSDIREKTORATET');
    await expect(page.getByTestId('registry-differences').count()).resolves.toBe(0);
  });

  it('a register that does not answer never blocks typing: a quiet note says it was skipped', async () => {
    const { page } = session.browser;
    fixtures.on(/^GET \/enhetsregisteret\/api\/enheter\?navn=lento/, { delayMs: 5000, json: registryFixture('no-search-digitali.json') });
    await page.goto(`${session.server.baseUrl}/accounts/new?kind=organization`);
    const search = page.getByLabel('Nombre de la empresa o número de organización');
    await search.fill('lento');
    await page.getByTestId('registry-skipped-NO').waitFor({ timeout: 6000 });
    await expect(page.getByTestId('registry-skipped-NO').textContent()).resolves.toBe('Noruega ha tardado demasiado en responder y se ha omitido.');
  });

  it('fits a phone screen', async () => {
    const { page } = session.browser;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${session.server.baseUrl}/accounts/new?kind=organization`);
    await page.getByLabel('Nombre de la empresa o número de organización').fill('digitali');
    await page.getByRole('button', { name: 'Elegir DIGITALISERINGSDIREKTORATET (991825827)' }).click();
    await page.getByTestId('registry-departments').waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
