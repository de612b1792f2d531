import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import type { Campaign, CampaignMember } from '@contract/campaigns';
import type { ListResponse } from '@contract/common';
import type { EmailBulkPreview } from '@contract/emails';
import { JobWorker } from '@server/jobs/worker';
import { MailSender } from '@server/modules/mail/mail-sender';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { sendBulk } from '@server/test/bulk-mail';
import { startSmtpSink, type SmtpSink } from '@server/test/smtp-sink';
import { expectOk, expectProblem } from '@server/test/state';

/**
 * E-mail to a campaign's members (issue 20.2 and 20.4): written to one member from the campaign
 * page, or sent in bulk to its members (by status); each member's row counts what was sent,
 * failed, opened and unsubscribed. Only members in the author's portfolio are ever mailed.
 */
let t: TestApp;
let sink: SmtpSink;
let worker: JobWorker;
let sender: MailSender;
let admin: Client;
let agent: Client;
let outsider: Client;
let campaign: Campaign;
let ana: Account;
let bruno: Account;
let carla: Account;
let hidden: Account;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await testApp();
  worker = new JobWorker(t.db, t.dialect, { pollMs: 10 });
  sender = new MailSender({ db: t.db, storage: t.app.storage, config: t.app.config });
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', name: 'Marta Ventas', language: 'es' });
  outsider = await t.user({ role: 'agent' });
  const other = await t.user({ role: 'agent' });
  expectOk(await admin.put('/api/v1/settings/mail', { version: 0, host: '127.0.0.1', port: sink.port, tlsMode: 'none', fromAddress: 'ventas@cartera.example', ratePerMinute: 10_000 }));
  campaign = expectOk<Campaign>(await admin.post('/api/v1/campaigns', { name: 'Feria otoño', product: 'Seguro hogar', startsOn: '2026-10-01', endsOn: '2027-03-31' }), 201);
  ana = await t.account(agent, { kind: 'person', firstName: 'Ana', lastName: 'Ríos', emails: ['ana@rios.example'] });
  bruno = await t.account(agent, { kind: 'person', firstName: 'Bruno', lastName: 'Sanz', emails: ['bruno@sanz.example'] });
  carla = await t.account(agent, { kind: 'person', firstName: 'Carla', lastName: 'Toro', emails: ['carla@toro.example'] });
  hidden = await t.account(other, { kind: 'person', firstName: 'Oculta', lastName: 'Ajena', emails: ['oculta@ajena.example'] });
  for (const [account, status] of [[ana, 'interested'], [bruno, 'to_contact'], [carla, 'interested'], [hidden, 'interested']] as const) {
    expectOk(await admin.post(`/api/v1/campaigns/${campaign.id}/members`, { accountId: account.id, status }), 201);
  }
});
afterAll(async () => {
  await worker.stop();
  await sender.stop();
  await t.close();
  await sink.close();
});

const bulk = (client: Client, body: object) => sendBulk({ worker, sender, sink }, client, body);

const members = async (client: Client) =>
  new Map((await client.get(`/api/v1/campaigns/${campaign.id}/members?limit=50`)).json<ListResponse<CampaignMember>>().items.map((member) => [member.account.name, member]));

