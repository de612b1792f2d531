import { sql, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { Db } from '@server/db/database';
import type { NotificationsTable } from '@server/db/registry-tables';
import { accountScope, type Actor } from '@server/policies';

export type NotificationRow = Selectable<NotificationsTable>;

export async function insertNotifications(db: Db, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
}

/** A notification about an account shows only while the reader may see that account. */
const visible = (actor: Actor) =>
  sql<SqlBool>`(notifications.account_id is null or exists (select 1 from accounts where accounts.id = notifications.account_id and ${accountScope(actor)}))`;

/** The user's notifications, unread first, newest first. */
export function notificationsOf(db: Db, actor: Actor, limit: number) {
  return db
    .selectFrom('notifications')
    .leftJoin('accounts as account', 'account.id', 'notifications.account_id')
    .select(['notifications.id', 'notifications.kind', 'notifications.params', 'notifications.created_at', 'notifications.read_at', 'notifications.account_id', 'account.kind as account_kind', 'account.name as account_name'])
    .where('notifications.user_id', '=', actor.id)
    .where(visible(actor))
    .orderBy(sql`case when notifications.read_at is null then 0 else 1 end`)
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(db: Db, actor: Actor): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notifications.user_id', '=', actor.id)
    .where('notifications.read_at', 'is', null)
    .where(visible(actor))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the user's own notification read; false when it is not theirs (or not there). */
export async function markRead(db: Db, userId: string, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('notifications').set({ read_at: at })
    .where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return true;
  const row = await db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

export async function markAllRead(db: Db, userId: string, at: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
}

/** Active users among these (notifications go to people who can still sign in). */
export async function activeUsers(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'email', 'name', 'language']).where('id', 'in', ids).where('active', '=', true).execute();
}

/** Account names for wording notifications sent outside the app (the recipients are the accounts' owners). */
export async function accountNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
