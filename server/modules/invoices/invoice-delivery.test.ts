import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Account, InvoiceDelivery, TimelineItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { PublicInvoice } from '@contract/invoice-links';
import type { Invoice } from '@contract/invoices';
import { moneyText } from '@server/lib/pdf/pdf-render';
import { MailSender } from '@server/modules/mail/mail-sender';
import { pdfPages, squashed } from '@server/test/pdf-text';
import { anonymousLink, deliveredLink, nextAddress } from '@server/test/public-link';
import { startSmtpSink, type SmtpSink } from '@server/test/smtp-sink';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';

let t: TestApp;
let sink: SmtpSink;
let sender: MailSender;
let admin: Client;
let agent: Client;
let stranger: Client;
let byLink: Account;
let byPdf: Account;
let onPaper: Account;

/** The public page, as a customer's browser reaches it. */
const anonymous = anonymousLink(() => t, 'invoice-links');
const delivered = () => deliveredLink(sender, sink, 'i');
const outbox = async () => (await t.db.selectFrom('email_messages').select('id').execute()).length;
const storedFiles = () => (fs.existsSync(t.filesDir) ? fs.readdirSync(t.filesDir, { recursive: true }).filter((entry) => fs.statSync(path.join(t.filesDir, String(entry))).isFile()).length : 0);
const pdfText = async (bytes: Buffer) => (await pdfPages(bytes)).map(squashed).join(' ');

const invoice = async (organization: Account, extra: object = {}) => expectOk<Invoice>(await agent.post('/api/v1/invoices', {
  number: uniqueWord('FE-'), organizationId: organization.id, currency: 'EUR', net: 100_000, tax: 21_000, issueDate: '2026-03-10', language: 'es', ...extra,
}), 201);
const deliver = async (target: Invoice, body: object = {}, client = agent) => expectOk<Invoice>(await client.post(`/api/v1/invoices/${target.id}/deliver`, { version: target.version, ...body }));

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await testApp();
  sender = new MailSender({ db: t.db, storage: t.app.storage, config: t.app.config }, { backoffMs: 200, connectionPauseMs: 0 });
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own', language: 'es' });
  stranger = await t.user({ role: 'agent', scope: 'own' });
  const card = (invoiceDelivery: InvoiceDelivery, invoiceEmail: string | null) => ({ kind: 'organization' as const, emails: ['general@nandu.example'], taxId: 'B12345674', creditDays: 30, invoiceDelivery, invoiceEmail });
  byLink = await t.account(agent, { name: uniqueWord('Reformas Ñandú '), ...card('email_link', 'facturas@nandu.example') });
  byPdf = await t.account(agent, { name: uniqueWord('Gestoría '), ...card('email_pdf', 'buzon@gestoria.example') });
  onPaper = await t.account(agent, { name: uniqueWord('Papelera '), ...card('paper', null) });
  const settings = expectOk<{ version: number }>(await admin.get('/api/v1/quote-settings'));
  expectOk(await admin.put('/api/v1/quote-settings', { version: settings.version, companyName: 'Instalaciones Peñalara S.L.', companyTaxId: 'B87654321' }));
});
afterAll(async () => {
  await sender.stop();
  await t.close();
  await sink.close();
});

describe('before SMTP is set up', () => {
  test('e-mail deliveries are refused and nothing changes; paper needs no mail', async () => {
    const one = await invoice(byLink);
    expectProblem(await agent.post(`/api/v1/invoices/${one.id}/deliver`, { version: one.version }), 409, 'mail_not_configured');
    expect(expectOk<Invoice>(await agent.get(`/api/v1/invoices/${one.id}`))).toMatchObject({ version: one.version, delivered: null });
    const paper = await deliver(await invoice(onPaper));
    expect(paper.delivered).toMatchObject({ via: 'paper', to: null });
  });
});

