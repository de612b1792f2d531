import { mailRateUpdateSchema, mailSettingsUpdateSchema, type MailSettings, type MailSettingsUpdate, type MailTestResult } from '@contract/emails';
import type { Config } from '@server/config';
import type { Db } from '@server/db/database';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { composeMessage } from './compose';
import { findMailSettings, saveMailSettings } from './mail-settings.repo';
import { mailTexts } from './mail-texts';
import { seal } from '@server/lib/secrets';
import { SmtpClient } from './smtp-client';
import { mailSetup, type MailSetup, type SmtpConfig } from './smtp-config';

export const defaultRatePerMinute = 60;

/** The settings page: what is in force and where it comes from; never the password. */
export async function getMailSettings(db: Db, config: Config, actor: Actor): Promise<MailSettings> {
  authorize(actor, { domain: 'mail', action: 'configure' });
  const row = await findMailSettings(db);
  const setup = mailSetup(config, row);
  const fromEnv = setup.source === 'environment' ? setup.smtp : null;
  return {
    source: setup.source === 'none' && row?.host ? 'database' : setup.source,
    host: fromEnv?.host ?? row?.host ?? null,
    port: fromEnv?.port ?? row?.port ?? null,
    tlsMode: fromEnv?.tlsMode ?? row?.tls_mode ?? 'starttls',
    username: fromEnv ? fromEnv.username : row?.username ?? null,
    passwordSet: fromEnv ? Boolean(fromEnv.password) : Boolean(row?.password_enc),
    fromAddress: fromEnv?.from.address ?? row?.from_address ?? null,
    fromName: fromEnv ? fromEnv.from.name : row?.from_name ?? null,
    replyTo: fromEnv ? fromEnv.replyTo : row?.reply_to ?? null,
    ratePerMinute: row?.rate_per_minute ?? defaultRatePerMinute,
    secretKeySet: config.mail.secretKey !== null,
    version: row?.version ?? 0,
  };
}

/**
 * Saves the SMTP settings. A password is stored only sealed with CARTERA_SECRET_KEY; without the
 * key it is refused (saying where to set it) and nothing is saved. While the environment provides
 * SMTP, only the rate can change here.
 */
export async function updateMailSettings(db: Db, config: Config, actor: Actor, input: MailSettingsUpdate | { version: number; ratePerMinute: number }, rateOnly = false): Promise<MailSettings> {
  authorize(actor, { domain: 'mail', action: 'configure' });
  const current = await findMailSettings(db);
  const now = nowIso();
  const base = {
    host: current?.host ?? null, port: current?.port ?? null, tls_mode: current?.tls_mode ?? 'starttls', username: current?.username ?? null,
    password_enc: current?.password_enc ?? null, from_address: current?.from_address ?? null, from_name: current?.from_name ?? null,
    reply_to: current?.reply_to ?? null, updated_at: now, updated_by: actor.id,
  } as const;
  let next: Parameters<typeof saveMailSettings>[2];
  let version: number;
  if (config.mail.smtpUrl && !rateOnly) throw new AppError('mail_from_environment');
  if (rateOnly) {
    const data = mailRateUpdateSchema.parse(input);
    version = data.version;
    next = { ...base, rate_per_minute: data.ratePerMinute };
  } else {
    const data = mailSettingsUpdateSchema.parse(input);
    version = data.version;
    let passwordEnc = base.password_enc;
    if (data.password === null || data.password === '') passwordEnc = null;
    else if (data.password !== undefined) {
      if (!config.mail.secretKey) throw fieldError('password', 'secret_key_missing');
      passwordEnc = seal(data.password, config.mail.secretKey);
    }
    next = {
      host: data.host, port: data.port, tls_mode: data.tlsMode, username: data.username ?? null, password_enc: passwordEnc,
      from_address: data.fromAddress, from_name: data.fromName ?? null, reply_to: data.replyTo ?? null,
      rate_per_minute: data.ratePerMinute, updated_at: now, updated_by: actor.id,
    };
  }
  await db.transaction().execute(async (trx) => {
    if ((current?.version ?? 0) !== version || !(await saveMailSettings(trx, version, next))) throw new AppError('stale_version');
    const changed: Array<{ field: string; before: unknown; after: unknown }> = (['host', 'port', 'tls_mode', 'username', 'from_address', 'from_name', 'reply_to', 'rate_per_minute'] as const)
      .filter((key) => (current?.[key] ?? null) !== next[key])
      .map((key) => ({ field: key, before: current?.[key] ?? null, after: next[key] }));
    if (next.password_enc !== base.password_enc) changed.push({ field: 'password', before: base.password_enc ? 'set' : null, after: next.password_enc ? 'set' : null });
    await writeAudit(trx, { actorId: actor.id, entity: 'mail_settings', entityId: newId(), accountId: null, action: 'mail_settings_updated', changes: changed });
  });
  return getMailSettings(db, config, actor);
}

/** The SMTP setup in force, or a refusal that says where to set it up. */
export async function requireSmtp(db: Db, config: Config): Promise<SmtpConfig> {
  const setup: MailSetup = mailSetup(config, await findMailSettings(db));
  if (!setup.smtp) throw new AppError('mail_not_configured');
  return setup.smtp;
}

/**
 * "Send me a test": a message to the admin's own address, straight to the server (not through
 * the outbox), answering with what the server said, success or not.
 */
export async function sendTestMessage(db: Db, config: Config, actor: Actor): Promise<MailTestResult> {
  authorize(actor, { domain: 'mail', action: 'configure' });
  const smtp = await requireSmtp(db, config);
  const texts = mailTexts[actor.language];
  const raw = await composeMessage({
    id: newId(), from: smtp.from, replyTo: smtp.replyTo, to: [{ address: actor.email, name: actor.name }], cc: [],
    subject: texts.testSubject, html: `<p>${texts.testBody}</p>`, attachments: [], headers: {},
  });
  const client = new SmtpClient(smtp, { pool: false });
  try {
    const outcome = await client.send({ from: smtp.from.address, to: [actor.email] }, raw);
    if (outcome.kind === 'sent') return { ok: true, to: actor.email, response: outcome.response, code: Number(outcome.response.slice(0, 3)) || null };
    return { ok: false, to: actor.email, response: outcome.response, code: 'code' in outcome ? outcome.code : null };
  } finally {
    client.close();
  }
}
