import type { FastifyInstance } from 'fastify';
import { measureEndpoint, type Line } from './api-bench';
import type { Raw } from './raw';

// A common surname (~4% of accounts), two common words, an e-mail prefix, an organization's tax
// id (bench/generate.ts makes every fifth account an organization with tax id B + 10,000,000 + i)
// and a rare prefix (the e-mail domains of a few organizations).
const searches: Array<{ q: string; what: string }> = [
  { q: 'garcia', what: 'common surname' },
  { q: 'maria lopez', what: 'two words' },
  { q: 'p12345', what: 'e-mail prefix' },
  { q: 'B10012340', what: 'tax id' },
  { q: 'empresa1999', what: 'rare prefix' },
];

/** The header's quick search, GET /api/v1/search in-process, against the same SQL run directly. */
export async function benchSearch(app: FastifyInstance, who: { label: string; cookie: string }, raw: Raw, runs: number): Promise<Line[]> {
  const lines: Line[] = [];
  for (const { q, what } of searches) {
    lines.push(await measureEndpoint(app, who.cookie, raw, runs, `${who.label}: quick search q=${q} (${what})`, `/api/v1/search?${new URLSearchParams({ q }).toString()}`));
  }
  return lines;
}
