import { sql } from 'kysely';
import type { OverviewCounter, UserRef } from '@contract/accounts';
import { isPostgres, type AccountPatch, type AccountRow, type Db, type NewAccount } from '@server/db/database';
import { reusableQuery } from '@server/db/reusable-query';
import { inChunks } from '@server/lib/chunks';
import { keysetPage, type SortPlan } from '@server/lib/list';
import { overviewSelections } from './overview.repo';
import { accountScope, actorKey, type Actor } from '@server/policies';

/** An account the actor may see, or undefined (outside the portfolio, discarded, or absent). */
export const findVisibleAccount = (db: Db, actor: Actor, id: string): Promise<AccountRow | undefined> =>
  db.selectFrom('accounts').selectAll().where('id', '=', id).where(accountScope(actor)).executeTakeFirst();

type DetailShape = { actor: Actor; counters: readonly OverviewCounter[]; visibleOnly: boolean };

/**
 * The account's owners by name, as a JSON array of { id, name } in the account's row: its page
 * then takes one round trip, not two (on PostgreSQL the second was a quarter of a single
 * account's request).
 */
const ownersJson = (postgres: boolean) => (postgres
  ? sql<string>`(select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name, u.id), '[]')::text
      from account_owners o join users u on u.id = o.user_id where o.account_id = accounts.id)`
  : sql<string>`(select json_group_array(json_object('id', u.id, 'name', u.name) order by u.name, u.id)
      from account_owners o join users u on u.id = o.user_id where o.account_id = accounts.id)`);

/** The SQL differs by actor (their portfolio), counters and visibility: the key names all three. */
const accountDetail = reusableQuery(
  ({ actor, counters, visibleOnly }: DetailShape) => `${actorKey(actor)} ${counters.join()} ${visibleOnly}`,
  // The creator's and parent's names as scalar subqueries: any join made reading accounts.*
  // several times slower on both databases (docs/lists.md).
  (db, { actor, counters, visibleOnly }, slots: { id: string }) => db.selectFrom('accounts')
    .selectAll('accounts')
    .select((eb) => [
      eb.selectFrom('users as creator').select('creator.name').whereRef('creator.id', '=', 'accounts.created_by').as('created_by_name'),
      eb.selectFrom('accounts as parent').select('parent.name')
        .whereRef('parent.id', '=', 'accounts.parent_id').where(accountScope(actor, 'parent')).as('parent_name'),
      ownersJson(isPostgres(db)).as('owners_json'),
    ])
    .select(overviewSelections(actor, counters))
    .where('accounts.id', '=', slots.id)
    .$if(visibleOnly, (query) => query.where(accountScope(actor))),
);

/**
 * An account as its page shows it, in one query: the row, its owners, its creator's name, its
 * parent when the actor may see that too, and the overview counters. `visibleOnly` false reads an
 * account the caller has just written whatever the actor's portfolio now says (owners may have
 * changed).
 */
export const findAccountDetail = async (db: Db, actor: Actor, id: string, counters: readonly OverviewCounter[], visibleOnly: boolean) =>
  (await accountDetail(db, { actor, counters, visibleOnly }, { id }))[0];

export type AccountDetailRow = NonNullable<Awaited<ReturnType<typeof findAccountDetail>>>;

export const findAccount = (db: Db, id: string): Promise<AccountRow | undefined> =>
  db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertAccount(db: Db, row: NewAccount): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

/** Writes a patch and bumps the version, only if the version is still the one read. */
export async function updateAccountRow(db: Db, id: string, version: number, patch: AccountPatch): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Accounts whose search documents SQLite writes when they leave this table (see the account-terms-fts migration). */
type PendingTable = { account_terms_fts_pending: { account_id: string; changed: number } };

/**
 * Runs `work`, which writes the terms or owners of accounts `ids`, so that SQLite writes each
 * one's search document (account_terms_fts) once, when it is done, and only if they changed
 * (`created`: new accounts, whose documents are written in any case). Named as pending, the
 * triggers only note changes, and letting them go writes the changed documents. Written row by
 * row instead, a document is rewritten for each term and owner, and FTS5 flushes a new segment
 * each time (an import's updates ran five times slower: BENCHMARKS.md, seventh session). Not
 * nested: the inner call would let go early.
 */
