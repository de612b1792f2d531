import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountSchema } from '@contract/accounts';
import { startSmtpSink, type SmtpSink } from '../server/test/smtp-sink';
import { apiLogin, setUpSending, type ApiSession } from './api';
import { admin, choose, hasChromium, launchBrowser, login, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

describe.skipIf(!hasChromium)('an agreement for a company: made, generated from a template, sent, signed on its link', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let customerBrowser: TestBrowser | undefined;
  let sink: SmtpSink;
  let api: ApiSession;
  let companyId = '';

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startServer();
    browser = await launchBrowser();
    api = await apiLogin(server.baseUrl, admin.email, admin.password);
    await setUpSending(api, sink.port);
    const company = await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Reformas Ñandú S.L.', emails: ['compras@nandu.example'], taxId: 'B12345674' });
    companyId = company.id;
  });
  screenshotOnFailure(() => customerBrowser?.page ?? browser?.page);
  afterAll(async () => {
    await customerBrowser?.close();
    await browser?.close();
    await server?.stop();
    await sink?.close();
  });

  it('creates the agreement from the company\'s tab and generates its PDF from a template', async () => {
    const { page } = browser;
    await login(page, server.baseUrl, admin.email, admin.password);
    await page.goto(`${server.baseUrl}/accounts/${companyId}?tab=agreements`);
    await page.getByTestId('related-agreements').getByRole('button', { name: 'Nuevo acuerdo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo acuerdo' });
    await dialog.getByLabel('Título').fill('Cooperación general 2027');
    await choose(page, 'Tipo', 'Acuerdo general de cooperación');
    await dialog.getByLabel('Referencia').fill('AC-2027-01');
    await dialog.getByLabel('Importe').fill('12000');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { name: 'Cooperación general 2027' }).waitFor();
    await expect(page.getByTestId('agreement-status').textContent()).resolves.toBe('Borrador');

    const documentBox = page.getByTestId('agreement-document');
    await choose(page, 'Plantilla', 'Acuerdo general de cooperación');
    await documentBox.getByRole('button', { name: 'Generar desde una plantilla' }).click();
    await documentBox.getByRole('link', { name: 'AC-2027-01.pdf' }).waitFor();
    await documentBox.getByText('Generado desde una plantilla').waitFor();
    await page.getByRole('tab', { name: 'Historial' }).click();
    await page.getByText('Documento del acuerdo generado').waitFor();
  });

  it('sends it; the customer opens the link at phone width, signs by typing their name, and the agreement shows signed', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Resumen' }).click();
    await page.getByRole('button', { name: 'Enviar por correo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enviar el acuerdo' });
    await dialog.getByLabel('Mensaje').fill('Buenos días, Rosa:\n\nle enviamos el acuerdo de cooperación.');
    await dialog.getByRole('button', { name: 'Enviar', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Acuerdo en cola de envío.').waitFor();
    await expect.poll(() => page.getByTestId('agreement-status').textContent()).toBe('Enviado');
    // The company's tile counts it as unsigned.
    await page.goto(`${server.baseUrl}/accounts/${companyId}`);
    await expect.poll(() => page.getByTestId('overview-counters').textContent()).toContain('1Acuerdos sin firmar');

    // The message reaches the SMTP server with the PDF and the link.
    const [message] = await sink.waitFor(1, 30_000);
    const parsed = await PostalMime.parse(message?.raw ?? Buffer.alloc(0));
    expect(message?.to).toEqual(['compras@nandu.example']);
    expect(parsed.html).toContain('<p>Buenos días, Rosa:</p><p>le enviamos el acuerdo de cooperación.</p>');
    expect(parsed.attachments.map((attachment) => [attachment.filename, attachment.mimeType])).toEqual([['AC-2027-01.pdf', 'application/pdf']]);
    const link = /href="([^"]+\/a\/[A-Za-z0-9_-]+)"/.exec(parsed.html ?? '')?.[1];
    expect(link?.startsWith(server.baseUrl)).toBe(true);

    // A fresh browser, never signed in, in English and at phone width: the page speaks the agreement's Spanish.
    customerBrowser = await launchBrowser({ locale: 'en-GB', viewport: { width: 375, height: 740 } });
    const customer = customerBrowser.page;
    await customer.goto(link ?? '');
    await customer.getByRole('heading', { name: 'Cooperación general 2027' }).waitFor();
    await customer.getByText('Reformas Ñandú S.L.').first().waitFor();
    await expect(customer.getByTestId('agreement-text').textContent()).resolves.toContain('Entre Instalaciones Peñalara S.L. (NIF B87654321) y Reformas Ñandú S.L.');
    await customer.getByRole('link', { name: 'Descargar el documento' }).waitFor();
    expect(await customer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // Nothing of the CRM around it.
    expect(await customer.getByRole('navigation').count()).toBe(0);
    await customer.getByLabel('Su nombre completo').fill('Rosa Núñez');
    await customer.getByRole('button', { name: 'Firmar el acuerdo' }).click();
    await expect.poll(() => customer.getByTestId('agreement-signed').textContent()).toContain('Firmado por Rosa Núñez');

    // Back in Cartera: signed by the customer, with who and from where; then ours makes it signed by both.
    await page.goto(`${server.baseUrl}/agreements`);
    await page.getByTestId('agreements-table').getByRole('link', { name: 'Cooperación general 2027' }).click();
    await expect.poll(() => page.getByTestId('agreement-status').textContent()).toBe('Firmado por el cliente');
    await expect(page.getByTestId('customer-signature').textContent()).resolves.toContain('Rosa Núñez');
    await page.getByRole('button', { name: 'Firmar por nuestra parte' }).click();
    await page.getByRole('dialog', { name: 'Firmar por nuestra parte' }).getByTestId('agreement-move-confirm').click();
    await expect.poll(() => page.getByTestId('agreement-status').textContent()).toBe('Firmado por ambos');
    const agreementId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const signed = await api.call(z.object({ status: z.string(), customerSignature: z.object({ name: z.string().nullable(), ip: z.string().nullable() }).nullable() }), 'GET', `/agreements/${agreementId}`);
    expect(signed).toMatchObject({ status: 'signed_by_both', customerSignature: { name: 'Rosa Núñez', ip: '127.0.0.1' } });
    await page.goto(`${server.baseUrl}/accounts/${companyId}`);
    await expect.poll(() => page.getByTestId('overview-counters').textContent()).toContain('0Acuerdos sin firmar');
  });

  it('lists it with the list kit, and at 375 px the list and the agreement fit the phone', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Acuerdos' }).first().click();
    await page.getByTestId('agreements-table').getByRole('link', { name: 'Cooperación general 2027' }).waitFor();
    await page.getByTestId('agreements-total').getByText('1 acuerdo').waitFor();
    const phone = await launchBrowser({ viewport: { width: 375, height: 740 } });
    try {
      await login(phone.page, server.baseUrl, admin.email, admin.password);
      await phone.page.goto(`${server.baseUrl}/agreements`);
      await phone.page.getByTestId('agreements-cards').getByRole('link', { name: 'Cooperación general 2027' }).click();
      await phone.page.getByRole('heading', { name: 'Cooperación general 2027' }).waitFor();
      await phone.page.getByTestId('agreement-document').waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await phone.page.goto(`${server.baseUrl}/agreements`);
      await phone.page.getByTestId('agreements-cards').waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    } finally {
      await phone.close();
    }
  });
});
