import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { isPostgres, type Database, type Db, type RecordTermsTable } from '@server/db/database';
import { inChunks } from '@server/lib/chunks';
import { countUpTo } from '@server/lib/list';
import { searchWords } from '@server/lib/normalize';
import { queryPrefixes } from '@server/modules/accounts/account-fields';

// The search of the company's work lists (projects, invoices, agreements): each word of `q` must
// start a term of the record's own text or of its company (the company's account_terms, so a
// rename or a merge needs nothing here). A word is a range of an index, never a scan: the set of
// matching records is read first, then the page is sorted from it (see recordSearch).

export type RecordKind = RecordTermsTable['kind'];

/** Each kind's table and the columns its search reads. */
const searched = {
  project: { table: 'projects', texts: ['name'] },
  invoice: { table: 'invoices', texts: ['number'] },
  agreement: { table: 'agreements', texts: ['title', 'reference'] },
} as const;

// Above every character, so [prefix, prefix + top) is exactly "starts with prefix" in byte order.
const top = String.fromCodePoint(0x10ffff);

const compact = (word: string): string => word.replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The terms of a record's texts: each word folded (accents, case), its compact form, and each part
 * from the second on ("fac-2026-0012": also "2026-0012" and "0012"), so a number is found by its
 * tail and by the digits a phone-like query collapses to (queryPrefixes). The migration
 * 2026-12-14T1010-record-terms computes the same for the rows it backfills.
 */
export function recordTermsOf(texts: ReadonlyArray<string | null>): string[] {
  const terms = new Set<string>();
  for (const word of texts.flatMap((text) => searchWords(text ?? ''))) {
    terms.add(word);
    terms.add(compact(word));
    for (const piece of [...word.matchAll(/[\p{L}\p{N}]+/gu)].slice(1)) {
      const tail = word.slice(piece.index);
      terms.add(tail);
      terms.add(compact(tail));
    }
  }
  return [...terms].filter((term) => term.length > 0 && term.length <= 200);
}

const idsAtOnce = 1_000;

/** Writes the search terms of these records of `kind` anew from their rows: after inserting them or changing their searched text. */
export async function writeRecordTerms(db: Db, kind: RecordKind, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const { table, texts } = searched[kind];
  for (let start = 0; start < ids.length; start += idsAtOnce) {
    const chunk = ids.slice(start, start + idsAtOnce);
    const rows = await sql<Record<string, string | null> & { id: string }>`select id, ${sql.join(texts.map((column) => sql.ref(column)))} from ${sql.table(table)} where id in (${sql.join(chunk)})`.execute(db);
    await db.deleteFrom('record_terms').where('kind', '=', kind).where('record_id', 'in', chunk).execute();
    const terms = rows.rows.flatMap((row) => recordTermsOf(texts.map((column) => row[column] ?? null)).map((term) => ({ kind, term, record_id: row.id })));
    await inChunks(terms, (part) => db.insertInto('record_terms').values(part).execute());
  }
}

/** Whether a patch of a record of `kind` changes the text its search reads. */
export const touchesSearchedText = (kind: RecordKind, patch: object): boolean => searched[kind].texts.some((column) => column in patch);

/** One word of a search: the records it matches, read as a set or checked on one record. */
type Word = { own: RawBuilder<unknown>; viaCompanies: RawBuilder<unknown>; set: RawBuilder<unknown>; check: RawBuilder<SqlBool> };