describe('bulk e-mail to a campaign\'s members', () => {
  test('by member status: only those members, with the campaign merged, on their timelines and in the campaign\'s counts', async () => {
    const preview = expectOk<EmailBulkPreview>(await agent.post('/api/v1/emails/bulk/preview', {
      selection: { campaignId: campaign.id, statuses: ['interested'] }, content: { subject: '{{campaign.name}}: {{campaign.product}}', html: '<p>Hola {{contact.firstName}}</p>' },
    }));
    expect(preview).toMatchObject({ recipients: 2, accounts: 2, sample: { subject: 'Feria otoño: Seguro hogar' } });
    // Carla's 550: a permanent failure, counted as failed on her row.
    sink.onRcpt((address) => (address === 'carla@toro.example' ? { code: 550, message: 'No such user' } : 'accept'));
    const { bulk: sent, received } = await bulk(agent, {
      selection: { campaignId: campaign.id, statuses: ['interested'] }, trackOpens: true,
      content: { subject: '{{campaign.name}}: {{campaign.product}}', html: '<p>Hola {{contact.firstName}}</p>' },
    });
    sink.onRcpt(() => 'accept');
    expect(sent.counts).toMatchObject({ recipients: 2, accounts: 2 });
    expect(received.flatMap((message) => message.to)).toEqual(['ana@rios.example']);
    const parsed = await PostalMime.parse(received[0]?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe('Feria otoño: Seguro hogar');
    const activities = await t.db.selectFrom('activities').select(['account_id', 'campaign_id']).where('type', '=', 'email').where('account_id', 'in', [ana.id, carla.id]).execute();
    expect(activities.map((activity) => activity.campaign_id)).toEqual([campaign.id, campaign.id]);

    // Ana opens it, then unsubscribes: her row shows both.
    const pixel = /src="(http:\/\/[^"]+\/mail\/o\/[^"]+\.gif)"/.exec(parsed.html ?? '')?.[1] ?? '';
    await t.app.inject({ method: 'GET', url: new URL(pixel).pathname });
    const unsubscribe = /<(http:\/\/[^>]+)>/.exec(parsed.headers.find((header) => header.key === 'list-unsubscribe')?.value ?? '')?.[1] ?? '';
    await t.app.inject({ method: 'POST', url: new URL(unsubscribe).pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    const rows = await members(agent);
    expect(rows.get('Ana Ríos')?.mail).toEqual({ sent: 1, failed: 0, opened: 1, unsubscribed: true });
    expect(rows.get('Carla Toro')?.mail).toEqual({ sent: 0, failed: 1, opened: 0, unsubscribed: false });
    expect(rows.get('Bruno Sanz')?.mail).toEqual({ sent: 0, failed: 0, opened: 0, unsubscribed: false });

    // Every status: the unsubscribed and the bounced addresses are left out, the rest go.
    const all = await bulk(agent, { selection: { campaignId: campaign.id }, content: { subject: 'Última semana', html: '<p>x</p>' } });
    expect(all.bulk.counts).toMatchObject({ recipients: 1, accounts: 3, unsubscribed: 1, bounced: 1 });
    expect(all.received.flatMap((message) => message.to)).toEqual(['bruno@sanz.example']);
    expect((await members(agent)).get('Bruno Sanz')?.mail.sent).toBe(1);
  });

  test('the agent who sees none of the members mails nobody; the one who does never reaches the others\'', async () => {
    const before = await t.db.selectFrom('email_messages').select('id').execute();
    const refused = await bulk(outsider, { selection: { campaignId: campaign.id }, content: { subject: 'Hola', html: '<p>x</p>' } });
    expect(refused.bulk.counts).toMatchObject({ recipients: 0, accounts: 0 });
    expect(refused.received).toEqual([]);
    expect(await t.db.selectFrom('email_messages').select('id').execute()).toHaveLength(before.length);
    const preview = expectOk<EmailBulkPreview>(await outsider.post('/api/v1/emails/bulk/preview', { selection: { campaignId: campaign.id }, content: { subject: 'x', html: 'x' } }));
    expect(preview).toMatchObject({ recipients: 0, accounts: 0, sample: null });
    // The agent's own sends never reached the other agent's member.
    expect(await t.db.selectFrom('email_messages').select('id').where('account_id', '=', hidden.id).execute()).toEqual([]);
    expectProblem(await agent.post('/api/v1/emails/bulk', { selection: { campaignId: '01900000-0000-7000-8000-000000000000' }, content: { subject: 'x', html: 'x' } }), 404, 'not_found');
  });
});

describe('an e-mail written to one member', () => {
  test('merges the campaign and counts on the member\'s row; refused for a member the author does not see, or an account not in the campaign', async () => {
    const sent = await agent.post('/api/v1/emails', { accountId: bruno.id, campaignId: campaign.id, to: ['bruno@sanz.example'], subject: 'Sobre {{campaign.product}}', html: '<p>Hola {{contact.firstName}}</p>' });
    expect(sent.statusCode, sent.body).toBe(202);
    await sender.drain();
    expect((await members(agent)).get('Bruno Sanz')?.mail.sent).toBe(2);
    const activity = await t.db.selectFrom('activities').select(['subject', 'campaign_id']).where('account_id', '=', bruno.id).where('subject', '=', 'Sobre Seguro hogar').executeTakeFirstOrThrow();
    expect(activity.campaign_id).toBe(campaign.id);

    const before = await t.db.selectFrom('email_messages').select('id').execute();
    expectProblem(await outsider.post('/api/v1/emails', { accountId: hidden.id, campaignId: campaign.id, to: ['oculta@ajena.example'], subject: 'x', html: '<p>x</p>' }), 404, 'not_found');
    const stranger = await t.account(agent, { kind: 'person', firstName: 'Sin', lastName: 'Campaña', emails: ['sin@campana.example'] });
    expectProblem(await agent.post('/api/v1/emails', { accountId: stranger.id, campaignId: campaign.id, to: ['sin@campana.example'], subject: 'x', html: '<p>x</p>' }), 400, 'validation_failed');
    expect(await t.db.selectFrom('email_messages').select('id').execute()).toHaveLength(before.length);
  });
});
