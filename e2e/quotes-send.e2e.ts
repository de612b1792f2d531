import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountSchema } from '@contract/accounts';
import { opportunitySchema } from '@contract/opportunities';
import { quoteSchema } from '@contract/quotes';
import { startSmtpSink, type SmtpSink } from '../server/test/smtp-sink';
import { apiLogin, setUpSending, type ApiSession } from './api';
import { admin, hasChromium, launchBrowser, login, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

describe.skipIf(!hasChromium)('a quote sent by e-mail and accepted from its link', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let customerBrowser: TestBrowser | undefined;
  let sink: SmtpSink;
  let api: ApiSession;
  let quoteId = '';
  let opportunityId = '';

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startServer();
    browser = await launchBrowser();
    api = await apiLogin(server.baseUrl, admin.email, admin.password);
    await setUpSending(api, sink.port);
    const customer = await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Reformas Ñandú S.L.', emails: ['compras@nandu.example'] });
    const opportunity = await api.call(opportunitySchema, 'POST', '/opportunities', { organizationId: customer.id, name: 'Reforma del local', currency: 'EUR', expectedCloseOn: '2027-06-30' });
    opportunityId = opportunity.id;
    // Three lines, a discount and two tax rates (21 % and 10 %).
    const quote = await api.call(quoteSchema, 'POST', '/quotes', {
      accountId: customer.id, opportunityId: opportunity.id, language: 'es', currency: 'EUR',
      lines: [
        { description: 'Mano de obra', quantity: 2.5, unit: 'h', unitPrice: 4000, taxRate: 21 },
        { description: 'Enchufe doble', quantity: 3, unitPrice: 1999, discountPercent: 10, taxRate: 21 },
        { description: 'Material eléctrico', quantity: 1, unitPrice: 12_000, taxRate: 10 },
      ],
    });
    quoteId = quote.id;
    expect(quote).toMatchObject({ netTotal: 27_397, taxTotal: 4433, total: 31_830 });
  });
  screenshotOnFailure(() => customerBrowser?.page ?? browser?.page);
  afterAll(async () => {
    await customerBrowser?.close();
    await browser?.close();
    await server?.stop();
    await sink?.close();
  });

  it('sends the quote, the customer accepts it on the link at phone width, and the opportunity is won', async () => {
    const { page } = browser;
    await login(page, server.baseUrl, admin.email, admin.password);
    // Sent from the quote's editor: the draft takes its number as it goes.
    await page.goto(`${server.baseUrl}/quotes/${quoteId}`);
    await page.getByRole('button', { name: 'Enviar por correo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enviar la cotización' });
    await dialog.getByLabel('Mensaje').fill('Buenos días, Rosa:\n\nle enviamos la cotización del local.');
    await dialog.getByRole('button', { name: 'Enviar', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Cotización en cola de envío.').waitFor();

    // The message reaches the SMTP server with the PDF and the link.
    const [message] = await sink.waitFor(1, 30_000);
    const parsed = await PostalMime.parse(message?.raw ?? Buffer.alloc(0));
    expect(message?.to).toEqual(['compras@nandu.example']);
    expect(parsed.html).toContain('<p>Buenos días, Rosa:</p><p>le enviamos la cotización del local.</p>');
    expect(parsed.attachments.map((attachment) => attachment.mimeType)).toEqual(['application/pdf']);
    const link = /href="([^"]+\/q\/[A-Za-z0-9_-]+)"/.exec(parsed.html ?? '')?.[1];
    expect(link?.startsWith(server.baseUrl)).toBe(true);

    // A fresh browser, never signed in, in English and at phone width: the page speaks the quote's Spanish.
    customerBrowser = await launchBrowser({ locale: 'en-GB', viewport: { width: 375, height: 740 } });
    const customer = customerBrowser.page;
    await customer.goto(link ?? '');
    await customer.getByRole('heading', { name: /^Cotización COT-\d{4}-\d{4}$/ }).waitFor();
    await customer.getByText('Reformas Ñandú S.L.').waitFor();
    expect(await customer.getByTestId('quote-total').textContent()).toBe(new Intl.NumberFormat('es-ES', { style: 'currency', currency: 'EUR' }).format(318.3));
    for (const line of ['Mano de obra', 'Enchufe doble', 'Material eléctrico']) await customer.getByText(line).waitFor();
    expect(await customer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // Nothing of the CRM around it.
    expect(await customer.getByRole('navigation').count()).toBe(0);
    await customer.getByLabel('Su nombre completo').fill('Rosa Núñez');
    await customer.getByRole('button', { name: 'Aceptar la cotización' }).click();
    await expect.poll(() => customer.getByTestId('quote-answer').textContent()).toContain('Aceptada por Rosa Núñez');

    // Back in Cartera: the opportunity is won.
    await page.goto(`${server.baseUrl}/opportunities/${opportunityId}`);
    await expect.poll(() => page.getByTestId('opportunity-status').textContent()).toBe('Ganada');
    const answered = await api.call(z.object({ status: z.string(), decision: z.object({ name: z.string().nullable(), ip: z.string().nullable() }).nullable() }), 'GET', `/quotes/${quoteId}`);
    expect(answered).toMatchObject({ status: 'accepted', decision: { name: 'Rosa Núñez', ip: '127.0.0.1' } });
  });
});
