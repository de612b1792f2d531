import { sql } from 'kysely';
import type { OpportunityFilters } from '@contract/opportunities';
import type { Db } from '@server/db/database';
import type { Actor } from '@server/policies';
import { filteredOpportunities } from '@server/modules/opportunities/opportunities.repo';

/** Tags a chart of people per tag shows at most (the first by name). */
export const chartTags = 30;

/** The first tags by name, with their names. */
export const firstTags = (db: Db) =>
  db.selectFrom('tags').select(['tags.id', 'tags.name']).orderBy('tags.name_norm').orderBy('tags.id').limit(chartTags).execute();

export type ClosedRow = { status: string; reason: string | null; currency: string; count: number; amount: number };

/** Won and lost opportunities of the filters (closed within closedFrom / closedTo) counted per status, lost reason and currency, amounts summed per currency. */
export async function closedOpportunities(db: Db, actor: Actor, filters: Partial<OpportunityFilters>): Promise<ClosedRow[]> {
  const rows = await filteredOpportunities(db, actor, filters)
    .where('opportunities.status', 'in', ['won', 'lost'])
    .select([
      'opportunities.status', 'opportunities.lost_reason', 'opportunities.currency',
      sql<number | string>`count(*)`.as('n'), sql<number | string | null>`sum(opportunities.amount)`.as('amount'),
    ])
    .groupBy(['opportunities.status', 'opportunities.lost_reason', 'opportunities.currency'])
    .execute();
  return rows.map((row) => ({ status: row.status, reason: row.lost_reason, currency: row.currency, count: Number(row.n), amount: Number(row.amount ?? 0) }));
}

export type ForecastRow = { month: string; currency: string; count: number; weighted: number };

/**
 * Open opportunities of the filters per month of their expected close and currency: how many, and
 * their amounts weighted by probability (amount × probability / 100, rounded once per group).
 */
export async function forecastRows(db: Db, actor: Actor, filters: Partial<OpportunityFilters>): Promise<ForecastRow[]> {
  const month = sql<string>`substr(opportunities.expected_close_on, 1, 7)`;
  const rows = await filteredOpportunities(db, actor, { ...filters, status: 'open' })
    .select([
      month.as('month'), 'opportunities.currency',
      sql<number | string>`count(*)`.as('n'), sql<number | string | null>`sum(opportunities.amount * opportunities.probability)`.as('weighted'),
    ])
    .groupBy([month, 'opportunities.currency'])
    .orderBy(month)
    .orderBy('opportunities.currency')
    .execute();
  return rows.map((row) => ({ month: row.month, currency: row.currency, count: Number(row.n), weighted: Math.round(Number(row.weighted ?? 0) / 100) }));
}