function wordsOf(db: Db, kind: RecordKind, q: string): Word[] {
  const { table } = searched[kind];
  const postgres = isPostgres(db);
  return queryPrefixes(q).map((alternatives) => {
    const starts = (column: RawBuilder<unknown>) =>
      sql<SqlBool>`(${sql.join(alternatives.map((prefix) => sql`(${column} >= ${prefix} and ${column} < ${prefix + top})`), sql` or `)})`;
    const companies = sql`select m.account_id from account_terms m where ${starts(sql.ref('m.term'))}`;
    const own = sql`select t.record_id as id from record_terms t where t.kind = ${kind} and ${starts(sql.ref('t.term'))}`;
    // The companies' records by their organization index: with `in`, PostgreSQL read every record of the table (a hash semi join).
    const viaCompanies = sql`select r.id from ${sql.table(table)} r where ${among(postgres, sql.ref('r.organization_id'), companies)}`;
    // `limit 1 offset 0` keeps each probe a probe (see portfolioHolds in server/db/portfolio.ts).
    const check = sql<SqlBool>`(exists (select 1 from record_terms t where t.record_id = ${sql.ref(`${table}.id`)} and t.kind = ${kind} and ${starts(sql.ref('t.term'))} limit 1 offset 0)
      or exists (select 1 from account_terms m where m.account_id = ${sql.ref(`${table}.organization_id`)} and ${starts(sql.ref('m.term'))} limit 1 offset 0))`;
    // Wrapped, since SQLite reads `a union b intersect c` from left to right.
    return { own, viaCompanies, set: sql`select w.id from (${own} union ${viaCompanies}) w`, check };
  });
}

/**
 * The set read first. On SQLite `in (…)` leads; on PostgreSQL `= any(array(…))`, which reads the
 * set first where `in` may become a semi join driven from the table's side (see the accounts list's `leads`).
 */
const among = (postgres: boolean, column: RawBuilder<unknown>, set: RawBuilder<unknown>): RawBuilder<SqlBool> =>
  (postgres ? sql<SqlBool>`${column} = any(array(${set}))` : sql<SqlBool>`${column} in (${set})`);

const allOf = (parts: Array<RawBuilder<SqlBool>>): RawBuilder<SqlBool> => sql<SqlBool>`(${sql.join(parts, sql` and `)})`;

/**
 * The list's search filter on `kind`'s table (under its own name), or null when `q` has no word
 * (punctuation alone filters nothing, as on the accounts list). Every word must start a term of
 * the record or of its organization; the matches are read first as one set (an intersection, word
 * by word) and the scope and other filters are checked on them. Exports and other reads of a
 * whole selection use it as it is; a list page plans it (plannedRecordSearch).
 */
export function recordSearch(db: Db, kind: RecordKind, q: string): RawBuilder<SqlBool> | null {
  const words = wordsOf(db, kind, q);
  if (words.length === 0) return null;
  return among(isPostgres(db), sql.ref(`${searched[kind].table}.id`), sql.join(words.map((word) => word.set), sql` intersect `));
}

/** A word matching at most this many records leads; counted from the indexes, never further. */
const leadUpTo = 2_000;

const rowsUpTo = async (db: Db, rows: RawBuilder<unknown>, cap: number): Promise<number> =>
  Number((await sql<{ n: number | string }>`select count(*) as n from (${rows} limit ${cap + 1}) as capped`.execute(db)).rows[0]?.n ?? 0);

/**
 * recordSearch for one page of a list, planned on sizes read from the indexes (each capped at
 * leadUpTo): the rarest word's records lead when they are few, and the other words are checked on
 * them, so a common word ("proyecto" in every project's name) is never read whole beside a rare
 * one; when every word is common but the actor's records are few (`mine`: the records an agent or
 * a team may see, null for who sees all), the list walks those and checks every word on each;
 * otherwise the intersection leads. Null when there is no `q`.
 */
export async function plannedRecordSearch<TB extends keyof Database, O>(
  db: Db, kind: RecordKind, q: string | undefined, mine: SelectQueryBuilder<Database, TB, O> | null,
): Promise<RawBuilder<SqlBool> | null> {
  if (!q) return null;
  const words = wordsOf(db, kind, q);
  if (words.length === 0) return null;
  let rarest: { word: Word; size: number } | null = null;
  for (const word of words) {
    const own = await rowsUpTo(db, word.own, leadUpTo);
    const size = own > leadUpTo ? own : own + await rowsUpTo(db, word.viaCompanies, leadUpTo);
    if (!rarest || size < rarest.size) rarest = { word, size };
  }
  if (rarest && rarest.size <= leadUpTo) {
    const lead = rarest.word;
    return allOf([among(isPostgres(db), sql.ref(`${searched[kind].table}.id`), lead.set), ...words.filter((word) => word !== lead).map((word) => word.check)]);
  }
  if (mine && await countUpTo(db, mine, leadUpTo) <= leadUpTo) return allOf(words.map((word) => word.check));
  return recordSearch(db, kind, q);
}
