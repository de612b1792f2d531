import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { Opportunity } from '@contract/opportunities';
import type { PublicQuote } from '@contract/quote-links';
import type { Quote, QuoteLineInput } from '@contract/quotes';
import { MailSender } from '@server/modules/mail/mail-sender';
import { pdfPages, squashed } from '@server/test/pdf-text';
import { anonymousLink, deliveredLink, nextAddress } from '@server/test/public-link';
import { startSmtpSink, type SmtpSink } from '@server/test/smtp-sink';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';
import { linkLimit } from '@server/modules/public-links/link-throttle.repo';
import { moneyText } from '@server/lib/pdf/pdf-render';

let t: TestApp;
let sink: SmtpSink;
let sender: MailSender;
let admin: Client;
let agent: Client;
let stranger: Client;
let customer: Account;

/** Three lines, a discount and two tax rates (18% and exempt). */
const lines: QuoteLineInput[] = [
  { kind: 'section', description: 'Instalación' },
  { description: 'Mano de obra', quantity: 2.5, unit: 'hour', unitPrice: 4000, taxRate: 18 },
  { description: 'Enchufe doble', quantity: 3, unitPrice: 1999, discountPercent: 10, taxRate: 18 },
  { description: 'Certificado', quantity: 1, unitPrice: 12_000, taxRate: 0 },
];

/** The public page, as a customer's browser reaches it. */
const anonymous = anonymousLink(() => t, 'quote-links');

const create = async (body: object = {}, client = agent) => expectOk<Quote>(await client.post('/api/v1/quotes', { accountId: customer.id, language: 'es', lines, ...body }), 201);
const send = async (quote: Quote, body: object = {}, client = agent) => expectOk<Quote>(await client.post(`/api/v1/quotes/${quote.id}/send`, { version: quote.version, ...body }));
const outbox = async () => (await t.db.selectFrom('email_messages').select('id').execute()).length;

const delivered = () => deliveredLink(sender, sink, 'q');

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await testApp();
  sender = new MailSender({ db: t.db, storage: t.app.storage, config: t.app.config }, { backoffMs: 200, connectionPauseMs: 0 });
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own', name: 'Íñigo Ventas', language: 'es' });
  stranger = await t.user({ role: 'agent', scope: 'own' });
  customer = await t.account(agent, { kind: 'organization', name: 'Reformas Ñandú S.L.', emails: ['compras@nandu.example'], taxId: 'B12345674' });
  const settings = expectOk<{ version: number }>(await admin.get('/api/v1/quote-settings'));
  expectOk(await admin.put('/api/v1/quote-settings', { version: settings.version, companyName: 'Instalaciones Peñalara S.L.', companyTaxId: 'B87654321' }));
});
afterAll(async () => {
  await sender.stop();
  await t.close();
  await sink.close();
});

describe('before SMTP is set up', () => {
  test('sending is refused and the draft stays a draft without a number', async () => {
    const draft = await create();
    expectProblem(await agent.post(`/api/v1/quotes/${draft.id}/send`, { version: draft.version }), 409, 'mail_not_configured');
    expect(expectOk<Quote>(await agent.get(`/api/v1/quotes/${draft.id}`))).toMatchObject({ status: 'draft', number: null, version: draft.version });
  });
});

