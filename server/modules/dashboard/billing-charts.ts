import { sql } from 'kysely';
import { unsignedAgreementStatuses } from '@contract/agreements';
import type { DashboardCell } from '@contract/dashboard';
import type { Money } from '@contract/money';
import { projectStatuses } from '@contract/projects';
import { filteredAgreements } from '@server/modules/agreements/agreements.repo';
import { filteredInvoices, overdueSql } from '@server/modules/invoices/invoices.repo';
import { filteredProjects } from '@server/modules/projects/projects.repo';
import type { ChartContext } from './chart-context';
import { daysOf, monthsOf } from './months';
import { today } from '@server/lib/time';

// Projects, agreements and invoices (seed 003) counted exactly under the actor's scope (each is
// visible exactly when its company is), amounts summed per currency and never across currencies.
// Whose work: a project's responsible users, an agreement's owner, an invoiced company's owners.

/** Companies the overdue chart names at most: those with the most overdue invoices. */
const overdueCompanies = 10;

const sumsOf = (rows: Array<{ currency: string | null; amount: number | string | null }>): Money[] =>
  rows.flatMap((row) => (row.currency ? [{ currency: row.currency, amount: Number(row.amount ?? 0) }] : []))
    .sort((a, b) => a.currency.localeCompare(b.currency));

/** The same calendar day a year earlier (29 February falls back to the 28th). */
const yearEarlier = (day: string): string => {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const shifted = new Date(Date.UTC(year - 1, month - 1, date));
  return (shifted.getUTCMonth() === month - 1 ? shifted : new Date(Date.UTC(year - 1, month, 0))).toISOString().slice(0, 10);
};

/**
 * Invoiced per month of issue in the range, one bar per currency, beside the same month a year
 * earlier (`previousYear`): how many invoices and their totals. Drafts and cancelled ones do not count.
 */
export async function invoicedPerMonth(context: ChartContext): Promise<DashboardCell[]> {
  const { db, actor, query, timeZone } = context;
  const people = { ...(query.ownerId ? { ownerId: query.ownerId } : {}), ...(query.teamId ? { teamId: query.teamId } : {}) };
  const month = sql<string>`substr(invoices.issue_date, 1, 7)`;
  // One grouped read per year: issue dates are calendar days, so their month is the month's key.
  const perMonth = async (first: string, last: string) => {
    const rows = await filteredInvoices(db, actor, { ...people, billed: 'true', issuedFrom: first, issuedTo: last }, today())
      .select([month.as('month'), 'invoices.currency', sql<number | string>`count(*)`.as('n'), sql<number | string | null>`sum(invoices.total)`.as('amount')])
      .groupBy([month, 'invoices.currency'])
      .execute();
    return rows.sort((a, b) => a.currency.localeCompare(b.currency));
  };
  const range = daysOf(query.from, query.to, timeZone);
  const [current, previous] = await Promise.all([perMonth(range.first, range.last), perMonth(yearEarlier(range.first), yearEarlier(range.last))]);
  const cells: DashboardCell[] = [];
  for (const slice of monthsOf(query.from, query.to, timeZone)) {
    const { first, last } = daysOf(slice.from, slice.to, timeZone);
    const earlier = yearEarlier(first).slice(0, 7);
    const parts = [
      { rows: current.filter((row) => row.month === slice.key), from: first, to: last, previousYear: false },
      { rows: previous.filter((row) => row.month === earlier), from: yearEarlier(first), to: yearEarlier(last), previousYear: true },
    ];
    for (const part of parts) {
      for (const row of part.rows) {
        cells.push({
          key: slice.key, series: row.currency, count: Number(row.n), countIsEstimate: false,
          sums: [{ currency: row.currency, amount: Number(row.amount ?? 0) }], from: part.from, to: part.to,
          ...(part.previousYear ? { previousYear: true } : {}),
        });
      }
    }
  }
  return cells;
}

/**
 * Companies with overdue invoices now (issued, past due, not fully paid), those with the most
 * first: how many, and what is still owed per currency (total less what was paid).
 */
export async function invoicesOverdue(context: ChartContext): Promise<DashboardCell[]> {
  const { db, actor, query } = context;
  const people = { ...(query.ownerId ? { ownerId: query.ownerId } : {}), ...(query.teamId ? { teamId: query.teamId } : {}) };
  const rows = await filteredInvoices(db, actor, people, today())
    .where(overdueSql('invoices', today()))
    .select([
      'invoices.organization_id', 'invoices.currency', sql<number | string>`count(*)`.as('n'),
      sql<number | string | null>`sum(invoices.total - invoices.paid_amount)`.as('amount'),
    ])
    .groupBy(['invoices.organization_id', 'invoices.currency'])
    .execute();
  const companies = new Map<string, { count: number; rows: Array<{ currency: string; amount: number | string | null }> }>();
  for (const row of rows) {
    const company = companies.get(row.organization_id) ?? { count: 0, rows: [] };
    company.count += Number(row.n);
    company.rows.push({ currency: row.currency, amount: row.amount });
    companies.set(row.organization_id, company);
  }
  const ids = [...companies.keys()];
  const names = new Map(ids.length === 0 ? [] : (await db.selectFrom('accounts').select(['id', 'name']).where('id', 'in', ids).execute()).map((row) => [row.id, row.name]));
  return [...companies.entries()]
    .map(([id, company]) => ({ id, name: names.get(id) ?? '', ...company }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .slice(0, overdueCompanies)
    .map((company) => ({ key: company.id, label: company.name, series: null, count: company.count, countIsEstimate: false, sums: sumsOf(company.rows) }));
}

/** Projects per status now (every status, in its order), under the owner or team filter as their responsible users. */
export async function projectsByStatus(context: ChartContext): Promise<DashboardCell[]> {
  const { db, actor, query } = context;
  const people = { ...(query.ownerId ? { responsibleId: query.ownerId } : {}), ...(query.teamId ? { teamId: query.teamId } : {}) };
  const rows = await filteredProjects(db, actor, people)
    .select(['projects.status', sql<number | string>`count(*)`.as('n')])
    .groupBy('projects.status')
    .execute();
  const counts = new Map(rows.map((row) => [row.status, Number(row.n)]));
  return projectStatuses.map((status) => ({ key: status, series: null, count: counts.get(status) ?? 0, countIsEstimate: false }));
}

/** Agreements waiting for a signature now (sent; signed by the customer only), how many and their value per currency. */
export async function agreementsWaiting(context: ChartContext): Promise<DashboardCell[]> {
  const { db, actor, query } = context;
  const people = { ...(query.ownerId ? { ownerId: query.ownerId } : {}), ...(query.teamId ? { teamId: query.teamId } : {}) };
  const rows = await filteredAgreements(db, actor, { ...people, unsigned: 'true' })
    .select([
      'agreements.status', sql<string | null>`agreements.value_currency`.as('currency'),
      sql<number | string>`count(*)`.as('n'), sql<number | string | null>`sum(agreements.value_amount)`.as('amount'),
    ])
    .groupBy(['agreements.status', 'agreements.value_currency'])
    .execute();
  return unsignedAgreementStatuses.map((status) => {
    const mine = rows.filter((row) => row.status === status);
    return { key: status, series: null, count: mine.reduce((sum, row) => sum + Number(row.n), 0), countIsEstimate: false, sums: sumsOf(mine) };
  });
}
