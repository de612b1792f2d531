import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Account, AccountListItem } from '@contract/accounts';
import type { PublicAgreement } from '@contract/agreement-links';
import type { AgreementTemplate } from '@contract/agreement-templates';
import type { Agreement } from '@contract/agreements';
import type { ListResponse } from '@contract/common';
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
let customer: Account;
let templateId: string;

/** The public page, as a customer's browser reaches it. */
const anonymous = anonymousLink(() => t, 'agreement-links');

/** A draft with its document generated from the Spanish template. */
async function draftWithDocument(body: object = {}, client = agent): Promise<Agreement> {
  const draft = expectOk<Agreement>(await client.post('/api/v1/agreements', { organizationId: customer.id, title: uniqueWord('Cooperación '), value: { amount: 250_000, currency: 'EUR' }, ...body }), 201);
  return expectOk<Agreement>(await client.post(`/api/v1/agreements/${draft.id}/generate`, { version: draft.version, templateId }));
}
const send = async (agreement: Agreement, body: object = {}, client = agent) => expectOk<Agreement>(await client.post(`/api/v1/agreements/${agreement.id}/send`, { version: agreement.version, ...body }));
const storedFiles = () => (fs.existsSync(t.filesDir) ? fs.readdirSync(t.filesDir, { recursive: true }).filter((entry) => fs.statSync(path.join(t.filesDir, String(entry))).isFile()).length : 0);
const outbox = async () => (await t.db.selectFrom('email_messages').select('id').execute()).length;
const unsigned = async () => expectOk<ListResponse<AccountListItem>>(await agent.get(`/api/v1/accounts?q=${encodeURIComponent(customer.name)}&counters=unsignedAgreements`)).items[0]?.overview.unsignedAgreements;

const delivered = () => deliveredLink(sender, sink, 'a');

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await testApp();
  sender = new MailSender({ db: t.db, storage: t.app.storage, config: t.app.config }, { backoffMs: 200, connectionPauseMs: 0 });
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own', name: 'Íñigo Ventas', language: 'es' });
  stranger = await t.user({ role: 'agent', scope: 'own' });
  customer = await t.account(agent, { kind: 'organization', name: uniqueWord('Reformas Ñandú '), emails: ['compras@nandu.example'], taxId: 'B12345674' });
  const settings = expectOk<{ version: number }>(await admin.get('/api/v1/quote-settings'));
  expectOk(await admin.put('/api/v1/quote-settings', { version: settings.version, companyName: 'Instalaciones Peñalara S.L.', companyTaxId: 'B87654321' }));
  templateId = expectOk<{ items: AgreementTemplate[] }>(await agent.get('/api/v1/agreement-templates')).items.find((template) => template.language === 'es')?.id ?? '';
});
afterAll(async () => {
  await sender.stop();
  await t.close();
  await sink.close();
});

describe('before SMTP is set up', () => {
  test('sending is refused and the draft stays a draft', async () => {
    const draft = await draftWithDocument();
    expectProblem(await agent.post(`/api/v1/agreements/${draft.id}/send`, { version: draft.version }), 409, 'mail_not_configured');
    expect(expectOk<Agreement>(await agent.get(`/api/v1/agreements/${draft.id}`))).toMatchObject({ status: 'draft', version: draft.version, sentAt: null });
  });
});

