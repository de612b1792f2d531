import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Dialect } from '@server/db/connect';
import type { Db } from '@server/db/database';
import { portfolioRows, portfolioSize } from '@server/modules/accounts/account-list';
import { reusableQuery } from '@server/db/reusable-query';
import { accountScope, accountScopeOf, actorKey, type Actor, type AccountScope } from '@server/policies';
import { fts5Match, namePrefix, queryIsPrefix, queryWords, tsQuery, type QueryWord } from './search-terms';

// The tables of the account-search migration that only one dialect has.
type SqliteSearchTables = {
  account_fts: { rowid: number };
  account_fts_keys: { seq: number; account_id: string };
};
type PostgresSearchTables = { account_words: { word: string; account_id: string } };

// Above every character, so [prefix, prefix + top) is exactly "starts with prefix" in byte order.
const top = String.fromCodePoint(0x10ffff);

/** How the full-text probe reads on PostgreSQL: see searchAccounts. */
type TextProbe = 'prefixes' | 'wholeWords' | 'portfolio';

/**
 * The accounts the actor may see that match `q`, best first, at most `limit + 1` (the extra row
 * tells the caller there are more). Two probes under the actor's scope, each stopping at
 * limit + 1 visible accounts, so the rows read stay bounded however common the words are
 * ("garcia" matches 4% of all accounts). One exception: on PostgreSQL a query of several words is
 * intersected by the GIN index, which reads each word's whole posting list first (see
 * searchAccounts for how whole words and small portfolios keep that short).
 * The probes:
 * - names starting with the query, in name order along accounts_name_idx;
 * - accounts matching every word (as a prefix) in name, e-mails or tax id, in the full-text
 *   index's own order (SQLite: newest first; PostgreSQL: by matching word, then id, for one
 *   word, table order for several).
 * Names starting with the query come first, then the rest; within each, by name, then id.
 * The trade: when more accounts match than fit, the second group is the first limit + 1 full-text
 * matches in index order sorted by name, not the alphabetically first of all matches (that would
 * read every match); `hasMore` is then true and the accounts list (`?q=`) has them all. Whether
 * there are more is exact: if the full-text probe is full, the two probes together hold more
 * than `limit` accounts; if not, it holds every match.
 */
export function searchAccountsQuery(db: Db, dialect: Dialect, actor: Actor, q: string, limit: number, probe: TextProbe = 'prefixes') {
  const words = queryWords(q);
  return searchQuery(db, actor, limit, nameRangeOf(q), words.length === 0 ? null : (count) => textMatches(db, dialect, actor, words, count, probe));
}

/** Names starting with the query: from `prefix` (the query accent-free) up to `prefixEnd`. */
type NameRange = { prefix: string; prefixEnd: string };

const nameRangeOf = (q: string): NameRange => {
  const prefix = namePrefix(q);
  return { prefix, prefixEnd: prefix + top };
};

/** searchAccountsQuery from its parts: the name range and the full-text probe (none for a query without words). */
function searchQuery(db: Db, actor: Actor, limit: number, name: NameRange, text: ((count: number) => TextMatches) | null) {
  const startsWithQuery = sql<SqlBool>`(accounts.name_norm >= ${name.prefix} and accounts.name_norm < ${name.prefixEnd})`;
  const byName = db.selectFrom('accounts').select('accounts.id')
    .where(startsWithQuery).where(accountScope(actor))
    .orderBy('accounts.name_norm').orderBy('accounts.id').limit(limit + 1);
  const probes = text === null
    ? db.selectFrom(byName.as('by_name')).select('by_name.id')
    : db.selectFrom(byName.as('by_name')).select('by_name.id')
      .unionAll(db.selectFrom(text(limit + 1).as('by_text')).select('by_text.id'));
  return db.selectFrom('accounts')
    .select(['accounts.id', 'accounts.kind', 'accounts.name', 'accounts.stage', 'accounts.emails', 'accounts.tax_id', 'accounts.tax_id_norm', 'accounts.country', 'accounts.city'])
    .select(sql<number>`case when ${startsWithQuery} then 0 else 1 end`.as('tier'))
    .where('accounts.id', 'in', probes)
    .orderBy('tier').orderBy('accounts.name_norm').orderBy('accounts.id')
    .limit(limit + 1);
}

export type SearchRow = Awaited<ReturnType<ReturnType<typeof searchAccountsQuery>['execute']>>[number];

type TextMatches = ReturnType<typeof textMatches>;

/**
 * SQLite's search, built and compiled once per actor and limit (see reusableQuery): its SQL does
 * not depend on the words, which are bound as one FTS5 match expression, and building it was a
 * sixth of a quick search's time (docs/lists.md).
 */
const sqliteSearch = reusableQuery(
  ({ actor, limit }: { actor: Actor; limit: number }) => `${actorKey(actor)} ${limit}`,
  (db, { actor, limit }, slots: NameRange & { match: string }) => searchQuery(db, actor, limit, slots, (count) => ftsMatches(db, actor, slots.match, count)),
);

