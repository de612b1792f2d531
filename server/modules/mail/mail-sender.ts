import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Config } from '@server/config';
import type { Db } from '@server/db/database';
import type { EmailBulkRow, EmailMessageRow } from '@server/db/mail-tables';
import type { Storage } from '@server/lib/storage';
import { nowIso } from '@server/lib/time';
import { findMailSettings } from './mail-settings.repo';
import { buildOutgoing } from './outgoing';
import { claimNextMessage, markStaleAsUncertain, settleMessage } from './outbox.repo';
import { SmtpClient, type SendOutcome } from './smtp-client';
import { mailSetup, type SmtpConfig } from './smtp-config';
import { suppress, suppressionsOf } from './suppressions.repo';
import { defaultRatePerMinute } from './mail-settings.service';

export type MailSenderOptions = {
  /** How often an idle sender looks for due messages. */
  pollMs?: number;
  /** First retry delay; each later attempt waits twice as long (capped at an hour). */
  backoffMs?: number;
  /** Attempts before a message that keeps failing temporarily is failed for good. */
  maxAttempts?: number;
  /** A message still 'sending' this long after its claim was lost with its process: it becomes 'uncertain'. */
  staleMs?: number;
  /** After a connection failure the sender waits this long before talking to the server again. */
  connectionPauseMs?: number;
  log?: { error: (obj: object, msg: string) => void; warn?: (obj: object, msg: string) => void };
};

type Deps = { db: Db; storage: Storage; config: Config };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Works through the outbox, one message at a time, in every app process beside the jobs worker.
 * A message is claimed (status 'sending', who, when) before the server hears of it, and settled
 * with the server's answer; a process that dies between the two leaves it 'sending', which the
 * sweep turns 'uncertain' for an admin to retry or drop: no message is ever sent twice by itself.
 * The rate an admin sets holds across processes (see claimNextMessage) and within one the sends
 * are spaced evenly over the minute.
 */
export class MailSender {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private stopRequested = false;
  private client: { key: string; client: SmtpClient } | null = null;
  private pausedUntil = 0;
  private readonly options: Required<Omit<MailSenderOptions, 'log'>> & Pick<MailSenderOptions, 'log'>;

