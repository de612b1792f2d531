import { z } from 'zod';
import type { SearchResult } from '@contract/search';
import { parseJsonColumn } from '@server/lib/json';
import type { SearchRow } from './search.repo';
import type { QueryWord } from './search-terms';

const stringList = z.array(z.string());

// Split like the full-text index: runs of letters and digits.
const tokensOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((token) => token.length > 0);

/** Whether a word of the query matches this text the way the index matched it (phrase, last token a prefix). */
function wordMatches(tokens: string[], word: QueryWord): boolean {
  const last = word.tokens.length - 1;
  for (let start = 0; start + last < tokens.length; start += 1) {
    if (word.tokens.every((token, index) => (index === last ? tokens[start + index]?.startsWith(token) : tokens[start + index] === token))) return true;
  }
  return word.compact !== null && tokens.some((token) => word.compact !== null && token.startsWith(word.compact));
}

const matchesAny = (text: string, words: QueryWord[]): boolean => {
  const tokens = tokensOf(text);
  return words.some((word) => wordMatches(tokens, word));
};

/**
 * A search hit as the header's dropdown shows it: the second line is what matched besides the
 * name (an e-mail, the tax id) so the user sees why it was found, else the city.
 */
export function presentSearchResult(row: SearchRow, words: QueryWord[]): SearchResult {
  const email = parseJsonColumn(row.emails, stringList, []).find((value) => matchesAny(value, words));
  const taxForms = row.tax_id_norm ? `${row.tax_id_norm} ${row.country ?? ''}${row.tax_id_norm}` : '';
  const secondary = email
    ? { field: 'email' as const, value: email }
    : row.tax_id && matchesAny(taxForms, words)
      ? { field: 'taxId' as const, value: row.tax_id }
      : row.city
        ? { field: 'city' as const, value: row.city }
        : null;
  return { id: row.id, kind: row.kind, name: row.name, stage: row.stage, secondary };
}
