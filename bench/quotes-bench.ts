import type { FastifyInstance } from 'fastify';
import type { Db } from '@server/db/database';
import type { ListCase } from './lists-bench';
import { timeIt, type Timing } from './raw';

// Issue 21 item 8: the quotes list (200,000 quotes of 10 lines) and a 200-line quote's PDF. run.ts
// runs every case as the admin, an agent (scope own) and a team's agent (scope team): at a million
// accounts those are 0.5% and 5% of the accounts, the shares the portfolio drive is chosen for
// (server/lib/portfolio-drive.ts). `sent` is checked against the validity date, a second column.

export const quoteCases = (laterPage: number): ListCase[] => [
  { name: 'quotes, newest issue date first', path: '/api/v1/quotes', params: { limit: '50' }, laterPage },
  { name: 'quotes status=accepted', path: '/api/v1/quotes', params: { status: 'accepted', limit: '50' }, laterPage },
  { name: 'quotes status=sent (still valid)', path: '/api/v1/quotes', params: { status: 'sent', limit: '50' }, laterPage },
  { name: 'quotes issued in one month (March 2026)', path: '/api/v1/quotes', params: { issuedFrom: '2026-03-01', issuedTo: '2026-03-31', limit: '50' } },
  { name: 'quotes by number', path: '/api/v1/quotes', params: { sort: 'number', limit: '50' }, laterPage },
];

/** GET /quotes/{id}/pdf for the dataset's 200-line quote: the whole request (read, lay out, render). */
export async function benchQuotePdf(app: FastifyInstance, db: Db, cookie: string, runs: number): Promise<{ timing: Timing; kb: number; lines: number } | null> {
  const quote = await db.selectFrom('quotes').select(['id', 'line_count']).orderBy('line_count', 'desc').limit(1).executeTakeFirst();
  if (!quote) return null;
  const fetchPdf = async () => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/quotes/${quote.id}/pdf`, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`pdf: ${response.statusCode} ${response.body}`);
    return response.rawPayload.length;
  };
  const bytes = await fetchPdf();
  return { timing: await timeIt(runs, fetchPdf), kb: Math.round(bytes / 1024), lines: quote.line_count };
}
