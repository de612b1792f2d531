import { normalizeText } from '@server/lib/normalize';

/**
 * One word of the query as the full-text index can match it. The index splits text into runs of
 * letters and digits (see the account-search migration), so "b-1001" is the phrase "b" "1001";
 * `compact` is the same word without its separators ("b1001"), the form tax ids are stored in.
 */
export type QueryWord = { tokens: string[]; compact: string | null };

// The words of a query are ANDed and each costs an index lookup; a quick search past eight words
// is not a search any more, so the rest are ignored (results then match the first eight).
const maxWords = 8;

/**
 * A last token this short matches whole words only ("m" finds the initial M, not every word
 * starting with m): a one-letter prefix matches a large part of all accounts, which the index
 * cannot read in bounded time (a PostgreSQL GIN index gathers every match before the first row).
 * Names starting with it are still found by the name-prefix probe.
 */
const minPrefixLength = 2;

const endsInPrefix = (tokens: string[]): boolean => (tokens.at(-1) ?? '').length >= minPrefixLength;

/** Whether a word's last token is matched as a prefix (else as a whole word). */
export const queryIsPrefix = (word: QueryWord): boolean => endsInPrefix(word.tokens);

/** The query's words, accent-free and lower case like the index, without syntax of any kind. */
export function queryWords(q: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const word of normalizeText(q).split(' ')) {
    const tokens = word.split(/[^\p{L}\p{N}]+/u).filter((token) => token.length > 0);
    if (tokens.length === 0) continue;
    words.push({ tokens, compact: tokens.length > 1 ? tokens.join('') : null });
    if (words.length === maxWords) break;
  }
  return words;
}

/** The query as a prefix of an accent-free name ("Ángela G" → "angela g"). */
export const namePrefix = (q: string): string => normalizeText(q);

/**
 * An FTS5 MATCH expression: every word as a quoted phrase whose last token is a prefix, ANDed.
 * Tokens hold only letters and digits, so no user text can become FTS5 syntax (quotes, *, -,
 * column filters, NEAR, AND/OR/NOT are all separators or plain words inside quotes).
 */
export function fts5Match(words: QueryWord[]): string {
  return words
    .map(({ tokens, compact }) => {
      const phrase = (parts: string[]) => `"${parts.join(' ')}"${endsInPrefix(parts) ? ' *' : ''}`;
      return compact ? `(${phrase(tokens)} OR ${phrase([compact])})` : phrase(tokens);
    })
    .join(' AND ');
}

/**
 * A PostgreSQL tsquery in to_tsquery syntax: each word a phrase (<->) with its last token a
 * prefix (:*), ANDed; with `wholeWords`, no prefixes. Tokens are quoted and hold only letters and
 * digits, so nothing the user typed is read as tsquery syntax.
 */
export function tsQuery(words: QueryWord[], wholeWords = false): string {
  const prefix = (parts: string[]) => !wholeWords && endsInPrefix(parts);
  const phrase = (parts: string[]) => parts.map((token, index) => `'${token}'${index === parts.length - 1 && prefix(parts) ? ':*' : ''}`).join(' <-> ');
  return words
    .map(({ tokens, compact }) => (compact ? `(${phrase(tokens)} | ${phrase([compact])})` : phrase(tokens)))
    .join(' & ');
}
