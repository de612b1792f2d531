import { describe, expect, it } from 'vitest';
import { tagSchema } from '@contract/tags';
import { apiLogin } from './api';
import { admin, adminSession, hasChromium } from './harness';

/** A small people file as a Spanish spreadsheet saves it: semicolons, Latin-1, one bad row, a sector no list has. */
function peopleCsv(): Buffer {
  const rows = ['Nombre;Apellidos;Correo electrónico;Teléfono;Empresa;Ciudad;Sector'];
  for (let i = 1; i <= 40; i += 1) {
    rows.push(`Persona${i};Muñoz;persona${i}@ejemplo.es;+34 600 000 ${String(100 + i)};Ferretería Ibáñez;Cádiz;Minería`);
    if (i === 2) rows.push(';Sin nombre;no-es-un-correo;;;;');
  }
  return Buffer.from(`${rows.join('\r\n')}\r\n`, 'latin1');
}

describe.skipIf(!hasChromium)('import people from a CSV file through the wizard', () => {
  const session = adminSession({
    seed: async (server) => {
      const api = await apiLogin(server.baseUrl, admin.email, admin.password);
      for (const name of ['Feria 2027', 'Ferretería', 'Boletín']) await api.call(tagSchema, 'POST', '/tags', { name });
    },
  });

  it('uploads, maps the Spanish headers by itself, previews the bad row, and runs to the end', async () => {
    const { page } = session.browser;
    await page.getByRole('link', { name: 'Importaciones' }).click();
    await page.getByText('Aún no hay importaciones.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Nueva importación' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'clientes.csv', mimeType: 'text/csv', buffer: peopleCsv() });
    await page.getByRole('button', { name: 'Subir y continuar' }).click();

    await page.getByRole('heading', { name: 'Columnas' }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Campo para la columna Correo electrónico' }).inputValue()).resolves.toBe('Correo electrónico');
    await expect(page.getByRole('combobox', { name: 'Campo para la columna Empresa' }).inputValue()).resolves.toBe('Empresa');
    const preview = page.getByTestId('import-preview');
    await preview.getByText('Persona1', { exact: true }).waitFor();
    // The sector is in no list: the rows would fail, and the admin is offered to add it.
    const unknown = page.getByTestId('import-list-values');
    await unknown.getByText('Sector: Minería').waitFor();
    await expect(preview.getByText('Correcta').count()).resolves.toBe(0);
    await unknown.getByRole('checkbox', { name: 'Añadirlos a sus listas' }).check();
    await expect.poll(() => preview.getByText('Correcta').count()).toBe(19);
    await preview.getByText('Correo electrónico: No es un correo electrónico válido.').waitFor();
    await preview.getByText('Nombre: Campo obligatorio.').waitFor();

    // Rules: a tag for every row, found by typing the start of its name (the server searches).
    await page.getByRole('combobox', { name: 'Etiquetas' }).fill('feria');
    await page.getByRole('option', { name: 'Feria 2027' }).click();
    await page.keyboard.press('Escape');

    await page.getByTestId('import-run').click();
    await page.getByTestId('import-status').filter({ hasText: 'Terminada' }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('import-progress-text').textContent()).resolves.toContain('41 de 41 filas (100 %)');
    await expect(page.getByTestId('import-created').textContent()).resolves.toBe('40');
    await expect(page.getByTestId('import-failed').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('import-tags').textContent()).resolves.toBe('Etiquetas para cada cuenta:Feria 2027');

    // Progress lives on the server: a reload shows the same import, finished.
    await page.reload();
    await page.getByTestId('import-status').filter({ hasText: 'Terminada' }).waitFor();
    const report = page.getByRole('link', { name: 'Descargar informe de errores' });
    const href = await report.getAttribute('href');
    const body = await page.evaluate(async (url) => (await fetch(url ?? '')).text(), href);
    expect(body).toContain('Fila,Campo,Columna,Error');
    expect(body).toContain('4,email,Correo electrónico,No es un correo electrónico válido.');

    // The result names the company it created for the people; its 40 contacts can be searched.
    await expect(page.getByTestId('import-companies').getByText('1 empresa creada para las personas del archivo').count()).resolves.toBe(1);
    await page.getByTestId('import-companies').getByRole('link', { name: 'Ferretería Ibáñez' }).click();
    await page.getByRole('tab', { name: 'Contactos' }).click();
    await page.getByRole('textbox', { name: 'Buscar contactos' }).fill('persona12');
    await page.getByRole('link', { name: 'Persona12 Muñoz' }).waitFor();
    await expect(page.getByRole('link', { name: /^Persona\d+ Muñoz$/ }).count()).resolves.toBe(1);
    await page.getByRole('textbox', { name: 'Buscar contactos' }).fill('munoz');
    await expect.poll(() => page.getByRole('link', { name: /^Persona\d+ Muñoz$/ }).count()).toBe(40);

    await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Cuentas' }).click();
    await page.getByRole('link', { name: 'Ferretería Ibáñez' }).waitFor();
    await page.getByRole('link', { name: 'Persona12 Muñoz' }).click();
    await page.getByRole('group', { name: 'Etiquetas de la cuenta' }).getByText('Feria 2027').waitFor();
  });

  it('undoes the import: the people and the company it created are gone', async () => {
    const { page } = session.browser;
    await page.getByRole('link', { name: 'Importaciones' }).click();
    await page.getByRole('link', { name: 'clientes.csv' }).first().click();
    await page.getByRole('button', { name: 'Deshacer importación' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deshacer importación' }).click();
    await page.getByTestId('import-status').filter({ hasText: 'Deshecha' }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Cuentas' }).click();
    await page.getByTestId('welcome').getByText('Aún no hay ninguna cuenta', { exact: false }).waitFor();
  });
});