  constructor(private readonly deps: Deps, options: MailSenderOptions = {}) {
    this.options = {
      pollMs: options.pollMs ?? 2000,
      backoffMs: options.backoffMs ?? 60_000,
      maxAttempts: options.maxAttempts ?? 8,
      staleMs: options.staleMs ?? 15 * 60_000,
      connectionPauseMs: options.connectionPauseMs ?? 30_000,
      log: options.log,
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopRequested = false;
    this.schedule(0);
  }

  /** Stops claiming; the message in hand is finished (its answer recorded) before this resolves. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopRequested = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.client?.client.close();
    this.client = null;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => { this.running = null; });
    }, delay);
  }

  private async tick(): Promise<void> {
    try {
      await this.drain(Number.POSITIVE_INFINITY, true);
    } catch (error) {
      this.options.log?.error({ err: error }, 'mail sender error');
    }
    this.schedule(this.options.pollMs);
  }

  /**
   * Sends due messages until none is due, the rate is used up or the sender is stopped; answers how
   * many it settled. Tests call it to send deterministically (unpaced).
   */
  async drain(limit = Number.POSITIVE_INFINITY, paced = false): Promise<number> {
    await markStaleAsUncertain(this.deps.db, new Date(Date.now() - this.options.staleMs).toISOString());
    if (Date.now() < this.pausedUntil) return 0;
    const row = await findMailSettings(this.deps.db);
    const setup = mailSetup(this.deps.config, row);
    if (!setup.smtp) return 0;
    const rate = row?.rate_per_minute ?? defaultRatePerMinute;
    const spacing = 60_000 / rate;
    const bulks = new Map<string, EmailBulkRow | undefined>();
    const bulkOf = async (id: string) => {
      if (!bulks.has(id)) bulks.set(id, await this.deps.db.selectFrom('email_bulks').selectAll().where('id', '=', id).executeTakeFirst());
      return bulks.get(id);
    };
    let settled = 0;
    while (!this.stopRequested && settled < limit) {
      const started = Date.now();
      const message = await claimNextMessage(this.deps.db, this.owner, rate);
      if (!message) break;
      const connectionLost = await this.deliver(setup.smtp, message, bulkOf);
      settled += 1;
      if (connectionLost) {
        this.pausedUntil = Date.now() + this.options.connectionPauseMs;
        break;
      }
      const wait = spacing - (Date.now() - started);
      if (wait > 0 && paced) await this.pause(wait);
    }
    return settled;
  }

  /** Waits between sends, but lets stop() through within a fraction of a second. */
  private async pause(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (!this.stopRequested && Date.now() < until) await sleep(Math.min(200, until - Date.now()));
  }

  private clientFor(smtp: SmtpConfig): SmtpClient {
    const key = JSON.stringify(smtp);
    if (this.client?.key !== key) {
      this.client?.client.close();
      this.client = { key, client: new SmtpClient(smtp) };
    }
    return this.client.client;
  }

  /** One claimed message: suppressed, sent, retried later, failed or uncertain. True when the connection failed. */
  private async deliver(smtp: SmtpConfig, message: EmailMessageRow, bulkOf: (id: string) => Promise<EmailBulkRow | undefined>): Promise<boolean> {
    const { db } = this.deps;
    // Whatever enqueued it, an address that unsubscribed or bounced since is not bulk-mailed.
    if (message.kind === 'bulk' && message.address_norm && (await suppressionsOf(db, [message.address_norm])).size > 0) {
      await settleMessage(db, message.id, this.owner, { status: 'suppressed', last_response: 'unsubscribed or bounced before sending' });
      return false;
    }
    const outgoing = await buildOutgoing(this.deps, smtp, message, bulkOf);
    if ('problem' in outgoing) {
      await settleMessage(db, message.id, this.owner, { status: 'failed', last_response: outgoing.problem });
      return false;
    }
    const outcome = await this.clientFor(smtp).send(outgoing.envelope, outgoing.raw);
    await this.record(message, outcome);
    return outcome.kind === 'temporary' && outcome.connection;
  }

  private async record(message: EmailMessageRow, outcome: SendOutcome): Promise<void> {
    const { db } = this.deps;
    switch (outcome.kind) {
      case 'sent':
        await settleMessage(db, message.id, this.owner, { status: 'sent', sent_at: nowIso(), smtp_message_id: outcome.messageId, last_response: outcome.response });
        return;
      case 'temporary': {
        if (message.attempts >= this.options.maxAttempts) {
          await settleMessage(db, message.id, this.owner, { status: 'failed', last_response: outcome.response });
          return;
        }
        const delay = Math.min(this.options.backoffMs * 2 ** (message.attempts - 1), 3_600_000);
        await db.updateTable('email_messages')
          .set({ status: 'queued', claimed_by: null, last_response: outcome.response, next_attempt_at: new Date(Date.now() + delay).toISOString(), updated_at: nowIso() })
          .where('id', '=', message.id).where('status', '=', 'sending').where('claimed_by', '=', this.owner)
          .execute();
        return;
      }
      case 'permanent':
        await settleMessage(db, message.id, this.owner, { status: 'failed', last_response: outcome.response });
        // A mailbox the server says does not exist is a hard bounce: bulk mail skips it from now on.
        for (const address of outcome.rejectedRecipients) await suppress(db, address.toLowerCase(), 'bounced', message.id, null);
        return;
      case 'uncertain':
        await settleMessage(db, message.id, this.owner, { status: 'uncertain', last_response: outcome.response });
        this.options.log?.warn?.({ messageId: message.id }, 'connection lost after the message was handed over: marked uncertain');
        return;
    }
  }
}
