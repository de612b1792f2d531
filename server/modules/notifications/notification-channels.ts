import type { Db } from '@server/db/database';
import type { NotificationRow } from './notifications.repo';

/**
 * Where a notification goes besides the bell. E-mail is one (mail-channel.ts); a push or chat
 * channel would be another. Each runs after the transaction that created the notifications has
 * committed, and a channel that fails never undoes them.
 */
export interface NotificationChannel {
  name: string;
  deliver: (db: Db, notifications: NotificationRow[]) => Promise<void>;
}