describe('sending a quote', () => {
  beforeAll(async () => {
    expectOk(await admin.put('/api/v1/settings/mail', { version: 0, host: '127.0.0.1', port: sink.port, tlsMode: 'none', fromAddress: 'ventas@cartera.example', fromName: 'Ventas', ratePerMinute: 1000 }));
  });
  beforeEach(() => {
    sink.received.length = 0;
  });

  test('a draft is numbered, marked sent and e-mailed in its language with the PDF attached and a link; the e-mail is on the timelines', async () => {
    const opportunity = expectOk<Opportunity>(await agent.post('/api/v1/opportunities', { organizationId: customer.id, name: 'Reforma local', currency: 'EUR', expectedCloseOn: '2027-01-01' }), 201);
    const draft = await create({ opportunityId: opportunity.id, language: 'es' });
    const sent = await send(draft, { message: 'Hola Rosa,\n\naquí tiene lo hablado.' });
    expect(sent).toMatchObject({ status: 'sent', number: expect.stringMatching(/^COT-\d{4}-\d{4}$/) });
    const { message, parsed, token } = await delivered();
    expect(message.to).toEqual(['compras@nandu.example']);
    expect(parsed.subject).toBe(`Cotización ${sent.number ?? ''} de Instalaciones Peñalara S.L.`);
    expect(parsed.html).toContain('<p>Hola Rosa,</p><p>aquí tiene lo hablado.</p>');
    expect(parsed.html).toContain('Ver la cotización y aceptarla o rechazarla');
    const [pdf] = parsed.attachments;
    expect(pdf).toMatchObject({ filename: `${sent.number ?? ''}.pdf`, mimeType: 'application/pdf' });
    const text = (await pdfPages(Buffer.from(typeof pdf?.content === 'string' ? pdf.content : new Uint8Array(pdf?.content ?? new ArrayBuffer(0))))).map(squashed).join(' ');
    expect(text).toContain(squashed(sent.number ?? 'x'));
    expect(text).toContain(squashed(moneyText(sent.total, 'EUR', 'es')));
    expect(token).toHaveLength(43);
    // The e-mail is an activity of the account and of the opportunity.
    const activities = expectOk<ListResponse<{ subject: string; opportunityId?: string | null; opportunity?: { id: string } | null }>>(await agent.get(`/api/v1/activities?accountId=${customer.id}&type=email`));
    expect(activities.items.map((activity) => activity.subject)).toContain(parsed.subject);
    const row = await t.db.selectFrom('activities').select('opportunity_id').where('subject', '=', parsed.subject ?? '').executeTakeFirstOrThrow();
    expect(row.opportunity_id).toBe(opportunity.id);
  });

  test('in English for an English quote, to the addresses given', async () => {
    const sent = await send(await create({ language: 'en' }), { to: ['buyer@nandu.example'] });
    const { message, parsed } = await delivered();
    expect(message.to).toEqual(['buyer@nandu.example']);
    expect(parsed.subject).toBe(`Quote ${sent.number ?? ''} from Instalaciones Peñalara S.L.`);
    expect(parsed.html).toContain('View the quote and accept or decline it');
  });

  test('drafts sent at the same moment take consecutive numbers; a stale request takes none', async () => {
    const drafts = await Promise.all(Array.from({ length: 5 }, () => create()));
    const stale = await create();
    const results = await Promise.all([
      ...drafts.map((draft) => agent.post(`/api/v1/quotes/${draft.id}/send`, { version: draft.version })),
      agent.post(`/api/v1/quotes/${stale.id}/send`, { version: stale.version + 1 }),
    ]);
    expect(results.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200, 412]);
    const numbers = results.slice(0, 5).map((response) => Number(response.json<Quote>().number?.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, index) => (numbers[0] ?? 0) + index));
    const next = await send(await create());
    expect(Number(next.number?.slice(-4))).toBe((numbers[4] ?? 0) + 1);
    await sender.drain();
  });

  test('the public page shows that quote and nothing else of the CRM; accepting records who, when and from where and wins the opportunity', async () => {
    const opportunity = expectOk<Opportunity>(await agent.post('/api/v1/opportunities', { organizationId: customer.id, name: 'Oficina nueva', currency: 'EUR', expectedCloseOn: '2027-01-01' }), 201);
    const sent = await send(await create({ opportunityId: opportunity.id, notes: 'Incluye retirada de escombros' }));
    const { token } = await delivered();
    const ip = nextAddress();
    const page = anonymous('GET', token, ip);
    const shown = expectOk<PublicQuote>(await page);
    expect(shown).toMatchObject({
      state: 'open', language: 'es', number: sent.number, company: { name: 'Instalaciones Peñalara S.L.', taxId: 'B87654321' },
      customer: { name: 'Reformas Ñandú S.L.', taxId: 'B12345674' }, netTotal: sent.netTotal, taxTotal: sent.taxTotal, total: sent.total, taxes: sent.taxes, decision: null,
    });
    if (shown.state === 'expired') throw new Error('expired');
    expect(shown.lines.map((line) => [line.kind, line.description, line.net])).toEqual(sent.lines.map((line) => [line.kind, line.description, line.net]));
    // No ids, no owner, no opportunity, no other record.
    const body = (await page).body;
    for (const secret of [sent.id, customer.id, opportunity.id, agent.user.id, 'Íñigo', 'Oficina nueva', 'compras@nandu.example']) expect(body).not.toContain(secret);
    const pdf = await anonymous('GET', `${token}/pdf`, ip);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // Only with its own token: a made-up one, or one a letter off, finds nothing.
    expectProblem(await anonymous('GET', 'A'.repeat(43), ip), 404, 'not_found');
    expectProblem(await anonymous('GET', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, ip), 404, 'not_found');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/quote-links/short', remoteAddress: ip })).statusCode).toBe(400);

    expectProblem(await anonymous('POST', `${token}/accept`, ip, { name: '' }), 400, 'validation_failed');
    const accepted = expectOk<PublicQuote>(await anonymous('POST', `${token}/accept`, ip, { name: 'Rosa Núñez' }));
    expect(accepted).toMatchObject({ state: 'accepted', decision: { name: 'Rosa Núñez', reason: null } });
    const quote = expectOk<Quote>(await agent.get(`/api/v1/quotes/${sent.id}`));
    expect(quote).toMatchObject({ status: 'accepted', decision: { name: 'Rosa Núñez', ip } });
    expect(Date.now() - Date.parse(quote.decision?.at ?? '')).toBeLessThan(60_000);
    expect(expectOk<Opportunity>(await agent.get(`/api/v1/opportunities/${opportunity.id}`))).toMatchObject({ status: 'won' });
    const bell = expectOk<{ items: Array<{ kind: string; params: Record<string, unknown> }> }>(await agent.get('/api/v1/notifications'));
    expect(bell.items).toContainEqual(expect.objectContaining({ kind: 'quote_accepted', params: expect.objectContaining({ quoteId: sent.id, name: 'Rosa Núñez' }) }));
    const timeline = expectOk<ListResponse<{ entity: string; entityId: string; action: string }>>(await agent.get(`/api/v1/accounts/${customer.id}/timeline?limit=200`));
    expect(timeline.items.filter((entry) => entry.entityId === sent.id).map((entry) => entry.action)).toEqual(expect.arrayContaining(['quote_accepted', 'quote_sent']));
    expect(timeline.items).toContainEqual(expect.objectContaining({ entity: 'opportunity', entityId: opportunity.id, action: 'opportunity_updated' }));
    // Answered once: a second answer is refused, the page still shows the first.
    expectProblem(await anonymous('POST', `${token}/decline`, ip, { reason: 'Cambio de idea' }), 409, 'quote_not_open');
    expect(expectOk<PublicQuote>(await anonymous('GET', token, ip)).state).toBe('accepted');
  });

  test('declining with a reason notes it on the opportunity and tells the owner; the opportunity stays open', async () => {
    const opportunity = expectOk<Opportunity>(await agent.post('/api/v1/opportunities', { organizationId: customer.id, name: 'Almacén', currency: 'EUR', expectedCloseOn: '2027-01-01' }), 201);
    const sent = await send(await create({ opportunityId: opportunity.id }));
    const { token } = await delivered();
    const ip = nextAddress();
    expectProblem(await anonymous('POST', `${token}/decline`, ip, { reason: ' ' }), 400, 'validation_failed');
    expect(expectOk<PublicQuote>(await anonymous('POST', `${token}/decline`, ip, { reason: 'Precio por encima del presupuesto' }))).toMatchObject({ state: 'declined', decision: { name: null, reason: 'Precio por encima del presupuesto' } });
    expect(expectOk<Opportunity>(await agent.get(`/api/v1/opportunities/${opportunity.id}`)).status).toBe('open');
    const timeline = expectOk<ListResponse<{ entity: string; entityId: string; action: string }>>(await agent.get(`/api/v1/accounts/${customer.id}/timeline?limit=200`));
    expect(timeline.items).toContainEqual(expect.objectContaining({ entity: 'opportunity', entityId: opportunity.id, action: 'quote_declined' }));
    const bell = expectOk<{ items: Array<{ kind: string; params: Record<string, unknown> }> }>(await agent.get('/api/v1/notifications'));
    expect(bell.items).toContainEqual(expect.objectContaining({ kind: 'quote_declined', params: expect.objectContaining({ quoteId: sent.id, reason: 'Precio por encima del presupuesto' }) }));
  });

  test('a superseded revision\'s link no longer works; the new revision gets its own; sending again replaces the link', async () => {
    const sent = await send(await create());
    const first = await delivered();
    const ip = nextAddress();
    const revision = expectOk<Quote>(await agent.post(`/api/v1/quotes/${sent.id}/revise`, { version: sent.version }), 201);
    expectProblem(await anonymous('GET', first.token, ip), 404, 'not_found');
    expectProblem(await anonymous('POST', `${first.token}/accept`, ip, { name: 'Tarde' }), 404, 'not_found');
    const second = await send(revision);
    expect(second.number).toBe(`${sent.number ?? ''}-R2`);
    const secondMail = await delivered();
    expect(expectOk<PublicQuote>(await anonymous('GET', secondMail.token, ip))).toMatchObject({ state: 'open', number: second.number, revision: 2 });
    const again = await send(second);
    expect(again).toMatchObject({ status: 'sent', number: second.number });
    const third = await delivered();
    expect(third.token).not.toBe(secondMail.token);
    expectProblem(await anonymous('GET', secondMail.token, ip), 404, 'not_found');
    expect(expectOk<PublicQuote>(await anonymous('GET', third.token, ip)).state).toBe('open');
  });

  test('an expired quote is not sent, and its link shows only that it expired: no lines, no PDF, no answer', async () => {
    const old = await create({ issueDate: '2020-01-01', validUntil: '2020-01-31' });
    const before = await outbox();
    const refused = expectProblem(await agent.post(`/api/v1/quotes/${old.id}/send`, { version: old.version }), 400, 'validation_failed');
    expect(refused.errors).toEqual([{ field: 'validUntil', code: 'valid_until_past', message: 'La fecha de validez ya ha pasado: cámbiala antes de enviar la cotización.' }]);
    expect(await outbox()).toBe(before);

    const sent = await send(await create());
    const { token } = await delivered();
    await t.db.updateTable('quotes').set({ valid_until: '2020-01-31' }).where('id', '=', sent.id).execute();
    const ip = nextAddress();
    const shown = expectOk<PublicQuote>(await anonymous('GET', token, ip));
    expect(shown).toEqual({ state: 'expired', language: 'es', number: sent.number, validUntil: '2020-01-31', company: { name: 'Instalaciones Peñalara S.L.', taxId: 'B87654321', address: null } });
    expectProblem(await anonymous('GET', `${token}/pdf`, ip), 409, 'quote_expired');
    expectProblem(await anonymous('POST', `${token}/accept`, ip, { name: 'Rosa Núñez' }), 409, 'quote_expired');
    expect(expectOk<Quote>(await agent.get(`/api/v1/quotes/${sent.id}`)).status).toBe('expired');
  });

  test('links are rate-limited per address: past the limit 429 with Retry-After, other addresses unaffected', async () => {
    await send(await create());
    const { token } = await delivered();
    const ip = nextAddress();
    for (let hit = 0; hit < linkLimit.hits; hit += 1) expect((await anonymous('GET', hit % 2 === 0 ? token : 'B'.repeat(43), ip)).statusCode).not.toBe(429);
    const refused = await anonymous('GET', token, ip);
    expectProblem(refused, 429, 'too_many_attempts');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(linkLimit.windowSeconds);
    expect((await anonymous('GET', token, nextAddress())).statusCode).toBe(200);
    // Once the window is over the address starts again (moved back here rather than waited for).
    await t.db.updateTable('public_link_hits').set({ window_start: '2000-01-01T00:00:00.000Z' }).where('key', '=', `ip:${ip}`).execute();
    expect((await anonymous('GET', token, ip)).statusCode).toBe(200);
  });

  test('an agent cannot send or revise a quote of an account outside their portfolio: 404 and nothing sent or changed', async () => {
    const draft = await create();
    const sent = await send(await create());
    await sender.drain();
    const messages = await outbox();
    const rows = async () => t.db.selectFrom('quotes').select(['id', 'status', 'number', 'version', 'token_hash']).where('id', 'in', [draft.id, sent.id]).orderBy('id').execute();
    const before = await rows();
    expectProblem(await stranger.post(`/api/v1/quotes/${draft.id}/send`, { version: draft.version, to: ['x@example.com'] }), 404, 'not_found');
    expectProblem(await stranger.post(`/api/v1/quotes/${sent.id}/send`, { version: sent.version }), 404, 'not_found');
    expectProblem(await stranger.post(`/api/v1/quotes/${sent.id}/revise`, { version: sent.version }), 404, 'not_found');
    expect(await outbox()).toBe(messages);
    expect(await rows()).toEqual(before);
    expect(await t.db.selectFrom('quotes').select('id').where('root_id', '=', sent.id).execute()).toHaveLength(1);
  });

  test('bad input: no address to send to, a bad address, a stale version', async () => {
    const bare = await t.account(agent, { kind: 'organization', name: uniqueWord('Sin correo ') });
    const draft = expectOk<Quote>(await agent.post('/api/v1/quotes', { accountId: bare.id, lines }), 201);
    const before = await outbox();
    expect(expectProblem(await agent.post(`/api/v1/quotes/${draft.id}/send`, { version: draft.version }), 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'to', code: 'required' }));
    expectProblem(await agent.post(`/api/v1/quotes/${draft.id}/send`, { version: draft.version, to: ['no es correo'] }), 400, 'validation_failed');
    expectProblem(await agent.post(`/api/v1/quotes/${draft.id}/send`, { version: draft.version + 3, to: ['a@b.example'] }), 412, 'stale_version');
    expect(await outbox()).toBe(before);
    expect(expectOk<Quote>(await agent.get(`/api/v1/quotes/${draft.id}`))).toMatchObject({ status: 'draft', number: null });
  });
});
