import { sql, type SqlBool } from 'kysely';
import type { AccountScope } from '@server/policies';
import { queryPrefixes } from '../account-fields';
import { wordCheckCost } from './costs';
import { allOf, rowsOf, type Membership } from './membership.repo';
import { termDocumentRows, termDocuments, termsMatch } from './term-index.repo';

// Above every character, so [prefix, prefix + top) is exactly "starts with prefix" in byte order.
const top = String.fromCodePoint(0x10ffff);

/**
 * The list's search filter: every word must start one of the account's terms. On PostgreSQL each
 * word is a range of account_terms; on SQLite the words are read from the index of terms and
 * holders (see term-index.repo.ts), which also holds the actor's portfolio. A portfolio's row
 * carries the terms (' t1 t2 ', no spaces within one), so there a term starts with the word where
 * ' ' + word occurs.
 */
export function searchWords(q: string, scope: AccountScope, postgres: boolean): Membership | null {
  const prefixes = queryPrefixes(q);
  // A search of no words (punctuation alone) filters nothing.
  if (prefixes.length === 0) return null;
  const words = allOf(prefixes.map((alternatives) => {
    const ranges = alternatives.map((prefix) => sql`(m.term >= ${prefix} and m.term < ${prefix + top})`);
    const onRow = (pg: boolean) => sql<SqlBool>`(${sql.join(alternatives.map((prefix) => (pg
      ? sql`strpos(accounts.words, ${` ${prefix}`}) > 0`
      : sql`instr(accounts.words, ${` ${prefix}`}) > 0`)), sql` or `)})`;
    return { ...rowsOf('account_terms', sql<SqlBool>`(${sql.join(ranges, sql` or `)})`), onPortfolio: onRow, rowCost: wordCheckCost * alternatives.length };
  }));
  if (postgres) return words;
  // FTS5 intersects the words, and the words with the holder, from posting lists.
  const holder = scope.sees === 'all' ? null : scope.holder;
  const match = termsMatch(prefixes, holder);
  const { check, onPortfolio, rowCost } = words;
  return {
    check, set: termDocuments(match), indexRows: termDocumentRows(match), inScope: holder !== null,
    ...(onPortfolio ? { onPortfolio } : {}), ...(rowCost ? { rowCost } : {}),
  };
}
