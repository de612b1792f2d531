import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { exactTotalLimit } from '@contract/common';
import type { Group } from '@contract/list-query';
import { countUpTo } from './list';

/** One group of a grouped count: its value as the client sees it, and the rows it holds. */
export type Bucket = { value: string | null; where: Expression<SqlBool> };

/** An integer money column (minor units) and its currency column, summed per currency. */
export type MoneyColumns = { amount: string; currency: string };

/**
 * Rows of `base` (a list's query under the actor's scope and filters, unselected) in each bucket,
 * each counted up to `cap` + 1 so a large group costs what the cap costs: exact up to the cap,
 * and past it the cap, flagged. With `money`, each group's amounts are summed per currency over
 * the same rows (partial when the count is).
 */
export async function groupCount<DB, TB extends keyof DB, O>(
  db: Kysely<DB>, base: SelectQueryBuilder<DB, TB, O>, buckets: Bucket[], options: { cap?: number; money?: MoneyColumns } = {},
): Promise<Group[]> {
  const cap = options.cap ?? exactTotalLimit;
  const groups: Group[] = [];
  for (const bucket of buckets) {
    const rows = base.where(bucket.where);
    if (!options.money) {
      const counted = await countUpTo(db, rows, cap);
      groups.push({ value: bucket.value, count: Math.min(counted, cap), countIsEstimate: counted > cap });
      continue;
    }
    const { amount, currency } = options.money;
    const capped = rows.clearSelect().clearOrderBy().select([sql.ref(currency).as('currency'), sql.ref(amount).as('amount')]).limit(cap + 1);
    const result = await sql<{ currency: string; n: number | string; amount: number | string | null }>`
      select c.currency, count(*) as n, sum(c.amount) as amount from (${capped}) as c group by c.currency order by c.currency`.execute(db);
    const counted = result.rows.reduce((sum, row) => sum + Number(row.n), 0);
    groups.push({
      value: bucket.value, count: Math.min(counted, cap), countIsEstimate: counted > cap,
      sums: result.rows.map((row) => ({ currency: row.currency, amount: Number(row.amount ?? 0) })),
    });
  }
  return groups;
}

/**
 * Rows of `base` (unselected, under the actor's scope and filters) counted per value of `column`,
 * and with `money` their amounts summed per currency, in one grouped pass and exactly, however
 * many: for totals that must never stop at a cap (a board's columns). One pass over an index
 * leading with the column and carrying the currency and amount answers it alone, where a query
 * per value would walk that index once per value. Groups come in the order of `values` (a value
 * without rows counts 0); rows of other values are left out.
 */
export async function exactValueGroups<DB, TB extends keyof DB, O>(
  db: Kysely<DB>, base: SelectQueryBuilder<DB, TB, O>, column: string, values: Array<string | null>, money?: MoneyColumns,
): Promise<Group[]> {
  const grouped = base.clearSelect().clearOrderBy()
    .select([
      sql<string | null>`${sql.ref(column)}`.as('value'),
      sql<string | null>`${money ? sql.ref(money.currency) : sql`null`}`.as('currency'),
      sql<number | string>`count(*)`.as('n'),
      sql<number | string | null>`${money ? sql`sum(${sql.ref(money.amount)})` : sql`null`}`.as('amount'),
    ])
    .groupBy(money ? [sql.ref(column), sql.ref(money.currency)] : [sql.ref(column)]);
  const { rows } = await db.executeQuery<{ value: string | null; currency: string | null; n: number | string; amount: number | string | null }>(grouped.compile());
  return values.map((value) => {
    const mine = rows.filter((row) => row.value === value);
    const group: Group = { value, count: mine.reduce((sum, row) => sum + Number(row.n), 0), countIsEstimate: false };
    if (!money) return group;
    // Byte order, as the database sorts currency codes.
    const sums = mine.map((row) => ({ currency: row.currency ?? '', amount: Number(row.amount ?? 0) })).sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
    return { ...group, sums };
  });
}

/** Buckets of one value each of a column (a stage, a status): `null` gathers the rows without one. */
export const valueBuckets = (column: string, values: Array<string | null>): Bucket[] =>
  values.map((value) => ({ value, where: value === null ? sql<SqlBool>`${sql.ref(column)} is null` : sql<SqlBool>`${sql.ref(column)} = ${value}` }));

/**
 * Buckets of the calendar months (UTC) from `from` to `to` of a timestamp column, as ranges its
 * index serves; each named by its month, "2026-03".
 */
export function monthBuckets(column: string, from: string, to: string, maxMonths: number): Bucket[] {
  const start = new Date(from);
  const end = Date.parse(to);
  const buckets: Bucket[] = [];
  for (let month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)); month.getTime() < end && buckets.length < maxMonths;) {
    const next = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
    const low = month.toISOString();
    const high = next.toISOString();
    buckets.push({ value: low.slice(0, 7), where: sql<SqlBool>`(${sql.ref(column)} >= ${low} and ${sql.ref(column)} < ${high})` });
    month = next;
  }
  return buckets;
}
