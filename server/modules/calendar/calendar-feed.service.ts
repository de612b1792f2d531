import ical, { ICalEventStatus } from 'ical-generator';
import type { Db } from '@server/db/database';
import { hashToken, newToken } from '@server/lib/ids';
import { addDays, nowIso } from '@server/lib/time';
import type { Actor } from '@server/policies';
import { feedActivities } from '@server/modules/activities/activities.repo';
import { deleteFeed, findFeed, findFeedOwner, replaceFeed } from './calendar-feed.repo';

/** Whether the user has a live feed (the URL itself is only shown when it is made). */
export async function feedStatus(db: Db, actor: Actor): Promise<{ active: boolean; createdAt: string | null }> {
  const row = await findFeed(db, actor.id);
  return { active: row !== undefined, createdAt: row?.created_at ?? null };
}

/** Makes a new private feed token for the user; any previous URL stops working. */
export async function rotateFeed(db: Db, actor: Actor): Promise<{ token: string; createdAt: string }> {
  const token = newToken();
  const createdAt = nowIso();
  await db.transaction().execute((trx) => replaceFeed(trx, actor.id, hashToken(token), createdAt));
  return { token, createdAt };
}

export async function revokeFeed(db: Db, actor: Actor): Promise<void> {
  await deleteFeed(db, actor.id);
}

/**
 * The iCalendar text of a feed: the owner's activities from 90 days back to a year ahead, as
 * they would see them in Cartera (same portfolio and privacy rules). Null when the token is not live.
 */
export async function feedCalendar(db: Db, token: string, baseUrl: string): Promise<string | null> {
  const actor = await findFeedOwner(db, hashToken(token));
  if (!actor) return null;
  const now = nowIso();
  const activities = await feedActivities(db, actor, addDays(now, -90), addDays(now, 366));
  const calendar = ical({ name: 'Cartera', prodId: { company: 'Cartera', product: 'CRM', language: actor.language.toUpperCase() } });
  for (const activity of activities) {
    const start = new Date(activity.start_at);
    const end = activity.end_at ? new Date(activity.end_at) : new Date(start.getTime() + 30 * 60_000);
    calendar.createEvent({
      id: `${activity.id}@cartera`,
      start,
      end,
      summary: `${activity.subject} · ${activity.account_name}`,
      description: activity.notes ?? undefined,
      url: `${baseUrl}/accounts/${activity.account_id}`,
      status: activity.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      lastModified: new Date(activity.updated_at),
    });
  }
  return calendar.toString();
}
