import { sql, type SqlBool } from 'kysely';
import type { AccountScope } from '@server/policies';
import { portfolioProbeCost } from './costs';
import { rowsOf, type Membership } from './membership.repo';

// Filters on the company counters kept on each account by triggers (2026-12-12T1100-account-counters).

type CounterColumn = 'open_tasks' | 'open_tasks_shared';

/** Accounts whose counter exceeds `above`: read along the counter's index, checked on the account's (or portfolio) row. */
function counterAbove(column: CounterColumn, above: number): Membership {
  const check = sql<SqlBool>`${sql.ref(`accounts.${column}`)} > ${above}`;
  return {
    set: sql`select a.id as account_id from accounts a where a.discarded_at is null and ${sql.ref(`a.${column}`)} > ${above}`,
    check,
    onPortfolio: () => check,
  };
}

/** The reader's own private open tasks on the account `account` names. */
const ownPrivateTasks = (reader: string, account: unknown) =>
  sql<number>`(select count(*) from activities ot where ot.account_id = ${account} and ot.type = 'task' and ot.status = 'scheduled'
    and ot.is_private and ot.responsible_id = ${reader})`;

/**
 * "More than N open tasks", counted as the reader sees them: every task for those who see all
 * private ones; for anyone else the tasks not private plus their own private ones (exact: an
 * account short of N by the shared count alone is checked against the reader's private tasks,
 * which are few and lead the second half of the set).
 */
export function openTasksAbove(above: number, scope: AccountScope): Membership {
  if (scope.privateTasks === 'all') return counterAbove('open_tasks', above);
  const reader = scope.privateTasks.of;
  const shared = counterAbove('open_tasks_shared', above);
  const check = sql<SqlBool>`(accounts.open_tasks_shared > ${above} or accounts.open_tasks_shared + ${ownPrivateTasks(reader, sql.ref('accounts.id'))} > ${above})`;
  return {
    set: sql`${shared.set} union select a.id as account_id from accounts a
      where a.discarded_at is null and a.open_tasks_shared <= ${above}
        and a.id in (select mine.account_id from activities mine where mine.responsible_id = ${reader} and mine.status = 'scheduled' and mine.type = 'task' and mine.is_private)
        and a.open_tasks_shared + ${ownPrivateTasks(reader, sql.ref('a.id'))} > ${above}`,
    check,
    onPortfolio: () => check,
    // Accounts the shared count leaves short look the reader's private tasks up.
    rowCost: portfolioProbeCost,
  };
}

/**
 * "Invoiced this year above X" in one currency (the base currency of the counters' basis when
 * none is given), read from the sums per account, year and currency: never across currencies.
 */
export function invoicedAbove(above: number, currency: string | undefined): Membership {
  const year = String(new Date().getUTCFullYear());
  const inCurrency = currency ?? sql`(select b.currency from account_counter_basis b)`;
  return rowsOf('account_invoiced', sql<SqlBool>`m.year = ${year} and m.currency = ${inCurrency} and m.amount > ${above}`);
}
