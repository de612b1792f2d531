import type { AccountOverview, OverviewCounter } from '@contract/accounts';
import type { Db } from '@server/db/database';
import { sql, type RawBuilder } from 'kysely';
import { accountScope, activityPrivacy, seesPrivateActivities, type Actor } from '@server/policies';

/**
 * One overview counter (seed 003: open activities, active projects, unsigned agreements,
 * invoiced this year…) as a count of related records of one account, correlated on `account`
 * (a reference to an accounts id column). Counters of related records go through the portfolio too.
 */
export type OverviewCounterSql = (actor: Actor, account: RawBuilder<unknown>) => RawBuilder<number | string | null>;

/** Contact persons of an organization that the actor may see (a contact outside the portfolio is not counted). */
const contacts: OverviewCounterSql = (actor, account) =>
  sql<number>`(select count(*) from contacts oc join accounts p on p.id = oc.person_id where oc.organization_id = ${account} and ${accountScope(actor, 'p')})`;

/** Documents in the account's documents tab (the logo is not one). */
const documents: OverviewCounterSql = (_actor, account) =>
  sql<number>`(select count(*) from documents od where od.account_id = ${account} and od.purpose = 'document')`;

/** Scheduled activities on the account that the actor may see (private ones only for those allowed). */
const openActivities: OverviewCounterSql = (actor, account) =>
  sql<number>`(select count(*) from activities oa where oa.account_id = ${account} and oa.status = 'scheduled' and ${activityPrivacy(actor, 'oa')})`;

/** A counter the triggers keep on the account (2026-12-12T1100-account-counters), read by its id. */
const kept = (column: 'active_projects' | 'open_tasks' | 'open_tasks_shared' | 'unsigned_agreements', account: RawBuilder<unknown>) =>
  sql<number>`(select ${sql.ref(`ok.${column}`)} from accounts ok where ok.id = ${account})`;

/**
 * The organization's projects in status active. A project is visible exactly when its organization
 * is, and the caller reads this of an account the actor sees, so every one of them counts.
 */
const activeProjects: OverviewCounterSql = (_actor, account) => kept('active_projects', account);

/**
 * Tasks not done yet (scheduled activities of type task) on the account, counted as the actor may
 * see them: a private task only for its responsible user, CRM managers and admins. The counts kept
 * on the account change in the transaction of each write, so they are exact whatever is being
 * written meanwhile; the reader's own private tasks are counted here.
 */
const openTasks: OverviewCounterSql = (actor, account) =>
  seesPrivateActivities(actor)
    ? kept('open_tasks', account)
    : sql<number>`(${kept('open_tasks_shared', account)} + (select count(*) from activities ot where ot.account_id = ${account}
        and ot.type = 'task' and ot.status = 'scheduled' and ot.is_private and ot.responsible_id = ${actor.id}))`;

/**
 * Agreements sent and not signed by both (sent, or signed by the customer only). An agreement is
 * visible exactly when its organization is, and the caller reads this of an account the actor sees,
 * so every one of them counts. Kept on the account in the transaction of each write: exact under concurrent writes.
 */
const unsignedAgreements: OverviewCounterSql = (_actor, account) => kept('unsigned_agreements', account);

/**
 * What the organization was billed this calendar year (UTC): issued invoices' totals (partly paid,
 * paid and overdue ones too; drafts and cancelled ones not), summed per currency and never across
 * them, as `EUR:1500,USD:20` (largest first), from the sums the triggers keep per year and
 * currency. Invoices are visible exactly when their organization is.
 */
const invoicedThisYear: OverviewCounterSql = (_actor, account) => {
  const year = String(new Date().getUTCFullYear());
  return sql<string | null>`(select string_agg(iy.currency || ':' || iy.amount, ',' order by iy.amount desc, iy.currency)
    from account_invoiced iy where iy.account_id = ${account} and iy.year = ${year} and iy.amount <> 0)`;
};

/** `EUR:1500,USD:20` as amounts per currency. */
const moneyList = (value: unknown): Array<{ amount: number; currency: string }> =>
  typeof value === 'string' && value !== ''
    ? value.split(',').map((part) => ({ currency: part.slice(0, 3), amount: Number(part.slice(4)) }))
    : [];

/** The registry: every key of the contract has its counter (the type makes a missing one a compile error). */
export const overviewCounters: Record<OverviewCounter, OverviewCounterSql> = { openActivities, contacts, documents, activeProjects, openTasks, unsignedAgreements, invoicedThisYear };

/** The asked counters as select expressions on an accounts query, aliased `overview_<key>`. */
export const overviewSelections = (actor: Actor, keys: readonly OverviewCounter[], alias = 'accounts') =>
  keys.map((key) => overviewCounters[key](actor, sql.ref(`${alias}.id`)).as(`overview_${key}`));

/** The counters a row selected with overviewSelections carries. */
export function overviewOf(row: Record<string, unknown>, keys: readonly OverviewCounter[]): AccountOverview {
  const overview: AccountOverview = {};
  for (const key of keys) {
    const value = row[`overview_${key}`];
    if (key === 'invoicedThisYear') overview[key] = moneyList(value);
    else overview[key] = Number(value ?? 0);
  }
  return overview;
}

/**
 * The asked counters for visible accounts (the caller got the ids through the portfolio), in one
 * query whatever the number of accounts and counters, so a list page stays bounded.
 */
export async function overviewsOf(db: Db, actor: Actor, accountIds: string[], keys: readonly OverviewCounter[]): Promise<Map<string, AccountOverview>> {
  const result = new Map<string, AccountOverview>(accountIds.map((id) => [id, {}]));
  if (accountIds.length === 0 || keys.length === 0) return result;
  const rows = await db.selectFrom('accounts').select('accounts.id').select(overviewSelections(actor, keys)).where('accounts.id', 'in', accountIds).execute();
  for (const row of rows) result.set(row.id, overviewOf(row, keys));
  return result;
}
