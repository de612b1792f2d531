import type { DashboardChart, DashboardChartName, DashboardCell, DashboardQuery } from '@contract/dashboard';
import type { Db } from '@server/db/database';
import { authorize, type Actor } from '@server/policies';
import { accountsByStage, newAccounts, peopleByTag } from './account-charts';
import { agreementsWaiting, invoicedPerMonth, invoicesOverdue, projectsByStatus } from './billing-charts';
import { campaignMembers } from './campaign-charts';
import type { ChartContext } from './chart-context';
import { forecast, opportunitiesByStage, wonLost } from './opportunity-charts';
import { quotesAccepted, quotesByStatus } from './quote-charts';
import { activitiesByStatus, activitiesByType, requestsBy } from './work-charts';

const charts: Record<Exclude<DashboardChartName, 'campaign-members'>, (context: ChartContext) => Promise<DashboardCell[]>> = {
  'accounts-by-stage': accountsByStage,
  'new-accounts': newAccounts,
  'people-by-tag': peopleByTag,
  'requests-by-status': (context) => requestsBy(context, 'status'),
  'requests-by-channel': (context) => requestsBy(context, 'channel'),
  'activities-by-status': activitiesByStatus,
  'activities-by-type': activitiesByType,
  'opportunities-by-stage': opportunitiesByStage,
  'won-lost': wonLost,
  forecast,
  'quotes-by-status': quotesByStatus,
  'quotes-accepted': quotesAccepted,
  'invoiced-per-month': invoicedPerMonth,
  'invoices-overdue': invoicesOverdue,
  'projects-by-status': projectsByStatus,
  'agreements-waiting': agreementsWaiting,
};

/** One chart of the dashboard, counted under the actor's scope; naming another owner or a team is a manager's (403 for agents). */
export async function dashboardChart(db: Db, actor: Actor, chart: DashboardChartName, query: DashboardQuery): Promise<DashboardChart> {
  authorize(actor, { domain: 'dashboard', action: 'read' });
  if ((query.ownerId !== undefined && query.ownerId !== actor.id) || query.teamId !== undefined) authorize(actor, { domain: 'dashboard', action: 'filterPeople' });
  const context = { db, actor, query, timeZone: query.timeZone ?? 'UTC' };
  // The one chart that also names what it counted: the campaign chosen, or the latest.
  if (chart === 'campaign-members') return { chart, ...(await campaignMembers(context)) };
  return { chart, cells: await charts[chart](context) };
}
