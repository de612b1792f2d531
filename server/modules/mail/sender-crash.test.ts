import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Account } from '@contract/accounts';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { startSmtpSink, type DataAnswer, type SmtpSink } from '@server/test/smtp-sink';
import { MailSender } from './mail-sender';

let t: TestApp;
let sink: SmtpSink;
let agent: Client;
let account: Account;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await testApp();
  const admin = await t.user({ role: 'admin', scope: 'all' });
  agent = await t.user({ role: 'agent' });
  account = await t.account(agent, { kind: 'organization', name: 'Lote SA', emails: ['lote@example.com'] });
  const saved = await admin.put('/api/v1/settings/mail', { version: 0, host: '127.0.0.1', port: sink.port, tlsMode: 'none', fromAddress: 'ventas@example.com', ratePerMinute: 10_000 });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

async function queue(prefix: string, count: number): Promise<string[]> {
  const subjects: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const subject = `${prefix} ${i}`;
    const response = await agent.post('/api/v1/emails', { accountId: account.id, to: ['lote@example.com'], subject, html: `<p>${subject}</p>` });
    expect(response.statusCode, response.body).toBe(202);
    subjects.push(subject);
  }
  return subjects;
}

const subjectOf = (text: string) => /^Subject: (.*)\r$/m.exec(text)?.[1] ?? '';
const statuses = async (prefix: string) => {
  const rows = await t.db.selectFrom('email_messages').select(['subject', 'status']).where('subject', 'like', `${prefix} %`).execute();
  return rows.reduce<Record<string, number>>((all, row) => ({ ...all, [row.status]: (all[row.status] ?? 0) + 1 }), {});
};

describe('a bulk of messages survives its sender', () => {
  test('killed mid-batch (SIGKILL): nothing is sent twice, the one in flight waits for an admin, the rest go', async () => {
    const subjects = await queue('Matar', 10);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let inFlight: (() => void) | null = null;
    const reachedFourth = new Promise<void>((resolve) => { inFlight = resolve; });
    // The fourth message is read in full and then held: the process dies waiting for the answer.
    sink.onData(async (index): Promise<DataAnswer> => {
      if (index === 4) {
        inFlight?.();
        await held;
      }
      return 'accept';
    });
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/test/mail-sender-process.ts', JSON.stringify({ database: t.database, dataDir: t.dataDir })], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await Promise.race([reachedFourth, exited.then(() => { throw new Error(`the sender process exited early: ${output}`); })]);
    child.kill('SIGKILL');
    await exited;
    // The server took the fourth after all (its answer went to a dead socket).
    release();
    await sink.waitFor(4);
    expect(await statuses('Matar')).toEqual({ sent: 3, sending: 1, queued: 6 });

    // Another process takes over: the claim left by the dead one turns 'uncertain', never resent.
    const survivor = new MailSender({ db: t.db, storage: t.app.storage, config: t.app.config }, { staleMs: 0 });
    await survivor.drain();
    await survivor.stop();
    expect(await statuses('Matar')).toEqual({ sent: 9, uncertain: 1 });
    const arrived = sink.received.map((message) => subjectOf(message.text));
    expect(arrived.sort()).toEqual([...subjects].sort());
  });

  test('stopped gracefully mid-batch: the message in hand is finished, nothing is left claimed, a restart sends the rest once', async () => {
    sink.received.length = 0;
    sink.onData(async (): Promise<DataAnswer> => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return 'accept';
    });
    const subjects = await queue('Parar', 8);
    const sender = new MailSender({ db: t.db, storage: t.app.storage, config: t.app.config }, { pollMs: 10 });
    sender.start();
    await sink.waitFor(2);
    await sender.stop();
    const afterStop = await statuses('Parar');
    expect(afterStop.sending).toBeUndefined();
    expect(afterStop.sent).toBe(sink.received.length);
    const restarted = new MailSender({ db: t.db, storage: t.app.storage, config: t.app.config }, { pollMs: 10 });
    await restarted.drain();
    await restarted.stop();
    expect(await statuses('Parar')).toEqual({ sent: 8 });
    expect(sink.received.map((message) => subjectOf(message.text)).sort()).toEqual([...subjects].sort());
  });
});
