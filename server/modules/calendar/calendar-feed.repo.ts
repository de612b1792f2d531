import type { Db } from '@server/db/database';
import type { Actor } from '@server/policies';

/** When the user's live feed was made, if they have one. */
export const findFeed = (db: Db, userId: string): Promise<{ created_at: string } | undefined> =>
  db.selectFrom('calendar_feeds').select('created_at').where('user_id', '=', userId).executeTakeFirst();

/** The user's one feed, replacing any previous one (its URL stops working). */
export async function replaceFeed(db: Db, userId: string, tokenHash: string, createdAt: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  await db.insertInto('calendar_feeds').values({ user_id: userId, token_hash: tokenHash, created_at: createdAt }).execute();
}

export async function deleteFeed(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
}

/** The active user whose feed has this token hash, as an actor; undefined for an unknown or revoked token. */
export async function findFeedOwner(db: Db, tokenHash: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.role', 'users.scope', 'users.team_id', 'users.crm_manager', 'users.language'])
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .where('users.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, name: row.name, email: row.email, role: row.role, scope: row.scope, teamId: row.team_id, crmManager: row.crm_manager, language: row.language };
}
