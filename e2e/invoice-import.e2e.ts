import { describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { apiLogin } from './api';
import { admin, adminSession, hasChromium } from './harness';

/** Invoices as a Spanish accounting program exports them: semicolons, Latin-1, decimal commas; one customer Cartera does not know. */
function invoicesCsv(): Buffer {
  const rows = [
    'Nº factura;NIF cliente;Fecha factura;Vencimiento;Base imponible;Cuota IVA;Total factura;Cobrado',
    'FV-2026-0101;ESB58378431;15/01/2026;;1.000,00;210,00;1.210,00;0',
    'FV-2026-0102;B58378431;02/02/2026;04/03/2026;2.500,00;525,00;3.025,00;3.025,00',
    'FV-2026-0103;A00000000;02/02/2026;;10,00;2,10;12,10;0',
  ];
  return Buffer.from(`${rows.join('\r\n')}\r\n`, 'latin1');
}

describe.skipIf(!hasChromium)('import invoices from the accounting system, from the invoices list, on a phone', () => {
  const session = adminSession({
    browser: { viewport: { width: 375, height: 740 } },
    seed: async (server) => {
      const api = await apiLogin(server.baseUrl, admin.email, admin.password);
      await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Reformas Ñandú S.L.', taxId: 'B58378431', addresses: { visit: { country: 'ES' } }, creditDays: 30 });
    },
  });

  it('maps the columns by itself, previews the unknown customer, runs with progress, and the invoices and the overdue warning appear', async () => {
    const { page } = session.browser;
    const { baseUrl } = session.server;
    await page.goto(`${baseUrl}/invoices`);
    await page.getByTestId('invoices-import').click();
    await page.getByRole('heading', { name: 'Importar facturas del sistema contable' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'facturas.csv', mimeType: 'text/csv', buffer: invoicesCsv() });
    await page.getByRole('button', { name: 'Subir y continuar' }).click();

    await page.getByRole('heading', { name: 'Columnas' }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Campo para la columna NIF cliente' }).inputValue()).resolves.toBe('NIF/CIF del cliente');
    await expect(page.getByRole('combobox', { name: 'Campo para la columna Cuota IVA' }).inputValue()).resolves.toBe('Impuestos');
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.getByText('Correcta').count()).toBe(2);
    await preview.getByText('NIF/CIF del cliente: Ninguna empresa que puedas ver tiene ese identificador fiscal.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    await page.getByTestId('import-run').click();
    await page.getByTestId('import-status').filter({ hasText: 'Terminada' }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('import-progress-text').textContent()).resolves.toContain('3 de 3 filas (100 %)');
    await expect(page.getByTestId('import-created').textContent()).resolves.toBe('2');
    await expect(page.getByTestId('import-failed').textContent()).resolves.toBe('1');

    await page.getByTestId('import-invoices-link').click();
    await page.getByText('FV-2026-0101').first().waitFor();
    await page.getByText('FV-2026-0102').first().waitFor();
    // The unpaid one fell due long ago: the company card warns of it.
    await page.getByRole('link', { name: 'FV-2026-0101' }).click();
    await page.getByRole('link', { name: 'Reformas Ñandú S.L.' }).click();
    await page.getByTestId('overdue-invoices').getByText(/Una factura vencida: 1210,00\s€ pendiente de cobro desde el/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
