import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { AccountListQuery } from '@contract/accounts';
import { exactTotalLimit } from '@contract/common';
import { isPostgres, type Db } from '@server/db/database';
import { estimatedRows } from '@server/db/statistics';
import { countUpTo } from '@server/lib/list';
import type { Actor } from '@server/policies';
import { seesAllAccounts } from '@server/policies/actor';
import { filteredAccounts, planList, rowsUpTo, soleMembership, type ListPlan, type ListPlans } from './account-filters.repo';

/**
 * A first page counts its list exactly when the count's plan visits at most this many rows (a
 * page of an agent's 5,000 accounts, a column filter read along its index). Past it the count
 * would dominate the page (a tag on 300,000 accounts checks 33,000 of them to reach 10,001; a
 * team of 50,000 reads them all), and a sample answers instead.
 */
const exactBudget = 15_000;
/**
 * Accounts a sample visits, spread evenly over the table, each checked against every filter.
 * Each costs a row read and a probe per membership (a tag: 2.8 µs on SQLite), so the sample was
 * most of an admin's tag list (3,000: 8 ms). With 2,000 one standard deviation is ±4.5% for a
 * list of 30% of the accounts and ±11% for one of 4% (a common surname: 39,603 estimated at
 * 33,000; at 3,000 it was ±9% and 44,000): an estimate, shown as "about".
 */
const sampleSize = 2_000;
/** Fewer matches than this in a sample say too little (±20% at 25): the list counts instead. */
const minHits = 25;
/**
 * A sample asked before anything was counted is believed only when the list is past the limit
 * by three standard deviations (hits − 3√hits, scaled): a team's portfolio sample must find about
 * 700 (≈ 11,300), the table's 2,000-account sample at a million accounts 36 (≈ 18,000). A list
 * of 9,500 then reads as an estimate about once in 5,000; lists between go to an exact count.
 */
const clearDeviations = 3;

/**
 * The first page's count as keysetPage wants it (see totalOf in server/lib/list.ts): exact up to
 * 10,000; for larger lists an estimate from a sample when it is clear the list is larger
 * (≈ 300,000 tells more than "10,000+"), else one past the limit.
 */
export async function countAccounts(db: Db, actor: Actor, query: AccountListQuery, plans: ListPlans): Promise<number> {
  // Read from an index alone, however many (an admin's "garcia" at a million accounts: 40,000).
  if (plans.indexCount) return plans.indexCount.size ?? rowsUpTo(db, plans.indexCount.rows);
  const exact = (plan: ListPlan) => countUpTo(db, filteredAccounts(db, actor, query, plan), exactTotalLimit);
  if (plans.count.scope === 'walk' && plans.memberships === 0 && plans.portfolio !== null) {
    // A portfolio past the limit asks its sample first (a sixteenth of it, from its own index):
    // a list it finds clearly past the limit (see clearDeviations) is not walked to 10,001 (a
    // team's tag: 33,000 rows).
    if (plans.portfolio > exactTotalLimit) {
      const estimate = await sampledEstimate(db, actor, query, plans.count, true);
      if (estimate !== null) return estimate;
    }
    const counted = await exact(plans.count);
    if (counted <= exactTotalLimit) return counted;
    return (await sampledEstimate(db, actor, query, plans.count)) ?? wholePortfolio(db, actor, query, plans);
  }
  // A walked portfolio expected to hold twice the limit goes to its sample at once.
  const clearlyLarge = plans.count.scope === 'walk' && (plans.count.matches ?? 0) >= 2 * exactTotalLimit;
  if (plans.count.cost <= exactBudget && !clearlyLarge) {
    const counted = await exact(plans.count);
    return counted <= exactTotalLimit ? counted : (await sampledEstimate(db, actor, query, plans.count)) ?? counted;
  }
  // Nothing counted yet: believed only clearly past the limit (see clearDeviations).
  const estimate = await sampledEstimate(db, actor, query, plans.count, true);
  if (estimate !== null) return estimate;
  // `plans` sized the sets as far as a page needs; an exact count of a large list wants them
  // sized further, to lead with the smallest (a team's 50,000 accounts rather than a city's 67,000).
  return exact((await planList(db, actor, query, true)).count);
}

/**
 * A portfolio walked with nothing to probe, past the limit and too few in its sample to estimate
 * it: counted whole in one pass (a team's 50,000 rows: 10-15 ms on SQLite), rounded as a sample's
 * estimate would be.
 */
async function wholePortfolio(db: Db, actor: Actor, query: AccountListQuery, plans: ListPlans): Promise<number> {
  const counted = await countUpTo(db, filteredAccounts(db, actor, query, plans.count), plans.portfolio ?? 0);
  return counted <= exactTotalLimit ? counted : Math.max(Number(counted.toPrecision(2)), exactTotalLimit + 1);
}

/**
 * Whether a first page should count in the same query (`count(*) over ()`), and how, when the
 * exact count fits its budget:
 * - `ids`: the count reads a few accounts by their ids (read while planning); the page read the
 *   same way sorts them and counts them in one pass, and later pages read them the same way.
 * - `walk`: page and count both walk the portfolio probing memberships (or checking search words)
 *   for each row. The count checks every row anyway, so the page sorts what it found instead of
 *   walking again (an agent's "garcia": 5,000 rows for the count, and 1,300 more for a page of 51
 *   taken 4 in 100).
 * Null: the page and its count run apart (always when the index counts the list, see indexCount).
 */
