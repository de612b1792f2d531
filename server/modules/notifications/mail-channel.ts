import type { Language } from '@contract/common';
import type { Config } from '@server/config';
import type { Db } from '@server/db/database';
import { newId, newToken } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { findMailSettings } from '@server/modules/mail/mail-settings.repo';
import { insertMessages } from '@server/modules/mail/outbox.repo';
import { mailSetup } from '@server/modules/mail/smtp-config';
import type { NotificationChannel } from './notification-channels';
import { accountNames, activeUsers } from './notifications.repo';

/** How a kind of notification reads as an e-mail, in the recipient's language. */
export type MailWording = (input: { params: Record<string, unknown>; accountName: string | null; language: Language; link: string | null }) => { subject: string; html: string };

/**
 * Notifications by e-mail, through the mail module's outbox (sent at most once, at the admin's
 * rate). Without SMTP set up the bell alone tells; a kind without wording is not e-mailed.
 */
export function mailChannel(config: Config, wordings: Record<string, MailWording>): NotificationChannel {
  return {
    name: 'email',
    deliver: async (db: Db, notifications) => {
      if (!mailSetup(config, await findMailSettings(db)).smtp) return;
      const users = new Map((await activeUsers(db, [...new Set(notifications.map((row) => row.user_id))])).map((user) => [user.id, user]));
      const names = await accountNames(db, [...new Set(notifications.flatMap((row) => (row.account_id ? [row.account_id] : [])))]);
      const now = nowIso();
      const base = config.mail.publicUrl;
      const messages = notifications.flatMap((row) => {
        const wording = wordings[row.kind];
        const user = users.get(row.user_id);
        if (!wording || !user) return [];
        const params: unknown = JSON.parse(row.params);
        const { subject, html } = wording({
          params: typeof params === 'object' && params !== null ? Object.fromEntries(Object.entries(params)) : {},
          accountName: row.account_id ? (names.get(row.account_id) ?? null) : null,
          language: user.language,
          link: base && row.account_id ? `${base}/accounts/${row.account_id}` : null,
        });
        return [{
          id: newId(), kind: 'single' as const, account_id: row.account_id, activity_id: null, contact_id: null, bulk_id: null, author_id: null,
          language: user.language, to_list: JSON.stringify([{ address: user.email, name: user.name }]), cc_list: '[]', bcc_list: '[]', address_norm: null,
          subject, html, merge_values: null, attachments: '[]', token: newToken(), track_opens: false, status: 'queued' as const, attempts: 0,
          next_attempt_at: now, claimed_by: null, claimed_at: null, sent_at: null, smtp_message_id: null, last_response: null, opened_at: null,
          created_at: now, updated_at: now,
        }];
      });
      if (messages.length > 0) await insertMessages(db, messages);
    },
  };
}
