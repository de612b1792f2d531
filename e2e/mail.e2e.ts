import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountSchema } from '@contract/accounts';
import { emailTemplateSchema, mailSettingsSchema } from '@contract/emails';
import { startSmtpSink, type SmtpSink } from '../server/test/smtp-sink';
import { apiLogin, type ApiSession } from './api';
import { admin, hasChromium, launchBrowser, login, screenshotOnFailure, startServer, type TestBrowser, type TestServer } from './harness';

const companies = [
  { name: 'Bodegas Duero', email: 'info@duero.example', contact: ['Lucía', 'lucia@duero.example'] },
  { name: 'Quesos del Tera', email: 'hola@tera.example', contact: ['Óscar', 'oscar@tera.example'] },
  { name: 'Alfarería Pereruela', email: 'taller@alfares.example', contact: ['Irene', 'irene@alfares.example'] },
] as const;

describe.skipIf(!hasChromium)('e-mail from the browser', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let sink: SmtpSink;
  let api: ApiSession;
  const ids: string[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startServer();
    browser = await launchBrowser();
    api = await apiLogin(server.baseUrl, admin.email, admin.password);
    await api.call(mailSettingsSchema, 'PUT', '/settings/mail', { version: 0, host: '127.0.0.1', port: sink.port, tlsMode: 'none', fromAddress: 'ventas@cartera.example', fromName: 'Ventas', ratePerMinute: 600 });
    await api.call(emailTemplateSchema, 'POST', '/email-templates', {
      name: 'Feria de otoño',
      es: { subject: 'Feria de otoño: {{account.name}}', html: '<p>Hola {{contact.firstName|equipo}}, os esperamos en la feria.</p>' },
    });
    for (const company of companies) {
      const org = await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: company.name, emails: [company.email] });
      const person = await api.call(accountSchema, 'POST', '/accounts', { kind: 'person', firstName: company.contact[0], lastName: 'Ruiz', emails: [company.contact[1]] });
      await api.call(z.unknown(), 'POST', `/accounts/${org.id}/contacts`, { otherId: person.id });
      ids.push(org.id);
    }
    await api.call(accountSchema, 'POST', '/accounts', { kind: 'organization', name: 'Conservas Vigo', emails: ['vigo@example.com'] });
  });
  screenshotOnFailure(() => browser?.page);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.close();
  });

  it('sends a template to three selected accounts and their contacts; the messages arrive and each timeline shows them', async () => {
    const { page } = browser;
    await login(page, server.baseUrl, admin.email, admin.password);
    for (const company of companies) await page.getByRole('checkbox', { name: `Seleccionar ${company.name}` }).check();
    const bar = page.getByTestId('bulk-bar');
    await bar.getByRole('button', { name: 'Acciones' }).click();
    await page.getByRole('menuitem', { name: 'Enviar correo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enviar correo a 3 cuentas' });
    await dialog.getByLabel('También a las personas de contacto de cada organización').check();
    await dialog.getByRole('combobox', { name: 'Partir de una plantilla' }).click();
    await page.getByRole('option', { name: 'Feria de otoño' }).click();
    await dialog.getByRole('button', { name: 'Contar destinatarios' }).click();
    await expect.poll(() => dialog.getByTestId('bulk-mail-count').textContent()).toContain('6 destinatarios recibirán un mensaje.');
    await dialog.getByRole('button', { name: 'Enviar 6 mensajes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('bulk-mail-done').textContent(), { timeout: 20_000 }).toContain('En cola: 6 mensajes');

    // The messages reach the SMTP server, one per recipient, merged.
    const received = await sink.waitFor(6, 30_000);
    expect(received.flatMap((message) => message.to).sort()).toEqual([
      'hola@tera.example', 'info@duero.example', 'irene@alfares.example', 'lucia@duero.example', 'oscar@tera.example', 'taller@alfares.example',
    ]);
    const toOscar = await PostalMime.parse(received.find((message) => message.to[0] === 'oscar@tera.example')?.raw ?? Buffer.alloc(0));
    expect(toOscar.subject).toBe('Feria de otoño: Quesos del Tera');
    expect(toOscar.html).toContain('Hola Óscar, os esperamos en la feria.');
    expect(received.some((message) => message.to.includes('vigo@example.com'))).toBe(false);

    // Each account's activities show its messages; one opens to its delivery status.
    for (const [index, company] of companies.entries()) {
      await page.goto(`${server.baseUrl}/accounts/${ids[index]}?tab=activities`);
      const table = page.getByRole('table', { name: 'Actividades' });
      await expect.poll(() => table.getByText(`Feria de otoño: ${company.name}`).count(), { timeout: 10_000 }).toBe(2);
    }
    await page.getByRole('button', { name: /^Acciones de Feria de otoño/ }).first().click();
    await page.getByRole('menuitem', { name: 'Ver el correo' }).click();
    const details = page.getByTestId('email-details');
    await expect.poll(() => details.textContent(), { timeout: 10_000 }).toContain('Enviado');
  });

  it('composes from an account at phone width: template, preview, send', async () => {
    const phone = await launchBrowser({ viewport: { width: 375, height: 740 } });
    try {
      const { page } = phone;
      await login(page, server.baseUrl, admin.email, admin.password);
      await page.goto(`${server.baseUrl}/accounts/${ids[0]}`);
      await page.getByRole('button', { name: 'Enviar correo' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nuevo correo' });
      await dialog.getByRole('combobox', { name: 'Partir de una plantilla' }).click();
      await page.getByRole('option', { name: 'Feria de otoño' }).click();
      await dialog.getByRole('button', { name: 'Vista previa' }).click();
      await dialog.getByText('Feria de otoño: Bodegas Duero').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const before = sink.received.length;
      await dialog.getByRole('button', { name: 'Enviar', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      const [message] = (await sink.waitFor(before + 1, 30_000)).slice(before);
      expect(message?.to).toEqual(['info@duero.example']);
    } finally {
      await phone.close();
    }
  });

  it('writes to a contact from the organization\'s contacts: the contact fills the merge fields', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/accounts/${ids[0]}?tab=contacts`);
    await page.getByRole('button', { name: 'Escribir a Lucía Ruiz' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo correo' });
    await dialog.getByRole('combobox', { name: 'Partir de una plantilla' }).click();
    await page.getByRole('option', { name: 'Feria de otoño' }).click();
    await dialog.getByRole('button', { name: 'Vista previa' }).click();
    await dialog.getByText('Tal como lo recibirá Lucía Ruiz').waitFor();
    const before = sink.received.length;
    await dialog.getByRole('button', { name: 'Enviar', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const [message] = (await sink.waitFor(before + 1, 30_000)).slice(before);
    expect(message?.to).toEqual(['lucia@duero.example']);
    expect((await PostalMime.parse(message?.raw ?? Buffer.alloc(0))).html).toContain('Hola Lucía, os esperamos en la feria.');
  });
});
