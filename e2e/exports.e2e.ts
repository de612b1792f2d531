import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '@contract/accounts';
import { apiLogin } from './api';
import { admin, hasChromium, launchBrowser, login, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

/** A browser on Lima's clock (UTC−5 all year): the file's dates must read as Lima's, not the server's. */
const timeZone = 'America/Lima';

describe.skipIf(!hasChromium)('exporting the accounts list, from the browser', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let createdAt = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ timezoneId: timeZone });
    const api = await apiLogin(server.baseUrl, admin.email, admin.password);
    const org = await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: '=Fórmulas SL', stage: 'customer' });
    const person = await api.call(accountSchema, 'POST', '/accounts', { kind: 'person', firstName: 'Ana', lastName: 'Exportada', phones: ['+34 614255139'] });
    createdAt = person.createdAt;
    expect(org.id).toBeTruthy();
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const headingsOf = (sheet: ExcelJS.Worksheet): string[] => {
    const headings: string[] = [];
    sheet.getRow(1).eachCell((cell, column) => {
      headings[column - 1] = cell.text;
    });
    return headings;
  };

  it('downloads an XLSX whose phone is text without apostrophe, whose dates are dates, with the heading frozen', async () => {
    const { page } = browser;
    await login(page, server.baseUrl, admin.email, admin.password);
    await page.getByRole('link', { name: 'Ana Exportada' }).waitFor();
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^accounts-\d{4}-\d\d-\d\d\.xlsx$/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('the workbook has no sheet');
    const headings = headingsOf(sheet);
    expect(headings.slice(0, 6)).toEqual(['Tipo', 'Nombre', 'Nombre de pila', 'Apellidos', 'Empresa', 'Cargo']);
    const rowOf = (name: string): ExcelJS.Row => {
      const index = Array.from({ length: sheet.rowCount }, (_, at) => at + 1).find((at) => sheet.getRow(at).getCell(2).text === name);
      if (!index) throw new Error(`${name} is not in the file`);
      return sheet.getRow(index);
    };
    const ana = rowOf('Ana Exportada');
    const phone = ana.getCell(headings.indexOf('Teléfonos') + 1);
    expect([ExcelJS.ValueType.String, ExcelJS.ValueType.RichText]).toContain(phone.type);
    expect(phone.text).toBe('+34 614255139');
    // The formula-looking name is text as typed: no apostrophe, no formula.
    const formula = rowOf('=Fórmulas SL').getCell(2);
    expect(formula.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(formula.text).toBe('=Fórmulas SL');

    const created = ana.getCell(headings.indexOf('Creada') + 1);
    expect(created.type).toBe(ExcelJS.ValueType.Date);
    expect(created.numFmt).toBe('dd/mm/yyyy hh:mm');
    const lima = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(createdAt));
    expect(created.value instanceof Date ? created.value.toISOString().slice(0, 16).replace('T', ' ') : null).toBe(lima);

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(headings.length).letter}1`);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(20);
  });

  it('offers CSV with semicolons for Excel in Spanish first, and with commas', async () => {
    const { page } = browser;
    await page.getByTestId('export-menu').click();
    const items = await page.getByRole('menuitem').allTextContents();
    expect(items).toEqual(['Excel (.xlsx)', 'CSV para Excel en español (separado por punto y coma)', 'CSV (separado por comas)']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV para Excel en español (separado por punto y coma)' }).click()]);
    const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toMatch(/^Tipo;Nombre;Nombre de pila;Apellidos;Empresa;Cargo;/);
    expect(lines.some((line) => line.startsWith("Organización;'=Fórmulas SL;"))).toBe(true);
    expect(lines.some((line) => line.includes(";'+34 614255139;"))).toBe(true);
  });
});
