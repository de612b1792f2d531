import type { DashboardCell } from '@contract/dashboard';
import type { Money } from '@contract/money';
import { countOpportunityGroups } from '@server/modules/opportunities/board.service';
import { cellsOf, type ChartContext } from './chart-context';
import { closedOpportunities, forecastRows } from './dashboard.repo';
import { daysOf, lastDayOf, monthsOf } from './months';

// Opportunities are counted exactly (a hundred thousand at most per install's board), their
// amounts summed per currency and never across currencies, under the portfolio rule.

const ownersOf = ({ query }: ChartContext) => ({
  ...(query.ownerId ? { ownerId: query.ownerId } : {}), ...(query.teamId ? { teamId: query.teamId } : {}),
});

/** Opportunities per stage now (every stage of the pipeline, in its order), count and amount per currency: the board's columns. */
export async function opportunitiesByStage(context: ChartContext): Promise<DashboardCell[]> {
  return cellsOf((await countOpportunityGroups(context.db, context.actor, { ...ownersOf(context), by: 'stage' })).groups);
}

/** Won and lost per month of closing; the lost per reason. Amounts per currency. */
export async function wonLost(context: ChartContext): Promise<DashboardCell[]> {
  const { db, actor, query, timeZone } = context;
  const cells: DashboardCell[] = [];
  for (const month of monthsOf(query.from, query.to, timeZone)) {
    const rows = await closedOpportunities(db, actor, { ...ownersOf(context), closedFrom: month.from, closedTo: month.to });
    const groups = new Map<string, { status: string; reason: string | null; count: number; sums: Money[] }>();
    for (const row of rows) {
      const reason = row.status === 'lost' ? row.reason : null;
      const id = `${row.status}\u0000${reason ?? ''}`;
      const group = groups.get(id) ?? { status: row.status, reason, count: 0, sums: [] };
      group.count += row.count;
      group.sums.push({ currency: row.currency, amount: row.amount });
      groups.set(id, group);
    }
    const ordered = [...groups.values()].sort((a, b) => a.status.localeCompare(b.status) || (a.reason ?? '\uffff').localeCompare(b.reason ?? '\uffff'));
    for (const group of ordered) {
      cells.push({
        key: month.key, series: group.status, reason: group.reason, count: group.count, countIsEstimate: false,
        sums: group.sums.sort((a, b) => a.currency.localeCompare(b.currency)), from: month.from, to: month.to,
      });
    }
  }
  return cells;
}

/** Open opportunities per month of expected close and currency: amount × probability (the forecast), and how many. */
export async function forecast(context: ChartContext): Promise<DashboardCell[]> {
  const { db, actor, query, timeZone } = context;
  const { first, last } = daysOf(query.from, query.to, timeZone);
  const rows = await forecastRows(db, actor, { ...ownersOf(context), closeFrom: first, closeTo: last });
  return rows.map((row) => {
    const monthFirst = `${row.month}-01`;
    const monthLast = lastDayOf(row.month);
    return {
      key: row.month, series: row.currency, count: row.count, countIsEstimate: false, sums: [{ currency: row.currency, amount: row.weighted }],
      from: monthFirst > first ? monthFirst : first, to: monthLast < last ? monthLast : last,
    };
  });
}
