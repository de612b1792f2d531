import PostalMime from 'postal-mime';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { productSchema } from '@contract/products';
import { startSmtpSink, type SmtpSink } from '../server/test/smtp-sink';
import { apiLogin, setUpSending } from './api';
import { admin, adminSession, choose, hasChromium, launchBrowser, type TestBrowser } from './harness';

// Issue 22: one company's life through the UI, watching its four tiles (active projects, open
// tasks, unsigned agreements, invoiced this year) change as a user works: a start project, a task,
// an agreement signed on its link, an invoice from an accepted quote opened on its tracking link.
// The customer's pages open in fresh browsers that never signed in.

const year = new Date().getUTCFullYear();
const company = 'Talleres Órbita S.L.';
const invoiceNumber = `F-${year}-0101`;
// Two of the catalog's 50,00 € at 21 % tax, as the pages write money in Spanish.
const total = new Intl.NumberFormat('es', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }).format(121);
/** How long a change may take to show (expect.poll's own second is short on a busy machine). */
const settles = { timeout: 15_000 };

/** The tile of one counter on the company card: its number or amount, then its label. */
const tile = (page: Page, label: string) => page.getByTestId('overview-counters').getByRole('link', { name: label });
const tileShows = (page: Page, label: string, value: string) => expect.poll(() => tile(page, label).textContent(), settles).toBe(`${value}${label}`);

/** The company card, reached as a user would: by the company's link on the record they are on. */
async function openCompany(page: Page): Promise<void> {
  await page.getByRole('link', { name: company }).first().click();
  await page.getByRole('heading', { name: company }).waitFor();
}