describe('sending an agreement and signing it on its public page', () => {
  beforeAll(async () => {
    expectOk(await admin.put('/api/v1/settings/mail', { version: 0, host: '127.0.0.1', port: sink.port, tlsMode: 'none', fromAddress: 'ventas@cartera.example', fromName: 'Ventas', ratePerMinute: 1000 }));
  });
  beforeEach(() => {
    sink.received.length = 0;
  });

  test('it goes by e-mail in its language with its PDF attached and a link; it counts as unsigned; the e-mail is on the timeline', async () => {
    const before = (await unsigned()) ?? 0;
    const draft = await draftWithDocument();
    const sent = await send(draft, { message: 'Hola Rosa,\n\nle enviamos el acuerdo hablado.' });
    expect(sent).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    expect(await unsigned()).toBe(before + 1);
    const { message, parsed, token } = await delivered();
    expect(message.to).toEqual(['compras@nandu.example']);
    expect(parsed.subject).toBe(`Acuerdo con Instalaciones Peñalara S.L.: ${draft.title}`);
    expect(parsed.html).toContain('<p>Hola Rosa,</p><p>le enviamos el acuerdo hablado.</p>');
    expect(parsed.html).toContain('Leer el acuerdo y firmarlo');
    expect(token).toHaveLength(43);
    const [pdf] = parsed.attachments;
    expect(pdf).toMatchObject({ filename: `${draft.title}.pdf`, mimeType: 'application/pdf' });
    const text = (await pdfPages(Buffer.from(typeof pdf?.content === 'string' ? pdf.content : new Uint8Array(pdf?.content ?? new ArrayBuffer(0))))).map(squashed).join(' ');
    for (const expected of [draft.title, customer.name, 'Instalaciones Peñalara S.L.', moneyText(250_000, 'EUR', 'es')]) expect(text).toContain(squashed(expected));
    const timeline = expectOk<ListResponse<{ entity: string; entityId: string; action: string }>>(await agent.get(`/api/v1/accounts/${customer.id}/timeline?limit=200`));
    expect(timeline.items).toContainEqual(expect.objectContaining({ entity: 'agreement', entityId: draft.id, action: 'agreement_sent' }));
    const emails = expectOk<ListResponse<{ subject: string }>>(await agent.get(`/api/v1/activities?accountId=${customer.id}&type=email`));
    expect(emails.items.map((activity) => activity.subject)).toContain(parsed.subject);
  });

  test('the public page shows that agreement and nothing else of the CRM; signing by typed name records who, when and from where and tells the owner', async () => {
    const owner = await t.user({ role: 'agent', scope: 'own' });
    const draft = await draftWithDocument({ ownerId: owner.user.id, addAssigneeAsOwner: true, type: 'general_cooperation', reference: 'AC-9', endOn: '2099-12-31' });
    const sent = await send(draft);
    const { token } = await delivered();
    const ip = nextAddress();
    const page = await anonymous('GET', token, ip);
    expect(page.headers['cache-control']).toBe('no-store');
    const shown = expectOk<PublicAgreement>(page);
    expect(shown).toMatchObject({
      state: 'open', language: 'es', title: draft.title, reference: 'AC-9', type: 'Acuerdo general de cooperación', endOn: '2099-12-31',
      company: { name: 'Instalaciones Peñalara S.L.', taxId: 'B87654321' }, customer: { name: customer.name, taxId: 'B12345674' },
      value: { amount: 250_000, currency: 'EUR' }, document: { name: 'AC-9.pdf', contentType: 'application/pdf' }, signature: null,
    });
    expect(shown.text).toContain(`Entre Instalaciones Peñalara S.L. (NIF B87654321) y ${customer.name}`);
    // No ids, no owner, no other record.
    for (const secret of [sent.id, customer.id, owner.user.id, owner.user.name, agent.user.name, 'compras@nandu.example']) expect(page.body).not.toContain(secret);
    const document = await anonymous('GET', `${token}/document`, ip);
    expect(document.headers['content-type']).toBe('application/pdf');
    expect((await pdfPages(document.rawPayload)).map(squashed).join(' ')).toContain(squashed(draft.title));
    // Only with its own token.
    expectProblem(await anonymous('GET', 'A'.repeat(43), ip), 404, 'not_found');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/agreement-links/short', remoteAddress: ip })).statusCode).toBe(400);

    const problem = expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/agreement-links/${token}/sign`, remoteAddress: ip, payload: { name: ' ' }, headers: { 'accept-language': 'es' } }), 400, 'validation_failed');
    expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'name' }));
    const signed = expectOk<PublicAgreement>(await anonymous('POST', `${token}/sign`, ip, { name: 'Rosa Núñez' }));
    expect(signed).toMatchObject({ state: 'signed', signature: { name: 'Rosa Núñez', on: new Date().toISOString().slice(0, 10) } });
    const agreement = expectOk<Agreement>(await owner.get(`/api/v1/agreements/${sent.id}`));
    expect(agreement).toMatchObject({ status: 'signed_by_customer', customerSignature: { name: 'Rosa Núñez', ip } });
    expect(Date.now() - Date.parse(agreement.customerSignature?.at ?? '')).toBeLessThan(60_000);
    const bell = expectOk<{ items: Array<{ kind: string; params: Record<string, unknown> }> }>(await owner.get('/api/v1/notifications'));
    expect(bell.items).toContainEqual(expect.objectContaining({ kind: 'agreement_signed', params: expect.objectContaining({ agreementId: sent.id, name: 'Rosa Núñez' }) }));
    const history = expectOk<ListResponse<{ action: string; actor: unknown }>>(await owner.get(`/api/v1/agreements/${sent.id}/history`));
    expect(history.items[0]).toMatchObject({ action: 'agreement_customer_signed', actor: null });
    // Signed once: a second signature is refused, the page still shows the first; it is not sent again.
    expectProblem(await anonymous('POST', `${token}/sign`, ip, { name: 'Otra Persona' }), 409, 'agreement_not_open');
    expect(expectOk<PublicAgreement>(await anonymous('GET', token, ip)).signature?.name).toBe('Rosa Núñez');
    expectProblem(await owner.post(`/api/v1/agreements/${sent.id}/send`, { version: agreement.version }), 409, 'agreement_invalid_transition');
    // Ours makes it signed by both: no longer unsigned, and the page says signed still.
    expectOk(await owner.post(`/api/v1/agreements/${sent.id}/status`, { version: agreement.version, status: 'signed_by_both' }));
    expect(expectOk<PublicAgreement>(await anonymous('GET', token, ip)).state).toBe('signed');
  });

  test('sending again replaces the link; back to draft takes it away; a term already over cannot be signed', async () => {
    const sent = await send(await draftWithDocument());
    const first = await delivered();
    const again = await send(sent);
    const second = await delivered();
    expect(second.token).not.toBe(first.token);
    const ip = nextAddress();
    expectProblem(await anonymous('GET', first.token, ip), 404, 'not_found');
    expect(expectOk<PublicAgreement>(await anonymous('GET', second.token, ip)).state).toBe('open');
    await t.db.updateTable('agreements').set({ end_on: '2020-12-31' }).where('id', '=', sent.id).execute();
    expectProblem(await anonymous('POST', `${second.token}/sign`, ip, { name: 'Tarde' }), 409, 'agreement_ended');
    expectOk(await agent.post(`/api/v1/agreements/${sent.id}/status`, { version: again.version, status: 'draft' }));
    expectProblem(await anonymous('GET', second.token, ip), 404, 'not_found');
    expectProblem(await anonymous('POST', `${second.token}/sign`, ip, { name: 'Tarde' }), 404, 'not_found');
    expect(expectOk<Agreement>(await agent.get(`/api/v1/agreements/${sent.id}`))).toMatchObject({ status: 'draft', customerSignature: null });
  });

  test('without a document, to nobody, stale, or by someone who cannot see it: refused, nothing queued or changed', async () => {
    const bare = await t.account(agent, { kind: 'organization', name: uniqueWord('Sin correo ') });
    const withoutDocument = expectOk<Agreement>(await agent.post('/api/v1/agreements', { organizationId: customer.id, title: 'Sin documento' }), 201);
    const noAddress = await draftWithDocument({ organizationId: bare.id });
    const draft = await draftWithDocument();
    const before = await outbox();
    const rows = async () => t.db.selectFrom('agreements').select(['id', 'status', 'version', 'token_hash']).where('id', 'in', [withoutDocument.id, noAddress.id, draft.id]).orderBy('id').execute();
    const state = await rows();
    const files = storedFiles();
    expectProblem(await agent.post(`/api/v1/agreements/${withoutDocument.id}/send`, { version: withoutDocument.version }), 409, 'agreement_no_document');
    expect(expectProblem(await agent.post(`/api/v1/agreements/${noAddress.id}/send`, { version: noAddress.version }), 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'to', code: 'required' }));
    expectProblem(await agent.post(`/api/v1/agreements/${draft.id}/send`, { version: draft.version, to: ['no es correo'] }), 400, 'validation_failed');
    expectProblem(await agent.post(`/api/v1/agreements/${draft.id}/send`, { version: draft.version + 3 }), 412, 'stale_version');
    expectProblem(await stranger.post(`/api/v1/agreements/${draft.id}/send`, { version: draft.version, to: ['x@example.com'] }), 404, 'not_found');
    expect(await outbox()).toBe(before);
    expect(await rows()).toEqual(state);
    expect(sink.received).toEqual([]);
    // No copy of a document left behind in storage for the refused sends.
    expect(storedFiles()).toBe(files);
  });
});