describe('delivering invoices as the company card says', () => {
  beforeAll(async () => {
    expectOk(await admin.put('/api/v1/settings/mail', { version: 0, host: '127.0.0.1', port: sink.port, tlsMode: 'none', fromAddress: 'facturas@cartera.example', fromName: 'Facturación', ratePerMinute: 1000 }));
  });
  beforeEach(() => {
    sink.received.length = 0;
  });

  test('e-mail with tracking link: to the invoice e-mail, in the invoice\'s language, a link and no attachment; on the company\'s timeline', async () => {
    const one = await invoice(byLink);
    const sent = await deliver(one);
    expect(sent).toMatchObject({ delivered: { via: 'email_link', to: 'facturas@nandu.example' }, openedAt: null, version: one.version + 1 });
    const { message, parsed, token } = await delivered();
    expect(message.to).toEqual(['facturas@nandu.example']);
    expect(parsed.subject).toBe(`Factura ${one.number} de Instalaciones Peñalara S.L.`);
    expect(parsed.html).toContain(`Le enviamos la factura ${one.number} por ${moneyText(121_000, 'EUR', 'es')}, con vencimiento el 9 abr 2026.`);
    expect(parsed.html).toContain('Ver la factura');
    expect(parsed.attachments).toEqual([]);
    expect(token).toHaveLength(43);
    const timeline = expectOk<ListResponse<TimelineItem>>(await agent.get(`/api/v1/accounts/${byLink.id}/timeline?limit=200`));
    expect(timeline.items).toContainEqual(expect.objectContaining({ entity: 'invoice', entityId: one.id, action: 'invoice_delivered' }));
  });

  test('the public page shows that invoice and nothing else of the CRM; its first opening is recorded once, and shown on the invoice', async () => {
    const one = await invoice(byLink, { notes: 'Transferencia a ES12.' });
    await deliver(one);
    const { token } = await delivered();
    const ip = nextAddress();
    const page = await anonymous('GET', token, ip);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(expectOk<PublicInvoice>(page)).toEqual({
      language: 'es', number: one.number, status: 'overdue', issueDate: '2026-03-10', dueDate: '2026-04-09',
      company: { name: 'Instalaciones Peñalara S.L.', taxId: 'B87654321', address: null }, customer: { name: byLink.name, taxId: 'B12345674' },
      currency: 'EUR', lines: [], net: 100_000, tax: 21_000, total: 121_000, paid: 0, notes: 'Transferencia a ES12.',
    });
    for (const secret of [one.id, byLink.id, agent.user.id, agent.user.name, 'facturas@nandu.example', 'general@nandu.example']) expect(page.body).not.toContain(secret);
    const opened = expectOk<Invoice>(await agent.get(`/api/v1/invoices/${one.id}`));
    expect(Date.now() - Date.parse(opened.openedAt ?? '')).toBeLessThan(60_000);
    // Opened again (the page, its PDF): the first time stays, and the invoice's version did not move.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expectOk(await anonymous('GET', token, ip));
    const pdf = await anonymous('GET', `${token}/pdf`, ip);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(pdf.rawPayload)).toContain(squashed(one.number));
    expect(expectOk<Invoice>(await agent.get(`/api/v1/invoices/${one.id}`))).toMatchObject({ openedAt: opened.openedAt, version: one.version + 1 });
    const history = await t.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', one.id).where('action', '=', 'invoice_opened').execute();
    expect(history).toEqual([{ action: 'invoice_opened', actor_id: null }]);
    // Only with its own token.
    expectProblem(await anonymous('GET', 'A'.repeat(43), ip), 404, 'not_found');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/invoice-links/short', remoteAddress: ip })).statusCode).toBe(400);
  });

  test('sending again replaces the link; an invoice of a discarded company is not found by its link', async () => {
    const one = await invoice(byLink);
    const sent = await deliver(one);
    const first = await delivered();
    await deliver(sent, { to: ['otra@nandu.example'] });
    const second = await delivered();
    expect(second.message.to).toEqual(['otra@nandu.example']);
    const ip = nextAddress();
    expectProblem(await anonymous('GET', first.token, ip), 404, 'not_found');
    expect(expectOk<PublicInvoice>(await anonymous('GET', second.token, ip)).number).toBe(one.number);
    const gone = await t.account(agent, { name: uniqueWord('Cerrada '), invoiceDelivery: 'email_link', invoiceEmail: 'x@cerrada.example' });
    await deliver(await invoice(gone));
    const third = await delivered();
    const account = expectOk<Account>(await agent.get(`/api/v1/accounts/${gone.id}`));
    expect((await agent.request('DELETE', `/api/v1/accounts/${gone.id}`, undefined, { 'if-match': `"${account.version}"` })).statusCode).toBe(204);
    expectProblem(await anonymous('GET', third.token, ip), 404, 'not_found');
  });

  test('e-mail with attachment: the PDF goes attached (read back), no link', async () => {
    const one = await invoice(byPdf, { language: 'en' });
    expect(await deliver(one)).toMatchObject({ delivered: { via: 'email_pdf', to: 'buzon@gestoria.example' } });
    await sender.drain();
    const [message] = await sink.waitFor(1);
    const { default: PostalMime } = await import('postal-mime');
    const parsed = await PostalMime.parse(message?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe(`Invoice ${one.number} from Instalaciones Peñalara S.L.`);
    expect(parsed.html).toContain('The invoice is attached as a PDF.');
    expect(parsed.html).not.toContain('/i/');
    const [pdf] = parsed.attachments;
    expect(pdf).toMatchObject({ filename: `${one.number}.pdf`, mimeType: 'application/pdf' });
    const text = await pdfText(Buffer.from(typeof pdf?.content === 'string' ? pdf.content : new Uint8Array(pdf?.content ?? new ArrayBuffer(0))));
    for (const expected of ['INVOICE', one.number, byPdf.name, moneyText(121_000, 'EUR', 'en')]) expect(text).toContain(squashed(expected));
  });

  test('paper: recorded as delivered on paper, nothing mailed; the method can be chosen instead of the card\'s', async () => {
    const one = await invoice(onPaper);
    const before = await outbox();
    expect(await deliver(one)).toMatchObject({ delivered: { via: 'paper', to: null } });
    expect(await outbox()).toBe(before);
    // The card says paper; this time it goes with its PDF, to the address given.
    const mailed = await deliver(expectOk<Invoice>(await agent.get(`/api/v1/invoices/${one.id}`)), { method: 'email_pdf', to: ['papel@example.com'] });
    expect(mailed.delivered).toMatchObject({ via: 'email_pdf', to: 'papel@example.com' });
    await sender.drain();
    const [message] = await sink.waitFor(1);
    expect(message?.to).toEqual(['papel@example.com']);
  });

  test('refused: a draft, a cancelled one, stale, a bad address, no address at all, or someone who cannot see it; nothing changes or is queued', async () => {
    const draft = await invoice(byLink, { status: 'draft' });
    const cancelled = expectOk<Invoice>(await agent.patch(`/api/v1/invoices/${(await invoice(byLink)).id}`, { version: 1, status: 'cancelled' }));
    const bare = await t.account(agent, { name: uniqueWord('Sin correo '), invoiceDelivery: 'email_link' });
    const noAddress = await invoice(bare);
    const noMethod = await invoice(await t.account(agent, { name: uniqueWord('Sin tarjeta '), emails: ['a@b.example'] }));
    const fine = await invoice(byLink);
    const ids = [draft.id, cancelled.id, noAddress.id, noMethod.id, fine.id];
    const rows = async () => t.db.selectFrom('invoices').select(['id', 'version', 'token_hash', 'delivered_at', 'first_opened_at']).where('id', 'in', ids).orderBy('id').execute();
    const state = await rows();
    const queued = await outbox();
    const files = storedFiles();
    expectProblem(await agent.post(`/api/v1/invoices/${draft.id}/deliver`, { version: draft.version }), 409, 'invoice_not_deliverable');
    expectProblem(await agent.post(`/api/v1/invoices/${cancelled.id}/deliver`, { version: cancelled.version, method: 'email_pdf' }), 409, 'invoice_not_deliverable');
    expect(expectProblem(await agent.post(`/api/v1/invoices/${noAddress.id}/deliver`, { version: noAddress.version }), 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'to', code: 'required' }));
    const noWay = await agent.request('POST', `/api/v1/invoices/${noMethod.id}/deliver`, { version: noMethod.version }, { 'accept-language': 'es' });
    expect(expectProblem(noWay, 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'method', code: 'required' }));
    expect(noWay.body).toContain('Campo obligatorio');
    expectProblem(await agent.post(`/api/v1/invoices/${fine.id}/deliver`, { version: fine.version, to: ['no es correo'] }), 400, 'validation_failed');
    expectProblem(await agent.post(`/api/v1/invoices/${fine.id}/deliver`, { version: fine.version, method: 'fax' }), 400, 'validation_failed');
    expectProblem(await agent.post(`/api/v1/invoices/${fine.id}/deliver`, { version: fine.version + 3 }), 412, 'stale_version');
    expectProblem(await stranger.post(`/api/v1/invoices/${fine.id}/deliver`, { version: fine.version, to: ['x@example.com'] }), 404, 'not_found');
    expectProblem(await stranger.post(`/api/v1/invoices/${fine.id}/deliver`, { version: fine.version, method: 'paper' }), 404, 'not_found');
    expect(await rows()).toEqual(state);
    expect(await outbox()).toBe(queued);
    expect(storedFiles()).toBe(files);
    expect(sink.received).toEqual([]);
  });
});
