import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database, Db } from '@server/db/database';

/**
 * A filter on rows of another table that name the account (owners, tags, traits, search terms):
 * `set` selects the ids of the accounts it keeps and can lead (`accounts.id in (…)`), `check`
 * tests one account, and the set's size is read cheaply from the table's index. `onPortfolio`:
 * the same test on a portfolio's row, where it needs no probe (tags, search words).
 */
export type Membership = {
  set: RawBuilder<unknown>;
  check: RawBuilder<SqlBool>;
  onPortfolio?: (postgres: boolean) => RawBuilder<SqlBool>;
  /** What checking it on a portfolio's row adds to the row's cost (see the planner's wordCheckCost). */
  rowCost?: number;
  /** Reading any of the set computes all of it: an intersection of these parts, read whole whatever the limit. */
  parts?: RawBuilder<unknown>[];
  /** The table's rows `m` that the set reads (see soleMembership). */
  rows?: { table: MembershipTable; where: RawBuilder<SqlBool> };
  /** One row per account of the set, read from an index alone: to size it, or count it exactly. */
  indexRows?: RawBuilder<unknown>;
  /** The set holds only accounts of the actor's portfolio: its size is a share of the portfolio, not of all accounts. */
  inScope?: boolean;
};

/** Any table whose rows name an account: a new membership filter needs no change here. */
export type MembershipTable = { [T in keyof Database]: Database[T] extends { account_id: unknown } ? T : never }[keyof Database];

// `limit 1 offset 0`: see portfolioHolds in server/db/portfolio.ts (a check turned into a join
// reads the whole set before the page's first row).
export function rowsOf(table: MembershipTable, where: RawBuilder<SqlBool>): Membership {
  return {
    set: sql`select m.account_id from ${sql.table(table)} m where ${where}`,
    check: sql<SqlBool>`exists (select 1 from ${sql.table(table)} m where m.account_id = accounts.id and ${where} limit 1 offset 0)`,
    rows: { table, where },
  };
}

/**
 * Accounts in every one of these sets, read as the intersection of their sets: leading with one
 * and checking the others on each of its accounts visits every account of the first.
 */
export function allOf(parts: Membership[]): Membership {
  if (parts.length === 1 && parts[0]) return parts[0];
  const onRows = parts.flatMap((part) => (part.onPortfolio ? [part.onPortfolio] : []));
  return {
    set: sql.join(parts.map((part) => part.set), sql` intersect `),
    parts: parts.map((part) => part.set),
    check: sql<SqlBool>`(${sql.join(parts.map((part) => part.check), sql` and `)})`,
    // Checked on a portfolio's row only if every part can be.
    ...(onRows.length === parts.length ? {
      onPortfolio: (postgres: boolean) => sql<SqlBool>`(${sql.join(onRows.map((onRow) => onRow(postgres)), sql` and `)})`,
      rowCost: parts.reduce((sum, part) => sum + (part.rowCost ?? 0), 0),
    } : {}),
  };
}

/**
 * The set read first. PostgreSQL plans `in (subquery)` as a semi join it may drive from the
 * other side; `= any(array(subquery))` is an init plan: the set first, then the accounts by id.
 */
export const leads = (m: Membership, postgres: boolean) =>
  postgres ? sql<SqlBool>`accounts.id = any(array(${m.set}))` : sql<SqlBool>`accounts.id in (${m.set})`;

/** Accounts among these ids (a lead read while planning). */
export function among(ids: readonly string[], postgres: boolean): RawBuilder<SqlBool> {
  if (ids.length === 0) return sql<SqlBool>`1 = 0`;
  return postgres ? sql<SqlBool>`accounts.id = any(${ids})` : sql<SqlBool>`accounts.id in (${sql.join(ids)})`;
}

/** A set this small is read once, while sizing it, and leads as a list of ids (not computed again for the page and its count). */
const readUpTo = 1_000;

/** The rows a query (raw SQL) returns, counted up to `cap` + 1, or all of them without one. */
export async function rowsUpTo(db: Db, rows: RawBuilder<unknown>, cap?: number): Promise<number> {
  const counted = cap === undefined ? rows : sql`${rows} limit ${cap + 1}`;
  const result = await sql<{ n: number | string }>`select count(*) as n from (${counted}) as capped`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** The accounts behind a membership: their ids when there are few, else the rows counted up to `cap` + 1. */
export async function readSet(db: Db, m: Membership, cap: number): Promise<{ size: number; ids?: string[] }> {
  // An index that computes the set again in a millisecond is only sized, never read ahead.
  if (m.indexRows) return { size: await rowsUpTo(db, m.indexRows, cap) };
  const first = await sql<{ account_id: string }>`${m.set} limit ${readUpTo + 1}`.execute(db);
  if (first.rows.length <= readUpTo) {
    const ids = [...new Set(first.rows.map((row) => row.account_id))];
    return { size: ids.length, ids };
  }
  if (cap <= readUpTo) return { size: first.rows.length };
  return { size: await rowsUpTo(db, m.set, cap) };
}