async function withSearchDocumentsOnce<T>(db: Db, ids: readonly string[], work: () => Promise<T>, created = false): Promise<T> {
  if (isPostgres(db)) return work();
  const pending = db.withTables<PendingTable>();
  const rows = ids.map((id) => ({ account_id: id, changed: created ? 1 : 0 }));
  await inChunks(rows, (chunk) => pending.insertInto('account_terms_fts_pending').values(chunk).onConflict((oc) => oc.doNothing()).execute());
  try {
    return await work();
  } finally {
    // Also when `work` fails: outside a transaction what it wrote stays, and must be indexed.
    await inChunks(rows, (chunk) => pending.deleteFrom('account_terms_fts_pending').where('account_id', 'in', chunk.map((row) => row.account_id)).execute());
  }
}

/**
 * Multi-row inserts of new accounts, their terms and owners: the batch path of imports and the
 * data generator, each account's search document written once (see withSearchDocumentsOnce).
 */
export async function insertAccountsBulk(
  db: Db, rows: NewAccount[], terms: Array<{ account_id: string; term: string }>, owners: Array<{ account_id: string; user_id: string }>,
): Promise<void> {
  await withSearchDocumentsOnce(db, rows.map((row) => row.id), async () => {
    await inChunks(rows, (chunk) => db.insertInto('accounts').values(chunk).execute());
    await inChunks(terms, (chunk) => db.insertInto('account_terms').values(chunk).execute());
    await inChunks(owners, (chunk) => db.insertInto('account_owners').values(chunk).execute());
  }, true);
}

/**
 * Live accounts of a kind in the actor's portfolio that share a duplicate key with an incoming
 * row: an e-mail or phone search term, a tax id, or (for rows without any of those) the name.
 * The kind is checked on the few rows found, not in SQL: with it there, SQLite's planner walks
 * the kind index over every account instead of seeking the key.
 */
export async function findDuplicateCandidates(
  db: Db, actor: Actor, kind: 'organization' | 'person',
  keys: { terms: string[]; taxIds: string[]; names: string[] },
): Promise<Array<{ id: string; key: string }>> {
  const found: Array<{ id: string; kind: string; key: string }> = [];
  if (keys.terms.length > 0) {
    const rows = await db.selectFrom('account_terms').innerJoin('accounts', 'accounts.id', 'account_terms.account_id')
      .select(['accounts.id', 'accounts.kind', 'account_terms.term as key'])
      .where('account_terms.term', 'in', keys.terms).where(accountScope(actor)).execute();
    found.push(...rows.map((row) => ({ ...row, key: `term:${row.key}` })));
  }
  if (keys.taxIds.length > 0) {
    const rows = await db.selectFrom('accounts').select(['accounts.id', 'accounts.kind', 'accounts.tax_id_norm as key'])
      .where('accounts.tax_id_norm', 'in', keys.taxIds).where(accountScope(actor)).execute();
    found.push(...rows.map((row) => ({ ...row, key: `tax:${row.key ?? ''}` })));
  }
  if (keys.names.length > 0) {
    const rows = await db.selectFrom('accounts').select(['accounts.id', 'accounts.kind', 'accounts.name_norm as key'])
      .where('accounts.kind', '=', kind).where('accounts.name_norm', 'in', keys.names).where(accountScope(actor)).execute();
    found.push(...rows.map((row) => ({ ...row, key: `name:${row.key}` })));
  }
  // Oldest first, so the same file always matches the same account.
  return found.filter((row) => row.kind === kind).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(({ id, key }) => ({ id, key }));
}

export const findAccountsByIds = (db: Db, ids: string[]): Promise<AccountRow[]> =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('accounts').selectAll().where('id', 'in', ids).execute();

/**
 * What to delete and insert to turn `current` into `wanted`: only rows that change are written,
 * so an edit that keeps an account's terms or owners leaves its portfolio rows and search
 * documents alone (their triggers run per row written).
 */
function changesBetween(current: string[], wanted: string[]): { gone: string[]; added: string[] } {
  const keep = new Set(wanted);
  const have = new Set(current);
  return { gone: current.filter((value) => !keep.has(value)), added: [...keep].filter((value) => !have.has(value)) };
}

