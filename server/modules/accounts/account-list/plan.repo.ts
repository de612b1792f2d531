import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { AccountFilters, AccountSort } from '@contract/accounts';
import { exactTotalLimit } from '@contract/common';
import { isPostgres, type Db } from '@server/db/database';
import { estimatedRows } from '@server/db/statistics';
import type { AccountScope } from '@server/policies';
import { filtersOf, type ColumnFilter, type Filter } from './account-filters';
import { pageRows, portfolioProbeCost, portfolioRowCost, rareEntries, sizeCaps, wholeReadCost } from './costs';
import { readSet, rowsUpTo, type Membership } from './membership.repo';
import { portfolioSize, type ScopeDrive } from './portfolio.repo';
import { byName } from './sorts';

const countRows = exactTotalLimit + 1;

/**
 * Which set leads a list query: the scope's portfolio, walked in page order (`drive: 'walk'`), a
 * filter (`lead`, numbered as filtersOf lists them), or none (the sort index leads and every
 * filter is checked per account). `ids`: the accounts of the leading membership, read while
 * planning because there were few. `ordered`: a page walking the portfolio in its sort order.
 * The choice is written into the SQL, so both databases get it (see docs/lists.md).
 */
export type ListPlan = { drive: ScopeDrive; lead: number | null; ids?: readonly string[]; ordered?: boolean };
/** A plan with its cost in rows visited, and the matches expected (the sets taken as independent). */
export type PlanCost = ListPlan & { cost: number; matches?: number };
/**
 * A list's plans for its page and its count. `memberships`: filters probed for each walked
 * portfolio row; `checked`: filters checked on the row itself at a cost (search words);
 * `portfolio`: the scope's live accounts, when known (null: every account, or past sizeCaps.count).
 * `indexCount`: the list's only filter as rows of an index that holds the scope too, counted
 * there exactly (`size` when sizing counted them all already).
 */
export type ListPlans = {
  page: PlanCost; count: PlanCost; memberships: number; checked: number; portfolio: number | null;
  indexCount?: { rows: RawBuilder<unknown>; size: number | null };
};

/**
 * A set that could lead, with its size. `inOrder`: its index gives rows in the order wanted (the
 * portfolio always; a column's index for a page sorted by name, or for a count), so leading with
 * it stops once enough rows are found; otherwise leading reads the whole set. `share`: the part
 * of the accounts it keeps, when not size / accounts (a set within the portfolio).
 */
type SizedSet = { lead: number | 'scope'; size: number; inOrder?: boolean; probed?: boolean; column?: boolean; rowCost?: number; share?: number };

/**
 * The cheapest way to find `wanted` rows, in rows visited: walking the sort index checks every
 * set for each account it passes; a set in order is walked the same way along its own index (a
 * portfolio's rows cost less: only memberships are probed); any other set is read whole, each row
 * by id, and a sorted page then sorts what it found.
 */
function cheaperPlan(sets: SizedSet[], accounts: number, wanted: number, sorted: boolean): PlanCost {
  const matches = Math.max(1, sets.reduce((n, set) => n * (set.share ?? Math.min(1, set.size / accounts)), accounts));
  const probes = sets.filter((set) => set.probed).length;
  const checks = sets.reduce((sum, set) => sum + (set.rowCost ?? 0), 0);
  const walkAlong = (length: number, along?: SizedSet) =>
    (along?.lead === 'scope' ? portfolioRowCost + checks + probes * portfolioProbeCost : sets.length) * Math.min(length, (wanted * length) / matches);
  const costOf = (set: SizedSet) => (set.inOrder ? walkAlong(set.size, set) : 2 * set.size + (sorted ? matches * Math.log2(matches) : 0));
  let best: { cost: number; set: SizedSet | null } = { cost: walkAlong(accounts), set: null };
  for (const set of sets) {
    const cost = costOf(set);
    if (cost < best.cost) best = { cost, set };
  }
  const { cost, set } = best;
  if (!set) return { drive: 'probe', lead: null, cost, matches };
  if (set.lead === 'scope') return { drive: 'walk', lead: null, cost, matches, ...(sorted ? { ordered: true } : {}) };
  // A membership leads a portfolio's rows (looked up by key), a column its own index of accounts.
  const portfolio = sets.some((other) => other.lead === 'scope');
  return { drive: portfolio && !set.column ? 'walk' : 'probe', lead: set.lead, cost, matches };
}

/** Live accounts with this column value, counted up to `cap` + 1 along the column's index. */
const columnSizeOf = (db: Db, filter: ColumnFilter, cap: number): Promise<number> =>
  rowsUpTo(db, sql`select 1 from accounts where discarded_at is null and ${sql.ref(filter.column)} = ${filter.value}`, cap);

/**
 * Whether walking the whole portfolio (`held` rows), checking `m` on each row and probing the
 * list's `probes` other memberships, costs less than reading `m`, an intersection read whole.
 */
async function walkedForLess(db: Db, m: Membership, held: number | null | undefined, probes: number): Promise<boolean> {
  if (!m.parts || !m.onPortfolio || held == null) return false;
  if (held * (portfolioRowCost + (m.rowCost ?? 0) + probes * portfolioProbeCost) >= wholeReadCost) return false;
  for (const part of m.parts) {
    if ((await rowsUpTo(db, part, rareEntries)) > rareEntries) return true;
  }
  return false;
}

