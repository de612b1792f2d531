import { sql, type SqlBool } from 'kysely';
import type { Dialect } from '@server/db/connect';
import type { Db } from '@server/db/database';
import { accountScope, type Actor } from '@server/policies';
import { fts5Match, namePrefix, queryWords, tsQuery } from './search-terms';

// The SQLite-only tables of the account-search migration (PostgreSQL indexes accounts itself).
type SqliteSearchTables = {
  account_fts: { rowid: number };
  account_fts_keys: { seq: number; account_id: string };
};

/**
 * How many full-text matches the actor may see are ranked, at most. A common word ("garcia":
 * 4% of all accounts) matches tens of thousands; ordering all of them by name would read each
 * one. Instead the first `textCandidates` in the index's own order (SQLite: newest first;
 * PostgreSQL: table order) are ranked, so the work is bounded whatever the word. The trade: for
 * such a word the names shown after the name-prefix matches are in name order among those
 * candidates, not the alphabetically first of all matches; `hasMore` is true and the accounts
 * list (`?q=`) has them all. Words matching fewer than this are ranked completely.
 */
export const textCandidates = 50;

// Above every character, so [prefix, prefix + top) is exactly "starts with prefix" in byte order.
const top = String.fromCodePoint(0x10ffff);

/**
 * The accounts the actor may see that match `q`, best first, at most `limit + 1` (the extra row
 * tells the caller there are more). Two probes, both bounded and both under the actor's scope:
 * names starting with the query, in name order along accounts_name_idx (at most limit + 1), and
 * full-text matches of every word on name, e-mails and tax id (at most `textCandidates`). Name
 * starts first, then the rest; ties by name, then id, the same on both dialects.
 */
export function searchAccountsQuery(db: Db, dialect: Dialect, actor: Actor, q: string, limit: number) {
  const prefix = namePrefix(q);
  const startsWithQuery = sql<SqlBool>`(accounts.name_norm >= ${prefix} and accounts.name_norm < ${prefix + top})`;
  const byName = db.selectFrom('accounts').select('accounts.id')
    .where(startsWithQuery).where(accountScope(actor, 'accounts', 'probe'))
    .orderBy('accounts.name_norm').orderBy('accounts.id').limit(limit + 1);
  const words = queryWords(q);
  const probes = words.length === 0
    ? db.selectFrom(byName.as('by_name')).select('by_name.id')
    : db.selectFrom(byName.as('by_name')).select('by_name.id')
      .unionAll(db.selectFrom(textMatches(db, dialect, actor, q).as('by_text')).select('by_text.id'));
  return db.selectFrom('accounts')
    .select(['accounts.id', 'accounts.kind', 'accounts.name', 'accounts.stage', 'accounts.emails', 'accounts.tax_id', 'accounts.tax_id_norm', 'accounts.country', 'accounts.city'])
    .select(sql<number>`case when ${startsWithQuery} then 0 else 1 end`.as('tier'))
    .where('accounts.id', 'in', probes)
    .orderBy('tier').orderBy('accounts.name_norm').orderBy('accounts.id')
    .limit(limit + 1);
}

export type SearchRow = Awaited<ReturnType<ReturnType<typeof searchAccountsQuery>['execute']>>[number];

/** Up to `textCandidates` visible accounts matching every word of `q` in the full-text index. */
function textMatches(db: Db, dialect: Dialect, actor: Actor, q: string) {
  const words = queryWords(q);
  if (dialect === 'postgres') {
    // The same function the GIN index is built on, so the planner uses the index.
    return db.selectFrom('accounts').select('accounts.id')
      .where(sql<SqlBool>`account_search_document(accounts.name_norm, accounts.emails, accounts.tax_id_norm, accounts.country) @@ to_tsquery('simple', ${tsQuery(words)})`)
      .where(accountScope(actor, 'accounts', 'probe'))
      .limit(textCandidates);
  }
  return db.withTables<SqliteSearchTables>()
    .selectFrom('account_fts')
    .innerJoin('account_fts_keys', 'account_fts_keys.seq', 'account_fts.rowid')
    .innerJoin('accounts', 'accounts.id', 'account_fts_keys.account_id')
    .select('accounts.id')
    .where(sql<SqlBool>`account_fts match ${fts5Match(words)}`)
    .where(accountScope(actor, 'accounts', 'probe'))
    .orderBy('account_fts.rowid', 'desc')
    .limit(textCandidates);
}

/** The accounts matching `q` for the quick search, best first (limit + 1 rows: see searchAccountsQuery). */
export const searchAccounts = (db: Db, dialect: Dialect, actor: Actor, q: string, limit: number): Promise<SearchRow[]> =>
  searchAccountsQuery(db, dialect, actor, q, limit).execute();