describe.skipIf(!hasChromium)("a company's life, told by its four tiles", () => {
  let sink: SmtpSink | undefined;
  let customer: TestBrowser | undefined;
  // Declared before the session's own: after-hooks run last-declared first, so the app stops (and lets go of its SMTP connection) before the SMTP server closes.
  afterAll(async () => {
    await customer?.close();
    await sink?.close();
  });
  const app = adminSession({
    seed: async (server) => {
      sink = await startSmtpSink();
      const api = await apiLogin(server.baseUrl, admin.email, admin.password);
      await setUpSending(api, sink.port);
      // The catalog already holds what is quoted: not part of this company's story.
      await api.call(productSchema, 'POST', '/products', { code: 'MANT-01', name: 'Mantenimiento anual', kind: 'service', unit: 'unit', price: 5000, currency: 'EUR' });
    },
  });

  /** The link to a public page (`a`, `q` or `i`) in the mail the SMTP server received for it, checking where it went. */
  async function mailedLink(kind: 'a' | 'q' | 'i', to: string): Promise<string> {
    const pattern = new RegExp(`href="([^"]+/${kind}/[A-Za-z0-9_-]+)"`);
    let found: { to: string[]; link: string } | undefined;
    await expect.poll(async () => {
      for (const message of sink?.received ?? []) {
        const link = pattern.exec((await PostalMime.parse(message.raw)).html ?? '')?.[1];
        if (link) found = { to: message.to, link };
      }
      return found?.link;
    }, { timeout: 30_000 }).toMatch(new RegExp(`^${app.server.baseUrl}/${kind}/`));
    expect(found?.to).toEqual([to]);
    return found?.link ?? '';
  }

  /** Opens a public link in a fresh browser, never signed in, as the customer would from their mail. */
  async function asCustomer(link: string, act: (page: Page) => Promise<void>): Promise<void> {
    customer = await launchBrowser();
    try {
      await customer.page.goto(link);
      expect(await customer.page.getByRole('navigation').count()).toBe(0);
      await act(customer.page);
    } finally {
      await customer.close();
      customer = undefined;
    }
  }

  it('adds the company with a start project: one active project on its card', async () => {
    const { page } = app.browser;
    // After signing in, the accounts list: its button opens the new company form.
    await page.getByRole('link', { name: 'Nueva organización' }).first().click();
    await page.getByLabel('Nombre').first().fill(company);
    await page.getByRole('textbox', { name: 'Correo electrónico 1' }).fill('compras@orbita.example');
    await choose(page, 'Envío de facturas', 'Correo con enlace de seguimiento');
    await page.getByLabel('Correo de facturación').fill('facturas@orbita.example');
    const section = page.getByTestId('start-project');
    await section.getByRole('switch', { name: 'Iniciar un proyecto para esta empresa' }).click();
    await section.getByLabel('Nombre').fill('Puesta en marcha');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByRole('heading', { name: company }).waitFor();
    await tileShows(page, 'Proyectos activos', '1');
    await tileShows(page, 'Tareas abiertas', '0');
    await tileShows(page, 'Acuerdos sin firmar', '0');
    await tileShows(page, 'Facturado este año', '0');
  });

  it('adds a task to the project: one more open task', async () => {
    const { page } = app.browser;
    await page.getByRole('tab', { name: 'Proyectos' }).click();
    await page.getByTestId('organization-projects').getByRole('link', { name: 'Puesta en marcha' }).click();
    await page.getByRole('heading', { name: 'Puesta en marcha' }).waitFor();
    await page.getByRole('tab', { name: /Tareas/ }).click();
    await page.getByRole('button', { name: 'Añadir tarea' }).click();
    const dialog = page.getByRole('dialog', { name: 'Programar actividad' });
    await expect(dialog.getByRole('combobox', { name: 'Tipo' }).inputValue()).resolves.toBe('Tarea');
    await dialog.getByLabel('Asunto').fill('Visita de arranque');
    await dialog.getByRole('button', { name: 'Programar actividad' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: 'Tareas (1 abierta)' }).waitFor();
    await openCompany(page);
    await tileShows(page, 'Tareas abiertas', '1');
  });

  it('sends an agreement: unsigned until both have signed it', async () => {
    const { page } = app.browser;
    await page.getByRole('tab', { name: 'Acuerdos' }).click();
    await page.getByTestId('related-agreements').getByRole('button', { name: 'Nuevo acuerdo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo acuerdo' });
    await dialog.getByLabel('Título').fill('Mantenimiento 2027');
    await choose(page, 'Tipo', 'Acuerdo general de cooperación');
    await dialog.getByLabel('Referencia').fill('AC-ORB-01');
    await dialog.getByLabel('Importe').fill('1200');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { name: 'Mantenimiento 2027' }).waitFor();
    await choose(page, 'Plantilla', 'Acuerdo general de cooperación');
    await page.getByTestId('agreement-document').getByRole('button', { name: 'Generar desde una plantilla' }).click();
    await page.getByTestId('agreement-document').getByRole('link', { name: 'AC-ORB-01.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Enviar por correo' }).click();
    const send = page.getByRole('dialog', { name: 'Enviar el acuerdo' });
    await send.getByRole('button', { name: 'Enviar', exact: true }).click();
    await send.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('agreement-status').textContent(), settles).toBe('Enviado');
    await openCompany(page);
    await tileShows(page, 'Acuerdos sin firmar', '1');

    await asCustomer(await mailedLink('a', 'compras@orbita.example'), async (signer) => {
      await signer.getByRole('heading', { name: 'Mantenimiento 2027' }).waitFor();
      await signer.getByLabel('Su nombre completo').fill('Marta Ibáñez');
      await signer.getByRole('button', { name: 'Firmar el acuerdo' }).click();
      await expect.poll(() => signer.getByTestId('agreement-signed').textContent(), settles).toContain('Firmado por Marta Ibáñez');
    });

    // Signed by the customer only: still unsigned. The tile opens the agreement to countersign.
    await page.reload();
    await tileShows(page, 'Acuerdos sin firmar', '1');
    await tile(page, 'Acuerdos sin firmar').click();
    await page.getByTestId('agreements-table').getByRole('link', { name: 'Mantenimiento 2027' }).click();
    await expect.poll(() => page.getByTestId('agreement-status').textContent(), settles).toBe('Firmado por el cliente');
    await page.getByRole('button', { name: 'Firmar por nuestra parte' }).click();
    await page.getByRole('dialog', { name: 'Firmar por nuestra parte' }).getByTestId('agreement-move-confirm').click();
    await expect.poll(() => page.getByTestId('agreement-status').textContent(), settles).toBe('Firmado por ambos');
    await openCompany(page);
    await tileShows(page, 'Acuerdos sin firmar', '0');
  });

  it('invoices an accepted quote, delivered with a tracking link: invoiced this year, and opened', async () => {
    const { page } = app.browser;
    await page.getByRole('tab', { name: 'Cotizaciones' }).click();
    await page.getByTestId('related-quotes').getByRole('button', { name: 'Nueva cotización' }).click();
    await page.getByRole('dialog', { name: 'Nueva cotización' }).getByRole('button', { name: 'Crear borrador' }).click();
    await page.getByTestId('quote-number').getByText('Borrador (rev. 1)').waitFor();
    await page.getByRole('button', { name: 'Del catálogo' }).click();
    await page.getByRole('dialog', { name: 'Añadir del catálogo' }).getByLabel('Código o nombre').fill('mant');
    await page.getByRole('option', { name: /Mantenimiento anual/ }).click();
    const line = page.getByTestId('quote-line').first();
    await line.getByLabel('Cantidad').fill('2');
    await line.getByRole('combobox', { name: 'Impuesto' }).click();
    await page.getByRole('option', { name: 'IVA general 21%' }).click();
    await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor();
    await page.getByTestId('quote-totals').getByText('Totales de las líneas sin guardar').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('quote-totals').getByTestId('total').textContent(), settles).toBe(total);
    await page.getByRole('button', { name: 'Enviar por correo' }).click();
    const send = page.getByRole('dialog', { name: 'Enviar la cotización' });
    await send.getByRole('button', { name: 'Enviar', exact: true }).click();
    await send.waitFor({ state: 'hidden' });
    await page.getByText('Cotización en cola de envío.').waitFor();

    await asCustomer(await mailedLink('q', 'compras@orbita.example'), async (buyer) => {
      await expect.poll(() => buyer.getByTestId('quote-total').textContent(), settles).toBe(total);
      await buyer.getByLabel('Su nombre completo').fill('Marta Ibáñez');
      await buyer.getByRole('button', { name: 'Aceptar la cotización' }).click();
      await expect.poll(() => buyer.getByTestId('quote-answer').textContent(), settles).toContain('Aceptada por Marta Ibáñez');
    });

    await page.reload();
    await page.getByRole('button', { name: 'Crear factura' }).click();
    const invoice = page.getByRole('dialog', { name: 'Facturar esta cotización' });
    await invoice.getByRole('textbox', { name: /^Número/ }).fill(invoiceNumber);
    await invoice.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { name: `Factura ${invoiceNumber}` }).waitFor();
    await expect(page.getByTestId('invoice-status').textContent()).resolves.toBe('Emitida');
    await expect(page.getByTestId('invoice-total').textContent()).resolves.toBe(total);
    await page.getByRole('button', { name: 'Enviar factura' }).click();
    const deliver = page.getByRole('dialog', { name: `Enviar la factura ${invoiceNumber}` });
    // As the company card says.
    expect(await deliver.getByRole('radio', { name: 'Correo con enlace de seguimiento' }).isChecked()).toBe(true);
    await deliver.getByRole('button', { name: 'Enviar', exact: true }).click();
    await deliver.waitFor({ state: 'hidden' });
    await page.getByTestId('invoice-delivery-status').getByTestId('invoice-not-opened').waitFor();
    await openCompany(page);
    await tileShows(page, 'Facturado este año', total);

    await asCustomer(await mailedLink('i', 'facturas@orbita.example'), async (payer) => {
      await payer.getByRole('heading', { name: `Factura ${invoiceNumber}` }).waitFor();
      await expect.poll(() => payer.getByTestId('invoice-total').textContent(), settles).toBe(total);
    });
    await tile(page, 'Facturado este año').click();
    await page.getByRole('link', { name: invoiceNumber }).first().click();
    await page.getByRole('heading', { name: `Factura ${invoiceNumber}` }).waitFor();
    // The page keeps for 30 s what it read when the invoice was sent (the app's staleTime); the customer opened it since.
    await page.reload();
    await page.getByTestId('invoice-opened').getByText(/^Abierta por el cliente el /).waitFor();
  });

  it('opens from the tiles the lists of what they count', async () => {
    const { page } = app.browser;
    await openCompany(page);
    await tileShows(page, 'Proyectos activos', '1');
    await tileShows(page, 'Tareas abiertas', '1');
    await tileShows(page, 'Acuerdos sin firmar', '0');
    await tileShows(page, 'Facturado este año', total);
    await tile(page, 'Proyectos activos').click();
    await page.waitForURL(/\/projects\?/);
    await page.getByRole('link', { name: 'Puesta en marcha' }).first().waitFor();
    await page.goBack();
    await tile(page, 'Tareas abiertas').click();
    await page.waitForURL(/\/activities\?/);
    await page.getByText('Visita de arranque').first().waitFor();
    await page.goBack();
    await tile(page, 'Facturado este año').click();
    await page.waitForURL(/\/invoices\?/);
    await page.getByRole('link', { name: invoiceNumber }).first().waitFor();
  });
});
