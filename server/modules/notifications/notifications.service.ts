import type { Notification, NotificationList } from '@contract/notifications';
import { z } from 'zod';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { parseJsonColumn } from '@server/lib/json';
import { nowIso } from '@server/lib/time';
import type { Actor } from '@server/policies';
import type { NotificationChannel } from './notification-channels';
import { activeUsers, countUnread, insertNotifications, markAllRead, markRead, notificationsOf, type NotificationRow } from './notifications.repo';

/** What a module asks to tell users: a kind the web knows how to word, the account, and what the wording needs. */
export type NewNotification = { userIds: string[]; kind: string; accountId: string | null; params: Record<string, unknown> };

/** Writes notifications for the active users among userIds; call it in the transaction of the change it reports. */
export async function notify(trx: Db, input: NewNotification): Promise<NotificationRow[]> {
  const users = await activeUsers(trx, [...new Set(input.userIds)]);
  const now = nowIso();
  const rows: NotificationRow[] = users.map((user) => ({
    id: newId(), user_id: user.id, kind: input.kind, account_id: input.accountId, params: JSON.stringify(input.params), created_at: now, read_at: null,
  }));
  await insertNotifications(trx, rows);
  return rows;
}

/** Hands committed notifications to every channel (e-mail…); a channel's failure is logged, not thrown. */
export async function deliver(db: Db, channels: NotificationChannel[], rows: NotificationRow[], log?: (error: unknown, channel: string) => void): Promise<void> {
  if (rows.length === 0) return;
  for (const channel of channels) {
    try {
      await channel.deliver(db, rows);
    } catch (error) {
      log?.(error, channel.name);
    }
  }
}

const paramsSchema = z.record(z.string(), z.unknown());

/** The bell's notifications: the user's own, about accounts they may still see. */
export async function listNotifications(db: Db, actor: Actor, limit: number): Promise<NotificationList> {
  const [rows, unread] = await Promise.all([notificationsOf(db, actor, limit), countUnread(db, actor)]);
  return {
    unread,
    items: rows.map((row): Notification => ({
      id: row.id,
      kind: row.kind,
      account: row.account_id && row.account_name && row.account_kind ? { id: row.account_id, kind: row.account_kind, name: row.account_name } : null,
      params: parseJsonColumn(row.params, paramsSchema, {}),
      createdAt: row.created_at,
      readAt: row.read_at,
    })),
  };
}

export async function readNotification(db: Db, actor: Actor, id: string): Promise<void> {
  if (!(await markRead(db, actor.id, id, nowIso()))) throw new AppError('not_found');
}

export async function readAllNotifications(db: Db, actor: Actor): Promise<void> {
  await markAllRead(db, actor.id, nowIso());
}
