import type { SearchResponse } from '@contract/search';
import type { Dialect } from '@server/db/connect';
import type { Db } from '@server/db/database';
import { authorize, type Actor } from '@server/policies';
import { searchAccounts } from './search.repo';
import { presentSearchResult } from './search.presenter';
import { queryWords } from './search-terms';

/** The quick search: the best accounts the actor may see for `q`, and whether more match. */
export async function search(db: Db, dialect: Dialect, actor: Actor, query: { q: string; limit: number }): Promise<SearchResponse> {
  // Searching reads accounts; which ones is the portfolio scope, applied in the query.
  authorize(actor, { domain: 'account', action: 'read' });
  const rows = await searchAccounts(db, dialect, actor, query.q, query.limit);
  const words = queryWords(query.q);
  return { items: rows.slice(0, query.limit).map((row) => presentSearchResult(row, words)), hasMore: rows.length > query.limit };
}
