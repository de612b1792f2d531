import type { Db } from '@server/db/database';
import { reusableQuery } from '@server/db/reusable-query';
import { timedCache } from '@server/db/timed-cache';
import { watchWrites } from '@server/db/write-watch';
import { hashToken, newToken } from '@server/lib/ids';
import { addDays, nowIso } from '@server/lib/time';
import type { Actor } from '@server/policies';

export const sessionCookie = 'cartera_session';

export type LoadedSession = { id: string; csrfToken: string; actor: Actor };

// Sliding expiry is refreshed at most this often, so reads do not each cost a write.
const refreshAfterMs = 60 * 60 * 1000;

/** The session and its user, one row; built once, since every authenticated request runs it. */
const findLiveSession = reusableQuery((_context: null) => '', (db, _context, slots: { id: string; now: string }) => db
  .selectFrom('sessions')
  .innerJoin('users', 'users.id', 'sessions.user_id')
  .select([
    'sessions.id as session_id',
    'sessions.csrf_token',
    'sessions.last_seen_at',
    'sessions.expires_at',
    'users.id',
    'users.name',
    'users.email',
    'users.role',
    'users.scope',
    'users.team_id',
    'users.crm_manager',
    'users.language',
  ])
  .where('sessions.id', '=', slots.id)
  .where('sessions.expires_at', '>', slots.now)
  .where('users.active', '=', true));

/**
 * Sessions loaded in the last second, by cookie value: every API request needs its session, and
 * reading it (a join, and hashing the token) was a fifth of the time of a single-account page.
 * Any write through Kysely to sessions, users or teams (logout, a deactivation, a role, scope,
 * team or language change, a deleted team) drops the whole cache in this process when it is
 * written and again when it commits (see server/db/write-watch.ts); another app process against
 * the same PostgreSQL, or a raw SQL write, is seen within the second.
 */
const cached = timedCache<{ session: LoadedSession; expiresAt: string; generation: number }>(1000);
const cacheLimit = 10_000;
let generation = 0;
watchWrites(['sessions', 'users', 'teams'], () => {
  generation += 1;
});

/** The live session behind a cookie value, with its user as an actor; null when expired or inactive. */
export async function loadSession(db: Db, token: string, sessionDays: number): Promise<LoadedSession | null> {
  const now = nowIso();
  const hit = cached.get(db, token);
  if (hit && hit.generation === generation && now < hit.expiresAt) return hit.session;
  // Taken before reading: a write that lands while the read runs leaves this copy already stale.
  const readGeneration = generation;
  const loadedAt = Date.now();
  const id = hashToken(token);
  const [row] = await findLiveSession(db, null, { id, now });
  if (!row) {
    cached.delete(db, token);
    return null;
  }
  if (Date.parse(now) - Date.parse(row.last_seen_at) > refreshAfterMs) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: addDays(now, sessionDays) })
      .where('id', '=', id)
      .execute();
  }
  const session: LoadedSession = Object.freeze({
    id,
    csrfToken: row.csrf_token,
    actor: Object.freeze({
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      scope: row.scope,
      teamId: row.team_id,
      crmManager: row.crm_manager,
      language: row.language,
    }),
  });
  if (cached.size(db) >= cacheLimit) cached.clear(db);
  cached.set(db, token, { session, expiresAt: row.expires_at, generation: readGeneration }, loadedAt);
  return session;
}

/** Starts a new session (a new id at every login) and returns the cookie value. */
export async function createSession(db: Db, userId: string, sessionDays: number): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const now = nowIso();
  await db
    .insertInto('sessions')
    .values({ id: hashToken(token), user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now, expires_at: addDays(now, sessionDays) })
    .execute();
  return { token, csrfToken };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user at once (deactivation, password reset). */
export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso()).execute();
}
