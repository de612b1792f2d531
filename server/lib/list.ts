import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import { exactTotalLimit } from '@contract/common';
import { AppError } from './errors';
import { isUnsafeText } from './safe-text';

/** What a sort column holds, so a cursor's value for it can be checked before SQL sees it. */
export type SortValueType = 'text' | 'timestamp' | 'integer';

/** A sort the list contract allows: columns in order, ending with the id for a total order. */
export type SortPlan = {
  /** Sort name as the client gave it; cursors from another sort are refused. */
  key: string;
  columns: string[];
  direction: 'asc' | 'desc';
  /** Per column; by default a column named `at` or `*_at` holds a timestamp and any other column text. */
  types?: SortValueType[];
};

/** A sort as a list's contract names it: a field ascending, or with a leading '-' descending. */
export type SortKey<F extends string> = F | `-${F}`;

/**
 * A list's sorts from one description: for each field, the columns of `table` it orders by (the
 * id is added last, for a total order). Gives each sort's plan and the values a cursor records
 * from a row of those columns; descending is the same columns walked backwards.
 */
export function sortTable<F extends string, C extends string>(table: string, fields: Record<F, readonly C[]>, types: Partial<Record<C, SortValueType>> = {}) {
  const isField = (value: string): value is F => Object.hasOwn(fields, value);
  const columnsOf = (key: SortKey<F>): Array<C | 'id'> => {
    const field = key.startsWith('-') ? key.slice(1) : key;
    if (!isField(field)) throw new Error(`no sort ${key}`);
    return [...fields[field], 'id'];
  };
  return {
    plan: (key: SortKey<F>): SortPlan => {
      const columns = columnsOf(key);
      const typed = columns.map((column) => (column === 'id' ? undefined : types[column]));
      return {
        key, columns: columns.map((column) => `${table}.${column}`), direction: key.startsWith('-') ? 'desc' : 'asc',
        // Declared only where given: the others are read off the column's name (see typeOf).
        ...(typed.some((type) => type !== undefined) ? { types: columns.map((column, index) => typed[index] ?? typeOf({ key, columns: [column], direction: 'asc' }, 0)) } : {}),
      };
    },
    /** The cursor's values of a row: its sort columns, the id last. */
    values: (key: SortKey<F>, row: Record<C | 'id', string | number | null>): Array<string | number> => columnsOf(key).map((column) => row[column] ?? ''),
    /** The first column each field orders by. */
    leading: (key: SortKey<F>): C | 'id' => columnsOf(key)[0] ?? 'id',
    columns: (): C[] => [...new Set(Object.values<readonly C[]>(fields).flat())],
  };
}

/** The type of the plan's column `index`: declared, else read off Cartera's column naming (`audit_log.at`, `created_at`). */
const typeOf = (plan: SortPlan, index: number): SortValueType =>
  plan.types?.[index] ?? (/(?:^|[._])at$/.test(plan.columns[index] ?? '') ? 'timestamp' : 'text');

/**
 * A timestamp as Cartera writes them (UTC ISO-8601, as toISOString gives) that names a real
 * instant: PostgreSQL refuses "2026-02-31" or year 0 where V8 would quietly roll them over.
 */
function isTimestamp(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value) || value.startsWith('0000')) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

/** A cursor value fits its column: what the list wrote into it, never what SQL would choke on. */
function fits(value: string | number, type: SortValueType): boolean {
  if (type === 'integer') return Number.isSafeInteger(value);
  if (typeof value !== 'string' || isUnsafeText(value)) return false;
  return type === 'timestamp' ? isTimestamp(value) : true;
}

// A cursor is [sort key, the first page's count, ...sort values of the last row seen]. The count
// travels with it so later pages need not count again (see keysetPage and totalOf).
const cursorSchema = z.tuple([z.string(), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)]).rest(z.union([z.string(), z.number()]));

export type Cursor = { after: Array<string | number>; counted: number };
export type Total = { total: number; totalIsEstimate: boolean };