/** Up to `count` visible accounts matching every word in the full-text index, in its own order. */
function textMatches(db: Db, dialect: Dialect, actor: Actor, words: QueryWord[], count: number, probe: TextProbe) {
  if (dialect === 'sqlite') return ftsMatches(db, actor, fts5Match(words), count);
  const scope = accountScopeOf(actor);
  if (probe === 'portfolio' && scope.sees === 'portfolio') return portfolioWordMatches(db, scope.holder, words, count);
  const [only] = words;
  const [token] = only?.tokens ?? [];
  if (words.length === 1 && only && token !== undefined && only.tokens.length === 1) return wordMatches(db, actor, token, queryIsPrefix(only), count);
  // Several words: GIN intersects their posting lists. The same function the index is built on,
  // so the planner uses the index.
  return db.selectFrom('accounts').select('accounts.id')
    .where(sql<SqlBool>`account_search_document(accounts.name_norm, accounts.emails, accounts.tax_id_norm, accounts.country) @@ to_tsquery('simple', ${tsQuery(words, probe === 'wholeWords')})`)
    .where(accountScope(actor))
    .limit(count);
}

/** SQLite: up to `count` visible accounts matching an FTS5 expression, newest first. */
function ftsMatches(db: Db, actor: Actor, match: string, count: number) {
  return db.withTables<SqliteSearchTables>()
    .selectFrom('account_fts')
    .innerJoin('account_fts_keys', 'account_fts_keys.seq', 'account_fts.rowid')
    .innerJoin('accounts', 'accounts.id', 'account_fts_keys.account_id')
    .select('accounts.id')
    .where(sql<SqlBool>`account_fts match ${match}`)
    .where(accountScope(actor))
    .orderBy('account_fts.rowid', 'desc')
    .limit(count);
}

const wordIs = (word: RawBuilder<unknown>, token: string, prefix: boolean) =>
  prefix ? sql<SqlBool>`(${word} >= ${token} and ${word} < ${token + top})` : sql<SqlBool>`${word} = ${token}`;

/**
 * PostgreSQL, a query of one token (what is typed most): account_words read in (word, account)
 * order and only as far as the LIMIT, where GIN would first gather every match (all 40,000
 * "garcia"). The same words as the GIN index, so the same accounts match.
 */
function wordMatches(db: Db, actor: Actor, token: string, prefix: boolean, count: number) {
  const matches = (alias: string) => wordIs(sql.ref(`${alias}.word`), token, prefix);
  return db.withTables<PostgresSearchTables>()
    .selectFrom('account_words as w')
    .innerJoin('accounts', 'accounts.id', 'w.account_id')
    .select('accounts.id')
    .where(matches('w'))
    // An account with two words starting with the query ("ma": maria, martinez) is one candidate.
    .where(sql<SqlBool>`w.word = (select min(w2.word) from account_words w2 where w2.account_id = w.account_id and ${matches('w2')})`)
    .where(accountScope(actor))
    .orderBy('w.word').orderBy('w.account_id')
    .limit(count);
}

/**
 * PostgreSQL, a small portfolio and words of one token each: the portfolio's rows that have every
 * word in account_words, so only the portfolio's accounts are ever read (reading the words'
 * matches walks accounts of others, or gathers whole posting lists). The prefix is a `like`,
 * which PostgreSQL sizes from the index: written as a range it was estimated at one row and
 * drove the query from the word's matches (docs/lists.md).
 */
function portfolioWordMatches(db: Db, holder: string, words: QueryWord[], count: number) {
  // Tokens are letters and digits only, so `like` sees no wildcard but the one added.
  const startsWith = (word: QueryWord) => (queryIsPrefix(word) ? sql<SqlBool>`w.word like ${`${word.tokens[0] ?? ''}%`}` : sql<SqlBool>`w.word = ${word.tokens[0] ?? ''}`);
  const hasWord = (word: QueryWord) =>
    sql<SqlBool>`exists (select 1 from account_words w where w.account_id = portfolio_accounts.id and ${startsWith(word)})`;
  return portfolioRows(db, holder)
    .select('portfolio_accounts.id')
    .where((eb) => eb.and(words.map((word) => hasWord(word))))
    .limit(count);
}

/** Portfolios up to this many accounts are searched from their own rows (see portfolioWordMatches). */
const portfolioSearchUpTo = 10_000;

/**
 * The accounts matching `q` for the quick search, best first (limit + 1 rows: see
 * searchAccountsQuery). On PostgreSQL several words are first looked up as whole words: GIN finds
 * a word's posting list directly but must gather every word a prefix starts ("maria:*" is maria,
 * mariana, mariano…), several times slower. Whole-word matches are prefix matches too, so when
 * they fill the page they are a page of the same search; when they do not, the prefixes are
 * searched. Before either, a portfolio of at most 10,000 accounts searching words of one token
 * each is answered from the portfolio (see portfolioWordMatches).
 */
export async function searchAccounts(db: Db, dialect: Dialect, actor: Actor, q: string, limit: number): Promise<SearchRow[]> {
  const words = queryWords(q);
  const scope: AccountScope = accountScopeOf(actor);
  if (dialect === 'postgres' && words.length > 0 && scope.sees === 'portfolio' && words.every((word) => word.tokens.length === 1)) {
    const portfolio = await portfolioSize(db, scope);
    if (portfolio !== null && portfolio <= portfolioSearchUpTo) return searchAccountsQuery(db, dialect, actor, q, limit, 'portfolio').execute();
  }
  if (dialect === 'postgres' && words.length > 1) {
    const asWords = await searchAccountsQuery(db, dialect, actor, q, limit, 'wholeWords').execute();
    if (asWords.length > limit) return asWords;
  }
  if (dialect === 'sqlite' && words.length > 0) return sqliteSearch(db, { actor, limit }, { ...nameRangeOf(q), match: fts5Match(words) });
  return searchAccountsQuery(db, dialect, actor, q, limit).execute();
}