async function replaceTerms(db: Db, accountId: string, terms: string[]): Promise<void> {
  const current = await db.selectFrom('account_terms').select('term').where('account_id', '=', accountId).execute();
  const { gone, added } = changesBetween(current.map((row) => row.term), terms);
  if (gone.length > 0) await db.deleteFrom('account_terms').where('account_id', '=', accountId).where('term', 'in', gone).execute();
  if (added.length > 0) await db.insertInto('account_terms').values(added.map((term) => ({ account_id: accountId, term }))).execute();
}

async function replaceOwners(db: Db, accountId: string, userIds: string[]): Promise<void> {
  const current = await db.selectFrom('account_owners').select('user_id').where('account_id', '=', accountId).execute();
  const { gone, added } = changesBetween(current.map((row) => row.user_id), userIds);
  if (gone.length > 0) await db.deleteFrom('account_owners').where('account_id', '=', accountId).where('user_id', 'in', gone).execute();
  if (added.length > 0) await db.insertInto('account_owners').values(added.map((user_id) => ({ account_id: accountId, user_id }))).execute();
}

/**
 * An existing account's search terms and owners (either or both) as they now should be: only the
 * rows that change are written, and on SQLite its search document is rewritten once, at the end,
 * if anything changed (see withSearchDocumentsOnce).
 */
export async function setTermsAndOwners(db: Db, accountId: string, next: { terms?: string[]; ownerIds?: string[] }): Promise<void> {
  await withSearchDocumentsOnce(db, [accountId], async () => {
    if (next.terms) await replaceTerms(db, accountId, next.terms);
    if (next.ownerIds) await replaceOwners(db, accountId, next.ownerIds);
  });
}

/** Owners of a page of accounts: one SQL text per page size, so the key is the number of ids. */
const ownerRows = reusableQuery((count: number) => String(count), (db, _count, ids: Record<string, string>) => db
  .selectFrom('account_owners')
  .innerJoin('users', 'users.id', 'account_owners.user_id')
  .select(['account_owners.account_id', 'users.id', 'users.name'])
  .where('account_owners.account_id', 'in', Object.values(ids))
  .orderBy('users.name').orderBy('users.id'));

/** The owners of each account, by name, in one query for a whole page. */
export async function ownersOf(db: Db, accountIds: string[]): Promise<Map<string, UserRef[]>> {
  const owners = new Map<string, UserRef[]>(accountIds.map((id) => [id, []]));
  if (accountIds.length === 0) return owners;
  const rows = await ownerRows(db, accountIds.length, Object.fromEntries(accountIds.map((id, index) => [`id${index}`, id])));
  for (const row of rows) owners.get(row.account_id)?.push({ id: row.id, name: row.name });
  return owners;
}

const binSort: SortPlan = { key: 'bin', columns: ['accounts.discarded_at', 'accounts.id'], direction: 'desc' };

/** Discarded accounts, newest first (admins only: the caller authorizes). */
export async function listDiscarded(db: Db, query: { limit: number; cursor?: string | undefined }) {
  const base = db.selectFrom('accounts').where('accounts.discarded_at', 'is not', null);
  const rows = base.leftJoin('users', 'users.id', 'accounts.discarded_by')
    .select(['accounts.id', 'accounts.kind', 'accounts.name', 'accounts.discarded_at', 'accounts.discarded_by', 'users.name as discarded_by_name']);
  return keysetPage(db, base, rows, binSort, query, (row) => [row.discarded_at ?? '', row.id]);
}

export const findDiscarded = (db: Db, id: string): Promise<AccountRow | undefined> =>
  db.selectFrom('accounts').selectAll().where('id', '=', id).where('discarded_at', 'is not', null).executeTakeFirst();

/** Hard-deletes accounts (owners, terms and contacts go with them): undoing an import. */
export async function deleteAccounts(db: Db, ids: string[]): Promise<void> {
  await inChunks(ids.map((id) => ({ id })), (chunk) => db.deleteFrom('accounts').where('id', 'in', chunk.map((item) => item.id)).execute());
}

export async function deleteAccount(db: Db, id: string): Promise<void> {
  await db.deleteFrom('accounts').where('id', '=', id).execute();
}
