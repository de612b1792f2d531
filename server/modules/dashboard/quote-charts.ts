import type { DashboardCell } from '@contract/dashboard';
import { quoteStatuses } from '@contract/quotes';
import { decidedIn, groupQuotes, quoteCurrencies, statusIs } from '@server/modules/quotes/quotes.repo';
import { cellsOf, type ChartContext } from './chart-context';
import { daysOf, monthsOf } from './months';
import { today } from '@server/lib/time';

// Quotes are counted like their list (the same scope and filters, capped at 10,000 per group and
// flagged past it), their totals summed per currency and never across currencies. Whose work: the
// quote's owner, or a team's members.

/** Bars per month at most: a company quotes in a handful of currencies. */
const maxCurrencies = 12;

const ownersOf = ({ query }: ChartContext) => ({
  ...(query.ownerId ? { ownerId: query.ownerId } : {}), ...(query.teamId ? { teamId: query.teamId } : {}),
});

/** Quotes issued in the range per status as the list shows it (a sent quote past its validity is expired), each with its totals per currency. */
export async function quotesByStatus(context: ChartContext): Promise<DashboardCell[]> {
  const { db, actor, query, timeZone } = context;
  const { first, last } = daysOf(query.from, query.to, timeZone);
  const day = today();
  const buckets = quoteStatuses.map((status) => ({ value: status, where: statusIs(status, day) }));
  const groups = await groupQuotes(db, actor, { ...ownersOf(context), issuedFrom: first, issuedTo: last }, day, buckets);
  return cellsOf(groups);
}

/** Accepted quotes per month of acceptance, one bar per currency (a bucket each): how many and their total. */
export async function quotesAccepted(context: ChartContext): Promise<DashboardCell[]> {
  const { db, actor, query, timeZone } = context;
  const months = monthsOf(query.from, query.to, timeZone);
  const day = today();
  const filters = { ...ownersOf(context), status: 'accepted' as const, decidedFrom: query.from, decidedTo: query.to };
  const currencies = await quoteCurrencies(db, actor, filters, day, maxCurrencies);
  const parts = months.flatMap((month) => currencies.map((currency) => ({ month, currency })));
  const groups = await groupQuotes(db, actor, filters, day, parts.map((part) => decidedIn(part.month.key, part.month, part.currency)));
  return parts.flatMap(({ month, currency }, index) => {
    const group = groups[index];
    if (!group || group.count === 0) return [];
    return [{
      key: month.key, series: currency, count: group.count, countIsEstimate: group.countIsEstimate,
      sums: group.sums ?? [], from: month.from, to: month.to,
    }];
  });
}
