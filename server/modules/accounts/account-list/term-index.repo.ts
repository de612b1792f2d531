import { sql, type RawBuilder } from 'kysely';

/**
 * SQLite's index of each live account's search terms and holders (account_terms_fts, see the
 * migration 2026-11-30T1300-account-terms-fts): one document per account, each term one token,
 * each portfolio holding it `~` + holder id. A list's search filter reads it to find the accounts
 * where every word starts a term, and, on an actor's list, that the actor's portfolio holds:
 * FTS5 intersects the words and the holder from their posting lists, and counts the matches
 * without reading an account.
 */

/**
 * ASCII characters the index's tokenizer splits on. Inside a quoted string they would make a
 * phrase, which the index (detail = none) refuses with an error; query words never hold them
 * (see searchWords), and were one to get through it is dropped, not sent. Nor may a word hold the
 * `~` that marks a holder: it could then match a portfolio instead of a term.
 */
const notInWords = /[^A-Za-z0-9@.+_\-'\u0080-\u{10FFFF}]/gu;
const notInHolders = /[^A-Za-z0-9_-]/g;

/**
 * The FTS5 expression: each word as its alternatives (a word and its compact form), each a
 * quoted prefix, ANDed, and the holder's token when the list is an actor's portfolio. Words hold
 * letters, digits and `@ . + _ -` only (see queryPrefixes), so nothing in them is FTS5 syntax.
 */
export function termsMatch(words: string[][], holder: string | null): string {
  const prefixes = words.map((alternatives) => alternatives.map((prefix) => prefix.replace(notInWords, '')).filter((prefix) => prefix.length > 0));
  // A word left with nothing starts no term: `~` alone is no token of any document.
  if (prefixes.some((alternatives) => alternatives.length === 0)) return '"~"';
  const parts = prefixes.map((alternatives) => `(${alternatives.map((prefix) => `"${prefix}"*`).join(' OR ')})`);
  if (holder !== null) parts.push(`"~${holder.replace(notInHolders, '')}"`);
  return parts.join(' AND ');
}

/** The ids of the accounts that match, in the index's order (account_fts_keys.seq). */
export const termDocuments = (match: string): RawBuilder<unknown> =>
  sql`select k.account_id from account_terms_fts f join account_fts_keys k on k.seq = f.rowid where account_terms_fts match ${match}`;

/** One row per matching account, from the index alone: to size or count the matches. */
export const termDocumentRows = (match: string): RawBuilder<unknown> =>
  sql`select rowid from account_terms_fts where account_terms_fts match ${match}`;
