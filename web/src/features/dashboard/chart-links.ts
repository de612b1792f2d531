import type { DashboardCell, DashboardChartName } from '@contract/dashboard';
import type { DayRange } from './dashboard-range';

/** Whose work the dashboard shows, as its lists name it. */
export type People = { ownerId?: string | undefined; teamId?: string | undefined };

const path = (list: string, params: Record<string, string | null | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return `/${list}?${search.toString()}`;
};

/**
 * The list a slice or bar opens, filtered to exactly what it counts (the same filters the server
 * counted with), or null for a part no list filter can name (requests without a status, a lost
 * deal without a reason). Requests and activities take the range as days, as their pages do.
 */
export function chartLink(chart: DashboardChartName, cell: DashboardCell, range: DayRange, people: People, campaignId?: string): string | null {
  const key = cell.key ?? '';
  const accounts = { ownerId: people.ownerId, teamId: people.teamId };
  const work = { from: range.firstDay, to: range.lastDay, responsibleId: people.ownerId, teamId: people.teamId };
  const deals = { ownerId: people.ownerId, teamId: people.teamId };
  switch (chart) {
    case 'accounts-by-stage':
      return path('accounts', { stage: key, ...accounts });
    case 'new-accounts':
      return cell.series ? path('accounts', { createdFrom: cell.from, createdTo: cell.to, source: cell.series, ...accounts }) : null;
    case 'people-by-tag':
      return path('accounts', { kind: 'person', tagId: key, ...accounts });
    case 'requests-by-status':
      return cell.key ? path('requests', { status: key, ...work }) : null;
    case 'requests-by-channel':
      return cell.key ? path('requests', { channel: key, ...work }) : null;
    case 'activities-by-status': {
      const status = key === 'overdue' ? { overdue: 'true' } : key === 'scheduled' ? { status: 'scheduled', overdue: 'false' } : { status: key };
      return path('activities', { ...status, ...work });
    }
    case 'activities-by-type':
      return path('activities', { type: key, ...work });
    case 'campaign-members':
      // The campaign's page is its members list; the owner filter counted them by responsible user.
      return campaignId ? path(`campaigns/${campaignId}`, { status: key, responsibleId: people.ownerId }) : null;
    case 'opportunities-by-stage':
      return path('opportunities', { stage: key, ...deals });
    case 'won-lost':
      if (cell.series === 'lost' && !cell.reason) return null;
      return path('opportunities', { status: cell.series, closedFrom: cell.from, closedTo: cell.to, lostReason: cell.reason, ...deals });
    case 'forecast':
      return path('opportunities', { status: 'open', closeFrom: cell.from, closeTo: cell.to, currency: cell.series, ...deals });
    case 'quotes-by-status':
      return path('quotes', { status: key, issuedFrom: range.firstDay, issuedTo: range.lastDay, ...deals });
    case 'quotes-accepted':
      return path('quotes', { status: 'accepted', decidedFrom: cell.from, decidedTo: cell.to, currency: cell.series, ...deals });
    case 'invoiced-per-month':
      return path('invoices', { billed: 'true', issuedFrom: cell.from, issuedTo: cell.to, currency: cell.series, ...deals });
    case 'invoices-overdue':
      return path('invoices', { status: 'overdue', organizationId: key, ...deals });
    case 'projects-by-status':
      return path('projects', { status: key, responsibleId: people.ownerId, teamId: people.teamId });
    case 'agreements-waiting':
      return path('agreements', { status: key, ...deals });
  }
}
