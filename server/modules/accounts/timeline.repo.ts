import type { HistoryKind } from '@contract/accounts';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '@server/db/database';
import { keysetPage, type SortPlan } from '@server/lib/list';
import { accountScope, auditRowVisible, type Actor } from '@server/policies';
import { seesAllAccounts } from '@server/policies/actor';

/**
 * An account's history in SQL: the audit rows of the account (and of the accounts merged into it),
 * only while the actor may see the account, without rows about private activities they may not
 * see or links to accounts outside their portfolio, narrowed to the kinds asked for.
 */
export type HistoryScope = { actor: Actor; accountId: string; accountIds: string[]; kinds: HistoryKind[] };

const entriesSort: SortPlan = { key: 'timeline', columns: ['audit_log.at', 'audit_log.id'], direction: 'desc' };
const itemsSort: SortPlan = { key: 'history', columns: ['items.at', 'items.key'], direction: 'desc' };

/** Which audit rows each kind of the history filter means. */
const kindConditions: Record<HistoryKind, RawBuilder<SqlBool>> = {
  fields: sql`(audit_log.entity in ('account', 'account_trait', 'account_merge') and audit_log.action not in ('owners_changed', 'logo_changed'))`,
  owners: sql`(audit_log.entity = 'account' and audit_log.action = 'owners_changed')`,
  contacts: sql`audit_log.entity in ('contact', 'account_relationship')`,
  activities: sql`audit_log.entity in ('activity', 'request')`,
  documents: sql`(audit_log.entity = 'document' or audit_log.action = 'logo_changed')`,
  tags: sql`audit_log.entity = 'account_tag'`,
};

/**
 * The account a link's twin row belongs to, as the reader finds it now: an account merged into
 * another one reads as the account it was merged into.
 */
const linkedAccount = (twinAccountId: RawBuilder<unknown>) => sql`coalesce((select m.survivor_id from account_merge_losers ml
  join account_merges m on m.id = ml.merge_id where ml.loser_id = ${twinAccountId} and m.undone_at is null limit 1), ${twinAccountId})`;

/**
 * A contact or relationship entry names the account at the other end of the link, whose history holds the
 * twin entry; for an actor who cannot see that account the entry is left out, or the history
 * would reveal a record outside their portfolio.
 */
function otherSideVisible(actor: Actor) {
  return sql<SqlBool>`(audit_log.entity not in ('contact', 'account_relationship') or not exists (
    select 1 from audit_log twin join accounts other on other.id = ${linkedAccount(sql.ref('twin.account_id'))}
    where twin.entity = audit_log.entity and twin.entity_id = audit_log.entity_id and twin.account_id <> audit_log.account_id
      and not ${accountScope(actor, 'other')}))`;
}

/** The audit rows of the history, unselected. */
function historyRows(db: Db, scope: HistoryScope) {
  const { actor, accountId, accountIds, kinds } = scope;
  let rows = db
    .selectFrom('audit_log')
    .where('audit_log.account_id', 'in', accountIds)
    .where((eb) => eb.exists(eb.selectFrom('accounts').select('accounts.id').where('accounts.id', '=', accountId).where(accountScope(actor))))
    .where(auditRowVisible(actor))
    // A merged account's "merged into this one" is the survivor's own "merged" entry told twice.
    .where((eb) => eb.not(eb.and([eb('audit_log.action', '=', 'merged_into'), eb('audit_log.account_id', '!=', accountId)])));
  if (!seesAllAccounts(actor)) rows = rows.where(otherSideVisible(actor));
  if (kinds.length > 0) rows = rows.where(sql<SqlBool>`(${sql.join(kinds.map((kind) => kindConditions[kind]), sql` or `)})`);
  return rows;
}

const entryColumns = [
  'audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'users.name as actor_name', 'audit_log.entity', 'audit_log.entity_id',
  'audit_log.account_id', 'audit_log.action', 'audit_log.changes', 'audit_log.batch_id',
] as const;

export type EntryRow = {
  id: string; at: string; actor_id: string | null; actor_name: string | null; entity: string; entity_id: string;
  account_id: string | null; action: string; changes: string; batch_id: string | null;
};