export function countsWithPage(plans: ListPlans, postgres: boolean): 'ids' | 'walk' | null {
  if (plans.count.cost > exactBudget) return null;
  if (plans.count.ids !== undefined) return 'ids';
  // Counted from an index alone (a team's "garcia": 1,950 in 2 ms), where a pass with the page
  // would check every row the page walks.
  if (plans.indexCount) return null;
  // Not for search words on PostgreSQL: checked on a portfolio row's words, which a count alone
  // reads from an index holding only them (portfolio_accounts_words_idx), while a page counted in
  // the same pass reads every row from the table, in no order (a team's "garcia" at a million
  // accounts: 72 ms, where the page and its count apart take about 25).
  const perRow = plans.memberships + (postgres ? 0 : plans.checked);
  return plans.count.scope === 'walk' && plans.page.scope === 'walk' && perRow > 0 ? 'walk' : null;
}

/**
 * Matching accounts estimated from a sample, rounded to two significant figures, or null when the
 * sample found too few to say the list is clearly past the exact limit. A walked portfolio samples
 * its own rows (portfolioSample), an admin's list of one tag or owner the rows of that table
 * (membershipSample); otherwise SQLite probes one rowid in each even stretch from 1 to the
 * highest (gaps count as misses, so no statistics are needed) and PostgreSQL reads a fixed share
 * of the table's pages (`tablesample system … repeatable`). Every sample is the same on
 * every call, so the total does not flicker between refreshes, and spreads over the whole table
 * or portfolio, so accounts imported together do not skew it.
 */
async function sampledEstimate(db: Db, actor: Actor, query: AccountListQuery, plan: ListPlan, clearly = false): Promise<number | null> {
  const sampled = await sampleHits(db, actor, query, plan);
  if (!sampled) return null;
  const { hits, scale } = sampled;
  if (hits < minHits) return null;
  const estimate = Number((hits * scale).toPrecision(2));
  const lowest = clearly ? (hits - clearDeviations * Math.sqrt(hits)) * scale : estimate;
  return lowest > exactTotalLimit + 1 ? estimate : null;
}

/** What a sample found, and how many accounts each of its rows stands for; null with no sample to take. */
type Sampled = { hits: number; scale: number };

async function sampleHits(db: Db, actor: Actor, query: AccountListQuery, plan: ListPlan): Promise<Sampled | null> {
  const walking = plan.scope === 'walk';
  const sole = !walking && seesAllAccounts(actor) ? soleMembership(query) : null;
  if (sole) return membershipSample(db, sole.table, sole.where);
  const sample = walking ? portfolioSample : isPostgres(db) ? await pageSample(db) : await rowidSample(db);
  if (!sample) return null;
  const result = await filteredAccounts(db, actor, query, walking ? plan : undefined)
    .where(sample.condition)
    .select((eb) => eb.fn.countAll().as('hits'))
    .executeTakeFirst();
  return { hits: Number(result?.hits ?? 0), scale: sample.scale };
}

/**
 * An admin's list of one tag or one owner (see soleMembership), estimated from a sample of that
 * table's own rows, each of them one account: the table's sample of accounts probed each account
 * for the tag (an admin's list of a tag on 300,000 of a million accounts: 10 ms of its 15 ms on
 * SQLite), where these rows are read by rowid or by page from a narrow table. Rows of accounts in
 * the bin count too: the total is shown as an estimate. SQLite probes rowids as for accounts;
 * PostgreSQL reads a share of the table's pages for five times the rows of the accounts' sample,
 * as rows written together (an import tagging its accounts) lie together.
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
 * One portfolio row in 16: those whose id ends in 0. Ids are UUIDv7, whose last twelve hex digits
 * are random, so this is an even sample of any portfolio, read from its own index (a team's 50,000
 * rows: 3,125 read), where a sample of all accounts probed the portfolio for each account.
 */
const portfolioSample: Sample = { condition: sql<SqlBool>`substr(accounts.id, 36, 1) = '0'`, scale: 16 };

/** SQLite: rows of `table` (accounts, by default) named `alias` in the query, probed by rowid. */
async function rowidSample(db: Db, table: 'accounts' | 'account_tags' | 'account_owners' = 'accounts', alias = 'accounts'): Promise<Sample | null> {
  const result = await sql<{ top: number | null }>`select max(rowid) as top from ${sql.table(table)}`.execute(db);
  const top = Number(result.rows[0]?.top ?? 0);
  if (top <= sampleSize) return null;
  const step = Math.floor(top / sampleSize);
  const probes = Math.floor(top / step);
  // One rowid in each stretch of `step`, at an offset that a hash of the stretch's number picks:
  // an even stride alone falls in step with data written in a cycle (every fifth row a company).
  const offset = sql`(i * 2654435761 + 40503) % 4294967291 % ${step}`;
  return {
    condition: sql<SqlBool>`${sql.ref(`${alias}.rowid`)} in (with recursive probe(i) as (select 0 union all select i + 1 from probe where i + 1 < ${probes}) select i * ${step} + ${offset} + 1 from probe)`,
    scale: top / probes,
  };
}

async function pageSample(db: Db): Promise<Sample | null> {
  const rows = await estimatedRows(db, 'accounts');
  if (!rows || rows <= sampleSize) return null;
  const percent = (100 * sampleSize) / rows;
  return {
    condition: sql<SqlBool>`accounts.id = any(array(select s.id from accounts s tablesample system (${sql.lit(percent)}) repeatable (0)))`,
    scale: 100 / percent,
  };
}
