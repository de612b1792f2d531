import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import { exactTotalLimit } from '@contract/common';
import { AppError } from './errors';

/** A sort the list contract allows: columns in order, ending with the id for a total order. */
export type SortPlan = {
  /** Sort name as the client gave it; cursors from another sort are refused. */
  key: string;
  columns: string[];
  direction: 'asc' | 'desc';
};

const cursorSchema = z.tuple([z.string()]).rest(z.union([z.string(), z.number()]));

export function encodeCursor(sortKey: string, values: Array<string | number>): string {
  return Buffer.from(JSON.stringify([sortKey, ...values])).toString('base64url');
}

/** The sort values after which the next page starts; a forged or foreign cursor is a 400. */
export function decodeCursor(cursor: string | undefined, plan: SortPlan): Array<string | number> | null {
  if (cursor === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('bad_cursor');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw new AppError('bad_cursor');
  const [sortKey, ...values] = result.data;
  if (sortKey !== plan.key || values.length !== plan.columns.length) throw new AppError('bad_cursor');
  return values;
}

/** Orders by the plan and, given a cursor, starts strictly after it (a row-value comparison the index serves). */
export function applyKeyset<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  plan: SortPlan,
  after: Array<string | number> | null,
): SelectQueryBuilder<DB, TB, O> {
  let ordered = query;
  for (const column of plan.columns) {
    ordered = ordered.orderBy(sql`${sql.ref(column)} ${sql.raw(plan.direction)}`);
  }
  if (!after) return ordered;
  const operator = sql.raw(plan.direction === 'asc' ? '>' : '<');
  const left = sql.join(plan.columns.map((column) => sql.ref(column)));
  const right = sql.join(after.map((value) => sql`${value}`));
  return ordered.where(sql<SqlBool>`(${left}) ${operator} (${right})`);
}

/** Exact count up to the contract's limit; past it, the limit and a flag that it is a lower bound. */
export async function countCapped<DB, TB extends keyof DB, O>(
  db: Kysely<DB>,
  query: SelectQueryBuilder<DB, TB, O>,
  cap: number = exactTotalLimit,
): Promise<{ total: number; totalIsEstimate: boolean }> {
  const capped = query.clearSelect().clearOrderBy().select(sql<number>`1`.as('one')).limit(cap + 1);
  const result = await sql<{ n: number | string }>`select count(*) as n from (${capped}) as capped`.execute(db);
  const n = Number(result.rows[0]?.n ?? 0);
  return n > cap ? { total: cap, totalIsEstimate: true } : { total: n, totalIsEstimate: false };
}

/** Splits the extra row fetched to know whether another page exists, and makes its cursor. */
export function pageOf<Row>(
  rows: Row[],
  limit: number,
  plan: SortPlan,
  sortValues: (row: Row) => Array<string | number>,
): { rows: Row[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return { rows: pageRows, nextCursor: last === undefined ? null : encodeCursor(plan.key, sortValues(last)) };
}

export type Raw<T> = RawBuilder<T>;