/** One page of the entries one batch wrote on the account (an expanded group), newest first. */
export async function batchEntriesPage(db: Db, scope: HistoryScope, batchId: string, page: { limit: number; cursor?: string | undefined }) {
  const base = historyRows(db, scope).where('audit_log.batch_id', '=', batchId);
  const rows = base.leftJoin('users', 'users.id', 'audit_log.actor_id').select(entryColumns);
  return keysetPage(db, base, rows, entriesSort, page, (row) => [row.at, row.id]);
}

/** A row of the history's page: a single entry (`grouped` 0) or what one batch wrote (`grouped` 1). */
export type ItemRow = { key: string; at: string; grouped: number; n: number; first_id: string; actor_id: string | null };

/**
 * One page of the history, newest first: every entry written by hand, and each batch (an import,
 * a bulk action, a merge) as one item at the time of its last entry. Keyset on (time, key): a
 * batch's key is its batch id, an entry's its id.
 */
export async function historyItemsPage(db: Db, scope: HistoryScope, page: { limit: number; cursor?: string | undefined }) {
  const singles = historyRows(db, scope).where('audit_log.batch_id', 'is', null).select([
    sql<string>`audit_log.id`.as('key'), sql<string>`audit_log.at`.as('at'), sql<number>`0`.as('grouped'), sql<number>`1`.as('n'),
    sql<string>`audit_log.id`.as('first_id'), sql<string | null>`audit_log.actor_id`.as('actor_id'),
  ]);
  const batches = historyRows(db, scope).where('audit_log.batch_id', 'is not', null).groupBy('audit_log.batch_id').select([
    sql<string>`audit_log.batch_id`.as('key'), sql<string>`max(audit_log.at)`.as('at'), sql<number>`1`.as('grouped'), sql<number>`count(*)`.as('n'),
    sql<string>`min(audit_log.id)`.as('first_id'), sql<string | null>`max(audit_log.actor_id)`.as('actor_id'),
  ]);
  const itemsDb = db.withTables<{ items: ItemRow }>();
  const items = itemsDb.selectFrom(singles.unionAll(batches).as('items'));
  const result = await keysetPage(itemsDb, items, items.selectAll('items'), itemsSort, page, (row) => [row.at, row.key]);
  return { ...result, rows: result.rows.map((row): ItemRow => ({ ...row, grouped: Number(row.grouped), n: Number(row.n) })) };
}

/** Entries by id, with their author's name. */
export const entriesByIds = (db: Db, ids: string[]): Promise<EntryRow[]> =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id').select(entryColumns).where('audit_log.id', 'in', ids).execute();

/** How many entries of each action each batch wrote that the history shows. */
export async function batchActionCounts(db: Db, scope: HistoryScope, batchIds: string[]): Promise<Array<{ batch_id: string; action: string; n: number }>> {
  if (batchIds.length === 0) return [];
  const rows = await historyRows(db, scope).where('audit_log.batch_id', 'in', batchIds)
    .groupBy(['audit_log.batch_id', 'audit_log.action'])
    .select([sql<string>`audit_log.batch_id`.as('batch_id'), 'audit_log.action', sql<number | string>`count(*)`.as('n')])
    .orderBy(sql`count(*)`, 'desc').orderBy('audit_log.action')
    .execute();
  return rows.map((row) => ({ ...row, n: Number(row.n) }));
}

/**
 * The account at the other end of each contact or relationship entry (through its twin row), where
 * the actor may see it: "Contact added: Lucía Pérez" even when the entry itself names nobody.
 */
export async function linkedAccounts(db: Db, actor: Actor, entryIds: string[]) {
  if (entryIds.length === 0) return [];
  const result = await sql<{ entry_id: string; id: string; name: string; kind: 'organization' | 'person' }>`
    select e.id as entry_id, other.id, other.name, other.kind
    from audit_log e
    join audit_log twin on twin.entity = e.entity and twin.entity_id = e.entity_id and twin.account_id <> e.account_id
    join accounts other on other.id = ${linkedAccount(sql.ref('twin.account_id'))}
    where e.id in (${sql.join(entryIds)}) and e.entity in ('contact', 'account_relationship') and ${accountScope(actor, 'other')}`.execute(db);
  return result.rows;
}

/** The names of these accounts the actor may see; the others are absent from the answer. */
export async function visibleAccountNames(db: Db, actor: Actor, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['accounts.id', 'accounts.name']).where('accounts.id', 'in', unique).where(accountScope(actor)).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
