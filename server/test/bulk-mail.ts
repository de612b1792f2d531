import { expect } from 'vitest';
import type { EmailBulk } from '@contract/emails';
import type { Job } from '@contract/imports';
import type { JobWorker } from '@server/jobs/worker';
import type { MailSender } from '@server/modules/mail/mail-sender';
import type { SmtpSink } from './smtp-sink';
import type { Client } from './test-app';

/** Starts a bulk send as `client`, runs its job, sends the outbox: the bulk as its author sees it, and what reached the sink. */
export async function sendBulk(run: { worker: JobWorker; sender: MailSender; sink: SmtpSink }, client: Client, body: object) {
  const already = run.sink.received.length;
  const started = await client.post('/api/v1/emails/bulk', body);
  expect(started.statusCode, started.body).toBe(202);
  const { jobId, bulkId } = started.json<{ jobId: string; bulkId: string }>();
  await run.worker.drain();
  expect((await client.get(`/api/v1/jobs/${jobId}`)).json<Job>().status).toBe('done');
  await run.sender.drain();
  return { bulk: (await client.get(`/api/v1/emails/bulk/${bulkId}`)).json<EmailBulk>(), received: run.sink.received.slice(already) };
}
