import { sql, type SqlBool } from 'kysely';
import type { DashboardCell } from '@contract/dashboard';
import { groupActivities } from '@server/modules/activities/activities.repo';
import { countActivityGroups } from '@server/modules/activities/activity-groups.service';
import { countRequestGroups } from '@server/modules/requests/request-groups.service';
import { cellsOf, type ChartContext } from './chart-context';

// Requests and activities of the range, counted by their lists' grouped counts (the same query as
// the list, capped at 10,000 per group and flagged past it), so a slice's link lists what it counts.
// Activities go through the activities' scope: another user's private activity is never counted.

/** The lists' filters the dashboard sets: the range, and whose work (the responsible user, or their team). */
const workOf = ({ query }: ChartContext) => ({
  from: query.from, to: query.to,
  ...(query.ownerId ? { responsibleId: query.ownerId } : {}), ...(query.teamId ? { teamId: query.teamId } : {}),
});

/** Requests per status or channel (every item of the list, then those without one). */
export async function requestsBy(context: ChartContext, by: 'status' | 'channel'): Promise<DashboardCell[]> {
  return cellsOf((await countRequestGroups(context.db, context.actor, { ...workOf(context), by })).groups);
}

/** Activities per type (every item of the list, in its order). */
export async function activitiesByType(context: ChartContext): Promise<DashboardCell[]> {
  return cellsOf((await countActivityGroups(context.db, context.actor, { ...workOf(context), by: 'type' })).groups);
}

/** Activities per status, the scheduled ones split into those on time and the overdue (highlighted): the list's `overdue` filter. */
export async function activitiesByStatus(context: ChartContext): Promise<DashboardCell[]> {
  const now = new Date().toISOString();
  const scheduled = sql<SqlBool>`activities.status = 'scheduled'`;
  const buckets = [
    { value: 'scheduled', where: sql<SqlBool>`(${scheduled} and activities.due_at >= ${now})` },
    { value: 'overdue', where: sql<SqlBool>`(${scheduled} and activities.due_at < ${now})` },
    { value: 'done', where: sql<SqlBool>`activities.status = 'done'` },
    { value: 'cancelled', where: sql<SqlBool>`activities.status = 'cancelled'` },
  ];
  const cells = cellsOf(await groupActivities(context.db, context.actor, workOf(context), buckets));
  return cells.map((cell) => (cell.key === 'overdue' ? { ...cell, highlight: true } : cell));
}
