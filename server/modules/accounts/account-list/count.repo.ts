import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { AccountFilters, AccountSort } from '@contract/accounts';
import { exactTotalLimit } from '@contract/common';
import { isPostgres, type Db } from '@server/db/database';
import { estimatedRows } from '@server/db/statistics';
import { countUpTo } from '@server/lib/list';
import type { AccountScope } from '@server/policies';
import { rowsUpTo } from './membership.repo';
import { planList, soleMembership, type ListPlan, type ListPlans } from './plan.repo';
import { filteredAccounts } from './query.repo';

/**
 * A first page counts its list exactly when the count's plan visits at most this many rows; past
 * it the count would dominate the page, and a sample answers instead.
 */
const exactBudget = 15_000;
/** Accounts a sample visits, spread over the whole table, each checked against every filter. */
const sampleSize = 2_000;
/**
 * SQLite: a list of accounts in a table of at most this many rows is counted whole, not sampled:
 * probing a sample's 2,000 rows one by one costs about what reading 40,000 index entries does, and
 * the count is exact (BENCHMARKS.md, issue 16.3).
 */
const countWholeUpTo = 40_000;
/** Fewer matches than this in a sample say too little (±20% at 25): the list counts instead. */
const minHits = 25;
/**
 * A sample asked before anything was counted is believed only when the list is past the limit by
 * three standard deviations (hits − 3√hits, scaled); lists nearer the limit are counted exactly.
 */
const clearDeviations = 3;

type Query = AccountFilters & { sort?: AccountSort };

/**
 * The first page's count as keysetPage wants it (see totalOf in server/lib/list.ts): exact up to
 * 10,000; for larger lists an estimate from a sample when it is clear the list is larger
 * ("≈ 300,000" tells more than "10,000+"), else one past the limit.
 */
export async function countAccounts(db: Db, scope: AccountScope, query: Query, plans: ListPlans): Promise<number> {
  // Read from an index alone, however many.
  if (plans.indexCount) return plans.indexCount.size ?? rowsUpTo(db, plans.indexCount.rows);
  const exact = (plan: ListPlan) => countUpTo(db, filteredAccounts(db, scope, query, plan), exactTotalLimit);
  if (plans.count.drive === 'walk' && plans.memberships === 0 && plans.portfolio !== null) {
    // A portfolio past the limit asks its sample first: a list clearly past it is not walked to 10,001.
    if (plans.portfolio > exactTotalLimit) {
      const estimate = await sampledEstimate(db, scope, query, plans.count, true);
      if (estimate !== null) return estimate;
    }
    const counted = await exact(plans.count);
    if (counted <= exactTotalLimit) return counted;
    return (await sampledEstimate(db, scope, query, plans.count)) ?? wholePortfolio(db, scope, query, plans);
  }
  // A walked portfolio expected to hold twice the limit goes to its sample at once.
  const clearlyLarge = plans.count.drive === 'walk' && (plans.count.matches ?? 0) >= 2 * exactTotalLimit;
  if (plans.count.cost <= exactBudget && !clearlyLarge) {
    if (await smallTable(db)) return rounded(await countUpTo(db, filteredAccounts(db, scope, query, plans.count), countWholeUpTo));
    const counted = await exact(plans.count);
    return counted <= exactTotalLimit ? counted : (await sampledEstimate(db, scope, query, plans.count)) ?? counted;
  }
  const estimate = await sampledEstimate(db, scope, query, plans.count, true);
  if (estimate !== null) return estimate;
  // Sized as far as a page needs, the sets may not say which is smallest: size them further.
  return exact((await planList(db, scope, query, true)).count);
}

/** A portfolio too thin in its sample to estimate: counted whole in one pass, rounded as an estimate would be. */
async function wholePortfolio(db: Db, scope: AccountScope, query: Query, plans: ListPlans): Promise<number> {
  return rounded(await countUpTo(db, filteredAccounts(db, scope, query, plans.count), plans.portfolio ?? 0));
}

/** A whole count past the exact limit, rounded as an estimate would be (see totalOf in server/lib/list.ts). */
const rounded = (counted: number) => (counted <= exactTotalLimit ? counted : Math.max(Number(counted.toPrecision(2)), exactTotalLimit + 1));

/** Whether the accounts table is small enough on SQLite that a list past the exact limit is cheaper counted whole than sampled. */
async function smallTable(db: Db): Promise<boolean> {
  if (isPostgres(db)) return false;
  const result = await sql<{ top: number | null }>`select max(rowid) as top from accounts`.execute(db);
  const top = Number(result.rows[0]?.top ?? 0);
  return top > exactTotalLimit && top <= countWholeUpTo;
}

/**
 * Whether a first page should count in the same query (`count(*) over ()`), when the exact count
 * fits its budget: `ids` when the count reads a few accounts by their ids (read while planning),
 * `walk` when page and count both walk the portfolio probing or checking something on each row.
 * Null: the page and its count run apart (always when an index counts the list).
 */
export function countsWithPage(plans: ListPlans, postgres: boolean): 'ids' | 'walk' | null {
  if (plans.count.cost > exactBudget) return null;
  if (plans.count.ids !== undefined) return 'ids';
  if (plans.indexCount) return null;
  // Search words on PostgreSQL are counted from an index holding only them, apart from the page.
  const perRow = plans.memberships + (postgres ? 0 : plans.checked);
  return plans.count.drive === 'walk' && plans.page.drive === 'walk' && perRow > 0 ? 'walk' : null;
}