/** Whether a walked portfolio row must look something up for this filter (a membership or column its row does not carry). */
const probedOnWalk = (filter: Filter): boolean =>
  ('membership' in filter ? !filter.membership.onPortfolio : 'column' in filter ? !filter.column.carried : false);

type Sized = { lead: number | 'scope'; size: number | null; cap: number; column: boolean; probed: boolean; rowCost?: number; ids?: string[]; inScope?: boolean };

/**
 * The plans of a list's page and of its count (a count wants 10,001 rows, so it leads more often).
 * Sets are sized as far as a page's plan needs; with `counting`, as far as an exact count's plan
 * needs, for a count that must be exact however large its sets.
 */
export async function planList(db: Db, scope: AccountScope, query: AccountFilters & { sort?: AccountSort }, counting = false): Promise<ListPlans> {
  const sizeCap = counting ? sizeCaps.count : sizeCaps.page;
  const sized: Sized[] = [];
  if (scope.sees === 'portfolio') sized.push({ lead: 'scope', size: await portfolioSize(db, scope), cap: sizeCaps.count, column: false, probed: false });
  const filters = filtersOf({ filters: query, scope, postgres: isPostgres(db) });
  const probedElsewhere = (m: Membership) => filters.filter((filter) => !('membership' in filter && filter.membership === m) && probedOnWalk(filter)).length;
  // A membership leads a scope's list only when reading it costs less than walking the portfolio.
  const held = sized[0]?.size;
  const membershipCap = held == null ? sizeCap : Math.min(sizeCap, Math.ceil((held * (portfolioRowCost + portfolioProbeCost)) / 2));
  for (const [index, filter] of filters.entries()) {
    // A bound is checked where it is met (see BoundSpec): it costs nothing to plan.
    if ('bound' in filter) continue;
    const column = 'column' in filter;
    const cap = column ? sizeCaps.column : membershipCap;
    // Not read at all when walking costs less than computing it: sized as past its cap.
    const { size, ids } = 'column' in filter ? { size: await columnSizeOf(db, filter.column, cap) }
      : await walkedForLess(db, filter.membership, held, probedElsewhere(filter.membership)) ? { size: cap + 1 }
        : await readSet(db, filter.membership, cap);
    const rowCost = 'membership' in filter ? filter.membership.rowCost : undefined;
    const inScope = 'membership' in filter && filter.membership.inScope;
    sized.push({ lead: index, size: size > cap ? null : size, cap, column, probed: probedOnWalk(filter), ...(rowCost ? { rowCost } : {}), ...(ids ? { ids } : {}), ...(inScope ? { inScope } : {}) });
  }
  const [only] = filters;
  const indexRows = filters.length === 1 && only && 'membership' in only ? only.membership.indexRows : undefined;
  const onlySize = sized.find((set) => set.lead === 0)?.size ?? null;
  const indexCount = indexRows ? { rows: indexRows, size: onlySize } : undefined;
  const portfolio = sized[0]?.lead === 'scope' ? sized[0].size : null;
  const memberships = sized.filter((set) => set.probed).length;
  const checked = sized.filter((set) => set.rowCost !== undefined).length;
  if (sized.length === 0) return { page: { drive: 'probe', lead: null, cost: pageRows }, count: { drive: 'probe', lead: null, cost: countRows }, memberships, checked, portfolio };
  // Without statistics (a new database) the largest set stands in for the number of accounts.
  const known = sized.map((set) => set.size ?? set.cap);
  const accounts = Math.max((await estimatedRows(db, 'accounts')) ?? 0, ...known, 1);
  const sets = (pageOrder: boolean): SizedSet[] =>
    sized.map((set) => {
      const size = set.size ?? Math.max(set.cap, (set.inScope && portfolio ? portfolio : accounts) / 2);
      return {
        lead: set.lead, size, inOrder: set.lead === 'scope' || (set.column && pageOrder), probed: set.probed, column: set.column,
        ...(set.rowCost ? { rowCost: set.rowCost } : {}), ...(set.inScope && portfolio ? { share: Math.min(1, size / portfolio) } : {}),
      };
    });
  const withIds = <P extends ListPlan>(plan: P): P => {
    const ids = sized.find((set) => set.lead === plan.lead)?.ids;
    return ids ? { ...plan, ids } : plan;
  };
  // Matches are only expected from sizes all known: a set past its cap stands in as half of all accounts.
  const count = cheaperPlan(sets(true), accounts, countRows, false);
  return {
    page: withIds(cheaperPlan(sets(byName(query.sort ?? 'name')), accounts, pageRows, true)),
    count: withIds(sized.some((set) => set.size === null) ? { ...count, matches: undefined } : count),
    memberships,
    checked,
    portfolio,
    ...(indexCount ? { indexCount } : {}),
  };
}

/** A list whose only filter is one tag or one owner: the table's rows `m` it reads, one per account (see membershipSample). */
export function soleMembership(db: Db, scope: AccountScope, filters: AccountFilters): { table: 'account_tags' | 'account_owners'; where: RawBuilder<SqlBool> } | null {
  const found = filtersOf({ filters, scope, postgres: isPostgres(db) });
  const [only] = found;
  if (found.length !== 1 || !only || !('membership' in only)) return null;
  const rows = only.membership.rows;
  if (rows?.table !== 'account_tags' && rows?.table !== 'account_owners') return null;
  return { table: rows.table, where: rows.where };
}