export function encodeCursor(sortKey: string, counted: number, values: Array<string | number>): string {
  return Buffer.from(JSON.stringify([sortKey, counted, ...values])).toString('base64url');
}

/** Where the next page starts and the first page's count; a forged or foreign cursor is a 400. */
export function decodeCursor(cursor: string | undefined, plan: SortPlan): Cursor | null {
  if (cursor === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('bad_cursor');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw new AppError('bad_cursor');
  const [sortKey, counted, ...values] = result.data;
  if (sortKey !== plan.key || values.length !== plan.columns.length) throw new AppError('bad_cursor');
  // A forged value (NUL, 1.5 or 1e308 where a timestamp belongs) is the client's mistake, not a 500 from SQL.
  if (!values.every((value, index) => fits(value, typeOf(plan, index)))) throw new AppError('bad_cursor');
  return { after: values, counted };
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

/** Rows matching the query, counted up to one past the cap (so "more than the cap" is visible). */
export async function countUpTo<DB, TB extends keyof DB, O>(db: Kysely<DB>, query: SelectQueryBuilder<DB, TB, O>, cap: number): Promise<number> {
  const capped = query.clearSelect().clearOrderBy().select(sql<number>`1`.as('one')).limit(cap + 1);
  const result = await sql<{ n: number | string }>`select count(*) as n from (${capped}) as capped`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * A count as a list reports it: up to the cap it is exact; one past the cap says "more than the
 * cap" (a lower bound); anything larger is an estimate a list made from a sample (see
 * countAccounts), kept above cap + 1 so the three never mix.
 */
function totalOf(counted: number, cap: number = exactTotalLimit): Total {
  if (counted <= cap) return { total: counted, totalIsEstimate: false };
  return { total: counted === cap + 1 ? cap : counted, totalIsEstimate: true };
}

/** Exact count up to the contract's limit; past it, the limit and a flag that it is a lower bound. */
export async function countCapped<DB, TB extends keyof DB, O>(
  db: Kysely<DB>,
  query: SelectQueryBuilder<DB, TB, O>,
  cap: number = exactTotalLimit,
): Promise<Total> {
  return totalOf(await countUpTo(db, query, cap), cap);
}

/**
 * One page of a list: up to `limit` rows of `rows` (the list query with its select) after the
 * cursor in the plan's order, the cursor of the next page, and the total of `base` (the same
 * query, unselected). The total is counted on the first page only, and not even there when that
 * page holds every row; later pages carry it in their cursor. So page 2,000 costs what its rows
 * cost, and the total the client shows stays the one it first saw while it scrolls. `count` is how
 * the first page counts, given the rows it fetched (by default exactly, up to the contract's
 * limit; see totalOf).
 */
export async function keysetPage<DB, TB extends keyof DB, O, RDB, RTB extends keyof RDB, Row>(
  db: Kysely<DB>,
  base: SelectQueryBuilder<DB, TB, O>,
  rows: SelectQueryBuilder<RDB, RTB, Row>,
  plan: SortPlan,
  page: { limit: number; cursor?: string | undefined },
  sortValues: (row: Row) => Array<string | number>,
  count: (fetched: Row[]) => Promise<number> = () => countUpTo(db, base, exactTotalLimit),
): Promise<{ rows: Row[]; nextCursor: string | null } & Total> {
  const cursor = decodeCursor(page.cursor, plan);
  const fetched = await applyKeyset(rows, plan, cursor?.after ?? null).limit(page.limit + 1).execute();
  const more = fetched.length > page.limit;
  const counted = cursor ? cursor.counted : more ? await count(fetched) : fetched.length;
  const pageRows = more ? fetched.slice(0, page.limit) : fetched;
  const last = pageRows[pageRows.length - 1];
  const nextCursor = more && last !== undefined ? encodeCursor(plan.key, counted, sortValues(last)) : null;
  return { rows: pageRows, nextCursor, ...totalOf(counted) };
}

export type Raw<T> = RawBuilder<T>;