/**
 * Matching accounts estimated from a sample, rounded to two significant figures, or null when the
 * sample found too few to say the list is clearly past the exact limit. Every sample is the same
 * on every call, so the total does not flicker between refreshes, and spreads over the whole table
 * or portfolio, so accounts imported together do not skew it.
 */
async function sampledEstimate(db: Db, scope: AccountScope, query: Query, plan: ListPlan, clearly = false): Promise<number | null> {
  const sampled = await sampleHits(db, scope, query, plan);
  if (!sampled) return null;
  const { hits, scale } = sampled;
  if (hits < minHits) return null;
  const estimate = Number((hits * scale).toPrecision(2));
  const lowest = clearly ? (hits - clearDeviations * Math.sqrt(hits)) * scale : estimate;
  return lowest > exactTotalLimit + 1 ? estimate : null;
}

/** What a sample found, and how many accounts each of its rows stands for. */
type Sampled = { hits: number; scale: number };

/**
 * A walked portfolio samples its own rows; a list of every account filtered by one tag or owner
 * samples that table's rows; any other list samples the accounts table.
 */
async function sampleHits(db: Db, scope: AccountScope, query: Query, plan: ListPlan): Promise<Sampled | null> {
  const walking = plan.drive === 'walk';
  const sole = !walking && scope.sees === 'all' ? soleMembership(db, scope, query) : null;
  if (sole) return membershipSample(db, sole.table, sole.where);
  const sample = walking ? portfolioSample : isPostgres(db) ? await pageSample(db) : await rowidSample(db);
  if (!sample) return null;
  const result = await filteredAccounts(db, scope, query, walking ? plan : undefined)
    .where(sample.condition)
    .select((eb) => eb.fn.countAll().as('hits'))
    .executeTakeFirst();
  return { hits: Number(result?.hits ?? 0), scale: sample.scale };
}

/**
 * A list of one tag or one owner, estimated from that table's own rows (one per account; rows of
 * accounts in the bin count too, and the total shows as an estimate). PostgreSQL reads five times
 * the accounts' sample, as rows written together (an import tagging its accounts) lie together.
 */
async function membershipSample(db: Db, table: 'account_tags' | 'account_owners', where: RawBuilder<SqlBool>): Promise<Sampled | null> {
  if (isPostgres(db)) {
    const rows = await estimatedRows(db, table);
    if (!rows || rows <= sampleSize) return null;
    const percent = Math.min(100, (100 * 5 * sampleSize) / rows);
    const result = await sql<{ hits: number | string }>`select count(*) as hits
      from ${sql.table(table)} m tablesample system (${sql.lit(percent)}) repeatable (0) where ${where}`.execute(db);
    return { hits: Number(result.rows[0]?.hits ?? 0), scale: 100 / percent };
  }
  const sample = await rowidSample(db, table, 'm');
  if (!sample) return null;
  const result = await sql<{ hits: number | string }>`select count(*) as hits from ${sql.table(table)} m where ${where} and ${sample.condition}`.execute(db);
  return { hits: Number(result.rows[0]?.hits ?? 0), scale: sample.scale };
}

/** Which accounts a sample visits, and how many accounts each stands for. */
type Sample = { condition: RawBuilder<SqlBool>; scale: number };

/**
 * One portfolio row in 16: those whose id ends in 0 (UUIDv7 ids end in random digits), read from
 * a partial index holding only them.
 */
const portfolioSample: Sample = { condition: sql<SqlBool>`substr(accounts.id, 36, 1) = '0'`, scale: 16 };

/** SQLite: rows of `table` (accounts, by default) named `alias` in the query, probed by rowid, gaps counting as misses. */
async function rowidSample(db: Db, table: 'accounts' | 'account_tags' | 'account_owners' = 'accounts', alias = 'accounts'): Promise<Sample | null> {
  const result = await sql<{ top: number | null }>`select max(rowid) as top from ${sql.table(table)}`.execute(db);
  const top = Number(result.rows[0]?.top ?? 0);
  if (top <= sampleSize) return null;
  const step = Math.floor(top / sampleSize);
  const probes = Math.floor(top / step);
  // One rowid in each stretch of `step`, at an offset a hash of the stretch's number picks: an
  // even stride alone falls in step with data written in a cycle (every fifth row a company).
  const offset = sql`(i * 2654435761 + 40503) % 4294967291 % ${step}`;
  return {
    condition: sql<SqlBool>`${sql.ref(`${alias}.rowid`)} in (with recursive probe(i) as (select 0 union all select i + 1 from probe where i + 1 < ${probes}) select i * ${step} + ${offset} + 1 from probe)`,
    scale: top / probes,
  };
}

/** PostgreSQL: a fixed share of the table's pages (`tablesample system … repeatable`). */
async function pageSample(db: Db): Promise<Sample | null> {
  const rows = await estimatedRows(db, 'accounts');
  if (!rows || rows <= sampleSize) return null;
  const percent = (100 * sampleSize) / rows;
  return {
    condition: sql<SqlBool>`accounts.id = any(array(select s.id from accounts s tablesample system (${sql.lit(percent)}) repeatable (0)))`,
    scale: 100 / percent,
  };
}
