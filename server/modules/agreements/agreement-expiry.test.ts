import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account, AccountListItem, TimelineEntry } from '@contract/accounts';
import type { PublicAgreement } from '@contract/agreement-links';
import type { Agreement, AgreementStatus } from '@contract/agreements';
import type { ListResponse } from '@contract/common';
import { JobWorker } from '@server/jobs/worker';
import { addDays, nowIso } from '@server/lib/time';
import { issueLinkToken } from '@server/modules/public-links/public-links';
import { anonymousLink, nextAddress } from '@server/test/public-link';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk, expectProblem, uniqueWord } from '@server/test/state';
import { scheduleAgreementWork } from './agreement-expiry.job';
import { expireAgreements } from './agreement-expiry.service';

let t: TestApp;
let admin: Client;
let agent: Client;
let company: Account;

const today = nowIso().slice(0, 10);
const daysFrom = (days: number) => addDays(`${today}T00:00:00.000Z`, days).slice(0, 10);
const anonymous = anonymousLink(() => t, 'agreement-links');

/** An agreement of the company with this end date, put straight into `status` (as sending or signing would leave it). */
async function agreement(status: AgreementStatus, endOn: string | null, organization = company): Promise<Agreement> {
  const made = expectOk<Agreement>(await agent.post('/api/v1/agreements', { organizationId: organization.id, title: uniqueWord('Vigencia '), startOn: endOn ? daysFrom(-400) : null, endOn }), 201);
  if (status !== 'draft') await t.db.updateTable('agreements').set({ status, sent_at: nowIso() }).where('id', '=', made.id).execute();
  return made;
}

const statusOf = async (id: string) => expectOk<Agreement>(await agent.get(`/api/v1/agreements/${id}`));
const unsigned = async () => expectOk<ListResponse<AccountListItem>>(await agent.get(`/api/v1/accounts?q=${encodeURIComponent(company.name)}&counters=unsignedAgreements`)).items[0]?.overview.unsignedAgreements;

beforeAll(async () => {
  t = await testApp();
  admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent', scope: 'own', language: 'es' });
  company = await t.account(agent, { kind: 'organization', name: uniqueWord('Caducada ') });
});
afterAll(async () => t.close());

describe('agreements past their end date', () => {
  test('those not signed by both nor closed expire, dated the day after their end, told in history as the system; the rest stay', async () => {
    const ends = [-1, -10, -30];
    const lapsing = [await agreement('draft', daysFrom(-1)), await agreement('sent', daysFrom(-10)), await agreement('signed_by_customer', daysFrom(-30))];
    const staying = [
      await agreement('signed_by_both', daysFrom(-5)), await agreement('terminated', daysFrom(-5)), await agreement('sent', today),
      await agreement('sent', daysFrom(20)), await agreement('sent', null),
    ];
    const before = await Promise.all(staying.map((one) => statusOf(one.id)));
    expect(await unsigned()).toBe(5);

    expect(await expireAgreements(t.db)).toBe(3);
    for (const [index, one] of lapsing.entries()) {
      expect(await statusOf(one.id)).toMatchObject({ status: 'expired', closedOn: daysFrom((ends[index] ?? 0) + 1), version: one.version + 1 });
    }
    expect(await Promise.all(staying.map((one) => statusOf(one.id)))).toEqual(before);
    // The sent one and the customer-signed one no longer count as unsigned.
    expect(await unsigned()).toBe(3);

    const history = expectOk<ListResponse<TimelineEntry>>(await agent.get(`/api/v1/agreements/${lapsing[1]?.id ?? ''}/history`));
    expect(history.items[0]).toMatchObject({
      action: 'agreement_expired', actor: null,
      changes: expect.arrayContaining([{ field: 'status', before: 'sent', after: 'expired' }, { field: 'closedOn', before: null, after: daysFrom(-9) }]),
    });
    const timeline = expectOk<ListResponse<TimelineEntry>>(await agent.get(`/api/v1/accounts/${company.id}/timeline?limit=200`));
    expect(timeline.items.filter((entry) => entry.action === 'agreement_expired')).toHaveLength(3);
    // Expired is final: no move by hand takes it anywhere.
    const expired = await statusOf(lapsing[1]?.id ?? '');
    expectProblem(await agent.post(`/api/v1/agreements/${expired.id}/status`, { version: expired.version, status: 'signed_by_both' }), 409, 'agreement_invalid_transition');

    // Once: a rerun finds nothing.
    expect(await expireAgreements(t.db)).toBe(0);
  });

  test('its public link stays readable but shows it closed and cannot be signed', async () => {
    const sent = await agreement('sent', daysFrom(-2));
    const { token, hash } = issueLinkToken();
    await t.db.updateTable('agreements').set({ token_hash: hash }).where('id', '=', sent.id).execute();
    const ip = nextAddress();
    expect(expectOk<PublicAgreement>(await anonymous('GET', token, ip)).state).toBe('open');
    await expireAgreements(t.db);
    expect(expectOk<PublicAgreement>(await anonymous('GET', token, ip)).state).toBe('closed');
    expectProblem(await anonymous('POST', `${token}/sign`, ip, { name: 'Tarde Total' }), 409, 'agreement_not_open');
    expect((await statusOf(sent.id)).customerSignature).toBeNull();
  });

  test('two runs at once (two processes), a batch at a time, expire each agreement once', async () => {
    const other = await t.account(agent, { kind: 'organization', name: uniqueWord('Otra caducada ') });
    const many = await Promise.all(Array.from({ length: 7 }, (_, index) => agreement('sent', daysFrom(-1 - index), other)));
    const counts = await Promise.all([expireAgreements(t.db, { batchSize: 2 }), expireAgreements(t.db, { batchSize: 3 })]);
    expect(counts[0] + counts[1]).toBe(many.length);
    const audits = await t.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'agreement_expired').where('entity_id', 'in', many.map((one) => one.id)).execute();
    expect(audits.map((row) => row.entity_id).sort()).toEqual(many.map((one) => one.id).sort());
  });

  test('the daily job is queued once a day however many processes tick, and expires what lapsed since', async () => {
    const lapsed = await agreement('signed_by_customer', daysFrom(-3));
    expect(await scheduleAgreementWork(t.db, new Date('2031-05-05T00:03:00Z'))).toEqual(['agreements.expire']);
    expect(await scheduleAgreementWork(t.db, new Date('2031-05-05T00:08:00Z'))).toEqual([]);
    const worker = new JobWorker(t.db, t.dialect, { pollMs: 10, maxAttempts: 1 });
    await worker.drain();
    await worker.stop();
    const job = await t.db.selectFrom('jobs').select(['status', 'result']).where('kind', '=', 'agreements.expire').executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    expect(JSON.parse(job.result ?? '{}')).toEqual({ expired: 1 });
    expect((await statusOf(lapsed.id)).status).toBe('expired');
    // The admin sees the same; nothing about it is hidden from those who see the company.
    expect(expectOk<Agreement>(await admin.get(`/api/v1/agreements/${lapsed.id}`)).status).toBe('expired');
  });
});
