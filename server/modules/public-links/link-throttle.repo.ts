import { sql } from 'kysely';
import type { Db } from '@server/db/database';
import { addDays, nowIso } from '@server/lib/time';

/**
 * Requests one caller address may make to public links (quotes, agreements…, one budget for all) per
 * window: a customer reads, downloads and answers in a handful; guessing tokens or scraping stops
 * here. Counted in the database, so every app process enforces the same limit.
 */
export const linkLimit = { hits: 60, windowSeconds: 600 };

/**
 * Counts one request of `key` in one statement (the row is created, moved on, or restarted when its
 * window is over) and answers the seconds to wait when it is over the limit, else null.
 */
export async function takeLinkHit(db: Db, key: string, limit = linkLimit): Promise<number | null> {
  const now = nowIso();
  const cutoff = new Date(Date.parse(now) - limit.windowSeconds * 1000).toISOString();
  const over = sql<boolean>`public_link_hits.window_start <= ${cutoff}`;
  const row = await db.insertInto('public_link_hits').values({ key, window_start: now, hits: 1 })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({
      hits: sql`case when ${over} then 1 else public_link_hits.hits + 1 end`,
      window_start: sql`case when ${over} then excluded.window_start else public_link_hits.window_start end`,
    }))
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  // A fresh window pays for sweeping the windows long over (the index on window_start finds them).
  if (row.hits === 1) await db.deleteFrom('public_link_hits').where('window_start', '<', addDays(now, -1)).execute();
  if (row.hits <= limit.hits) return null;
  const endsAt = new Date(row.window_start).getTime() + limit.windowSeconds * 1000;
  return Math.max(1, Math.ceil((endsAt - Date.parse(now)) / 1000));
}
