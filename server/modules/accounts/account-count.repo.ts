import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { AccountListQuery } from '@contract/accounts';
import { exactTotalLimit } from '@contract/common';
import { isPostgres, type Db } from '@server/db/database';
import { estimatedRows } from '@server/db/statistics';
import { countUpTo } from '@server/lib/list';
import type { Actor } from '@server/policies';
import { filteredAccounts, planList, type ListPlan, type ListPlans } from './account-filters.repo';

/**
 * A first page counts its list exactly when the count's plan visits at most this many rows (a
 * page of an agent's 5,000 accounts, a column filter read along its index). Past it the count
 * would dominate the page (a tag on 300,000 accounts checks 33,000 of them to reach 10,001; a
 * team of 50,000 reads them all), and a sample answers instead.
 */
const exactBudget = 15_000;
/** Accounts a sample visits, spread evenly over the table, each checked against every filter. */
const sampleSize = 3_000;
/** Fewer matches than this in a sample say too little (±20% at 25): the list counts instead. */
const minHits = 25;

/**
 * The first page's count as keysetPage wants it (see totalOf in server/lib/list.ts): exact up to
 * 10,000; for larger lists an estimate from a sample when it is clear the list is larger
 * (≈ 300,000 tells more than "10,000+"), else one past the limit.
 */
export async function countAccounts(db: Db, actor: Actor, query: AccountListQuery, plans: ListPlans): Promise<number> {
  const exact = (plan: ListPlan) => countUpTo(db, filteredAccounts(db, actor, query, plan), exactTotalLimit);
  if (plans.count.cost <= exactBudget) {
    const counted = await exact(plans.count);
    return counted <= exactTotalLimit ? counted : (await sampledEstimate(db, actor, query)) ?? counted;
  }
  const estimate = await sampledEstimate(db, actor, query);
  if (estimate !== null) return estimate;
  // `plans` sized the sets as far as a page needs; an exact count of a large list wants them
  // sized further, to lead with the smallest (a team's 50,000 accounts rather than a city's 67,000).
  return exact((await planList(db, actor, query, true)).count);
}

/**
 * Whether a first page should count in the same query (`count(*) over ()`): when the exact count
 * reads a bounded set of accounts whole (a portfolio, or ids read while planning), the page read
 * the same way sorts that set and counts it in one pass. An agent's 5,000 accounts were read
 * twice, once walking the sort index for the page and once for the count (PostgreSQL: 127 ms,
 * now 31). Later pages of such a list read the set the same way (without the count).
 */
export const countsWithPage = (plans: ListPlans): boolean =>
  plans.count.cost <= exactBudget && (plans.count.scope === 'portfolio' || plans.count.ids !== undefined);

/**
 * Matching accounts estimated from a sample, rounded to two significant figures, or null when the
 * sample found too few to say the list is clearly past the exact limit. SQLite probes one rowid
 * in each even stretch from 1 to the highest (gaps count as misses, so no statistics are needed);
 * PostgreSQL reads a fixed share of the table's pages (`tablesample system … repeatable`). Both
 * samples are the same on every call, so the total does not flicker between refreshes, and both
 * spread over the whole table, so accounts imported together do not skew it.
 */
async function sampledEstimate(db: Db, actor: Actor, query: AccountListQuery): Promise<number | null> {
  const sample = isPostgres(db) ? await pageSample(db) : await rowidSample(db);
  if (!sample) return null;
  const result = await filteredAccounts(db, actor, query)
    .where(sample.condition)
    .select((eb) => eb.fn.countAll().as('hits'))
    .executeTakeFirst();
  const hits = Number(result?.hits ?? 0);
  if (hits < minHits) return null;
  const estimate = Number((hits * sample.scale).toPrecision(2));
  return estimate > exactTotalLimit + 1 ? estimate : null;
}

/** Which accounts a sample visits, and how many accounts each stands for. */
type Sample = { condition: RawBuilder<SqlBool>; scale: number };

async function rowidSample(db: Db): Promise<Sample | null> {
  const result = await sql<{ top: number | null }>`select max(rowid) as top from accounts`.execute(db);
  const top = Number(result.rows[0]?.top ?? 0);
  if (top <= sampleSize) return null;
  const step = Math.floor(top / sampleSize);
  const probes = Math.floor(top / step);
  // One rowid in each stretch of `step`, at an offset that a hash of the stretch's number picks:
  // an even stride alone falls in step with data written in a cycle (every fifth row a company).
  const offset = sql`(i * 2654435761 + 40503) % 4294967291 % ${step}`;
  return {
    condition: sql<SqlBool>`accounts.rowid in (with recursive probe(i) as (select 0 union all select i + 1 from probe where i + 1 < ${probes}) select i * ${step} + ${offset} + 1 from probe)`,
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
