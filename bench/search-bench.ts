import type { FastifyInstance } from 'fastify';
import { searchQuerySchema, searchResponseSchema } from '@contract/search';
import type { Db } from '@server/db/database';
import type { Actor } from '@server/policies';
import { searchAccountsQuery } from '@server/modules/search/search.repo';
import { timeIt, type Raw } from './raw';

/** The same shape as api-bench's lines, so run.ts prints both tables alike. */
type Line = { label: string; cartera: { p50: number; p95: number }; raw: { p50: number; p95: number } };

// A common surname (~4% of accounts), two common words, e-mail prefixes, a tax id (an
// organization's, built by bench/generate.ts as B + 10,000,000 + i) and a rare prefix (the e-mail
// domain of a handful of organizations). bench/generate.ts makes the first 20% organizations
// (info@empresaN…), so p12345 is nobody's e-mail; p99999 is a person's at 100k and 1M.
const searches: Array<{ q: string; what: string }> = [
  { q: 'garcia', what: 'common surname' },
  { q: 'maria lopez', what: 'two words' },
  { q: 'p12345', what: 'e-mail prefix' },
  { q: 'p99999', what: 'e-mail prefix' },
  { q: 'B10012345', what: 'tax id' },
  { q: 'empresa1999', what: 'rare prefix' },
];

/**
 * The header's quick search: GET /api/v1/search in-process (session, policy, SQL, presenter, zod)
 * against the same SQL (compiled by the repo's own builder) run straight through the driver.
 */
export async function benchSearch(app: FastifyInstance, cookie: string, db: Db, actor: Actor, raw: Raw, runs: number): Promise<Line[]> {
  const lines: Line[] = [];
  for (const { q, what } of searches) {
    const url = `/api/v1/search?${new URLSearchParams({ q }).toString()}`;
    const get = async () => {
      const response = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return searchResponseSchema.parse(response.json());
    };
    const query = searchQuerySchema.parse({ q });
    const compiled = searchAccountsQuery(db, app.dialect, actor, query.q, query.limit).compile();
    const first = await get();
    lines.push({
      label: `${actor.role}: quick search q=${q} (${what}; ${first.items.length}${first.hasMore ? '+' : ''} shown)`,
      cartera: await timeIt(runs, get),
      raw: await timeIt(runs, () => raw.all(compiled.sql, compiled.parameters)),
    });
  }
  return lines;
}
