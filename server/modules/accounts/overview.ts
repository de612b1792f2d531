import type { AccountOverview, OverviewCounter } from '@contract/accounts';
import type { Db } from '@server/db/database';
import { accountScope, type Actor } from '@server/policies';

/**
 * One overview counter (seed 003: open activities, active projects, unsigned agreements,
 * invoiced this year…): for a set of accounts the actor can already see, one grouped query
 * answering a number per account. Counters of related records go through the portfolio too.
 */
export type OverviewCounterFn = (db: Db, actor: Actor, accountIds: string[]) => Promise<Map<string, number>>;

const toMap = (rows: Array<{ id: string; n: number | string }>): Map<string, number> =>
  new Map(rows.map((row) => [row.id, Number(row.n)]));

/** Contact persons of an organization that the actor may see (a contact outside the portfolio is not counted). */
const contacts: OverviewCounterFn = async (db, actor, accountIds) =>
  toMap(
    await db
      .selectFrom('contacts')
      .innerJoin('accounts as p', 'p.id', 'contacts.person_id')
      .where('contacts.organization_id', 'in', accountIds)
      .where(accountScope(actor, 'p'))
      .select(['contacts.organization_id as id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('contacts.organization_id')
      .execute(),
  );

/** Documents in the account's documents tab (the logo is not one). */
const documents: OverviewCounterFn = async (db, _actor, accountIds) =>
  toMap(
    await db
      .selectFrom('documents')
      .where('documents.account_id', 'in', accountIds)
      .where('documents.purpose', '=', 'document')
      .select(['documents.account_id as id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('documents.account_id')
      .execute(),
  );

/** The registry: every key of the contract has its counter (the type makes a missing one a compile error). */
export const overviewCounters: Record<OverviewCounter, OverviewCounterFn> = { contacts, documents };

/**
 * The asked counters for visible accounts (the caller got the ids through the portfolio):
 * one grouped query per counter, whatever the number of accounts, so a list page stays bounded.
 */
export async function overviewsOf(db: Db, actor: Actor, accountIds: string[], keys: readonly OverviewCounter[]): Promise<Map<string, AccountOverview>> {
  const result = new Map<string, AccountOverview>(accountIds.map((id) => [id, {}]));
  if (accountIds.length === 0 || keys.length === 0) return result;
  const counted = await Promise.all(keys.map(async (key) => [key, await overviewCounters[key](db, actor, accountIds)] as const));
  for (const id of accountIds) {
    const overview: AccountOverview = {};
    for (const [key, counts] of counted) overview[key] = counts.get(id) ?? 0;
    result.set(id, overview);
  }
  return result;
}
