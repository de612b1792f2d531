import type { TlsMode } from '@contract/emails';
import type { Config } from '@server/config';
import type { MailSettingsRow } from '@server/db/mail-tables';
import { open } from '@server/lib/secrets';

export type MailAddress = { address: string; name: string | null };

/** Everything needed to talk to the SMTP server and sign the messages. */
export type SmtpConfig = {
  host: string;
  port: number;
  tlsMode: TlsMode;
  username: string | null;
  password: string | null;
  from: MailAddress;
  replyTo: string | null;
};

/**
 * The SMTP setup in force. `problem` says why there is none although something is set: the stored
 * password cannot be opened (CARTERA_SECRET_KEY missing or changed).
 */
export type MailSetup = {
  source: 'environment' | 'database' | 'none';
  smtp: SmtpConfig | null;
  problem: 'password_unreadable' | null;
};

/** "Name <address>" or a bare address. */
export function parseMailbox(value: string): MailAddress {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  if (match) return { address: (match[2] ?? '').trim().toLowerCase(), name: match[1]?.trim() || null };
  return { address: value.trim().toLowerCase(), name: null };
}

const tlsOf = (value: string | null, secure: boolean): TlsMode => {
  if (value === 'none' || value === 'starttls' || value === 'tls') return value;
  return secure ? 'tls' : 'starttls';
};

/** CARTERA_SMTP_URL: smtp://user:password@host:port (STARTTLS) or smtps:// (TLS); `?tls=none` for a local relay. */
export function smtpFromUrl(url: string, from: string): SmtpConfig {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    tlsMode: tlsOf(parsed.searchParams.get('tls'), secure),
    username: parsed.username ? decodeURIComponent(parsed.username) : null,
    password: parsed.password ? decodeURIComponent(parsed.password) : null,
    from: parseMailbox(from),
    replyTo: null,
  };
}

/** The environment wins over the settings page; a page's password opens only with the key that sealed it. */
export function mailSetup(config: Config, row: MailSettingsRow | undefined): MailSetup {
  if (config.mail.smtpUrl && config.mail.from) return { source: 'environment', smtp: smtpFromUrl(config.mail.smtpUrl, config.mail.from), problem: null };
  if (!row?.host || !row.port || !row.from_address) return { source: 'none', smtp: null, problem: null };
  let password: string | null = null;
  if (row.password_enc) {
    password = config.mail.secretKey ? open(row.password_enc, config.mail.secretKey) : null;
    if (password === null) return { source: 'database', smtp: null, problem: 'password_unreadable' };
  }
  return {
    source: 'database',
    smtp: {
      host: row.host,
      port: row.port,
      tlsMode: row.tls_mode,
      username: row.username,
      password,
      from: { address: row.from_address, name: row.from_name },
      replyTo: row.reply_to,
    },
    problem: null,
  };
}
