import { Readable } from 'node:stream';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { SmtpConfig } from './smtp-config';

/**
 * What became of one message. `temporary`: the server said 4xx, or the connection failed before the
 * message was handed over: safe to try again. `permanent`: 5xx. `uncertain`: the connection broke
 * after the whole message was handed over, so the server may have taken it: never resent by itself.
 */
export type SendOutcome =
  | { kind: 'sent'; response: string; messageId: string; rejected: string[] }
  | { kind: 'temporary'; response: string; code: number | null; connection: boolean }
  | { kind: 'permanent'; response: string; code: number | null; rejectedRecipients: string[] }
  | { kind: 'uncertain'; response: string };

export type Envelope = { from: string; to: string[] };

const timeouts = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

const numberOf = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The fields nodemailer puts on its errors, read without trusting their presence. */
function errorFacts(error: unknown): { code: number | null; response: string; errorCode: string | null; command: string | null } {
  if (!(error instanceof Error)) return { code: null, response: String(error), errorCode: null, command: null };
  return {
    code: numberOf(Reflect.get(error, 'responseCode')),
    response: textOf(Reflect.get(error, 'response')) ?? error.message,
    errorCode: textOf(Reflect.get(error, 'code')),
    command: textOf(Reflect.get(error, 'command')),
  };
}

/**
 * One SMTP server, one pooled connection, one message at a time. Knowing whether a broken
 * connection lost the message before or after it was handed over is what keeps sending at most
 * once: nodemailer logs the end of the message stream (the final dot written) on its
 * 'message' transaction, and that log line is the mark.
 */
export class SmtpClient {
  private readonly transport: Transporter<SMTPPool.SentMessageInfo>;
  private handedOver = false;

  constructor(smtp: SmtpConfig, options: { pool?: boolean } = {}) {
    const mark = (meta: unknown) => {
      if (typeof meta === 'object' && meta !== null && Reflect.get(meta, 'tnx') === 'message' && Reflect.has(meta, 'outByteCount')) this.handedOver = true;
    };
    const quiet = () => undefined;
    const logger = { level: quiet, trace: quiet, debug: quiet, info: mark, warn: quiet, error: quiet, fatal: quiet };
    this.transport = nodemailer.createTransport({
      pool: true,
      maxConnections: 1,
      maxMessages: options.pool === false ? 1 : 500,
      host: smtp.host,
      port: smtp.port,
      secure: smtp.tlsMode === 'tls',
      requireTLS: smtp.tlsMode === 'starttls',
      ignoreTLS: smtp.tlsMode === 'none',
      ...(smtp.username ? { auth: { user: smtp.username, pass: smtp.password ?? '' } } : {}),
      ...timeouts,
      logger,
    });
  }

  /** Hands one raw message (already composed) to the server and says what became of it. */
  async send(envelope: Envelope, raw: Buffer): Promise<SendOutcome> {
    this.handedOver = false;
    try {
      const info = await this.transport.sendMail({ envelope, raw: Readable.from([raw]) });
      return { kind: 'sent', response: info.response, messageId: info.messageId, rejected: info.rejected.map(String) };
    } catch (error) {
      const facts = errorFacts(error);
      if (facts.code !== null && facts.code >= 500) {
        const rejected = facts.command === 'RCPT TO' ? rejectedOf(error, envelope) : [];
        return { kind: 'permanent', response: facts.response, code: facts.code, rejectedRecipients: rejected };
      }
      if (facts.code !== null && facts.code >= 400) return { kind: 'temporary', response: facts.response, code: facts.code, connection: false };
      if (this.handedOver) return { kind: 'uncertain', response: facts.response };
      return { kind: 'temporary', response: [facts.errorCode, facts.response].filter(Boolean).join(' '), code: null, connection: true };
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** The recipients a 5xx at RCPT TO refused: all of them when none got through. */
function rejectedOf(error: unknown, envelope: Envelope): string[] {
  const rejected: unknown = error instanceof Error ? Reflect.get(error, 'rejected') : undefined;
  if (Array.isArray(rejected)) return rejected.filter((item): item is string => typeof item === 'string');
  return envelope.to;
}
