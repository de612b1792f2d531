import type { FastifyInstance } from 'fastify';
import type { CompiledQuery } from 'kysely';
import type { AccountListItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import { recordQueries } from './open';
import { timeIt, type Raw, type Timing } from './raw';

/** The session lookup is what authenticates a request; the baselines run what the endpoint runs after it. */
const isSessionLookup = (query: CompiledQuery) => /from "sessions"/.test(query.sql);

/** A GET through the app in-process; anything but 200 stops the bench. */
export async function getJson<T>(app: FastifyInstance, cookie: string, url: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}

/** The SQL an endpoint runs for one request (its plan probes, page, count, owners…), as the app compiled it. */
export async function endpointQueries(app: FastifyInstance, cookie: string, url: string): Promise<CompiledQuery[]> {
  return (await recordQueries(() => getJson(app, cookie, url))).filter((query) => !isSessionLookup(query));
}

export async function runAll(raw: Raw, queries: CompiledQuery[]): Promise<unknown[][]> {
  const results: unknown[][] = [];
  for (const query of queries) results.push(await raw.all(query.sql, query.parameters));
  return results;
}

export type Line = { label: string; cartera: Timing; raw: Timing };

/** One endpoint in-process (routing, session, policy, SQL, presenter, serialisation) against the same SQL run directly. */
export async function measureEndpoint(app: FastifyInstance, cookie: string, raw: Raw, runs: number, label: string, url: string): Promise<Line> {
  const queries = await endpointQueries(app, cookie, url);
  return { label, cartera: await timeIt(runs, () => getJson(app, cookie, url)), raw: await timeIt(runs, () => runAll(raw, queries)) };
}

/** The URL of page `wanted` of a list, reached by following cursors from page 1 (or the last page, if fewer). */
export async function pageUrl(app: FastifyInstance, cookie: string, path: string, params: Record<string, string>, wanted: number): Promise<{ url: string; page: number }> {
  let cursor: string | null = null;
  let page = 1;
  const urlOf = (next: string | null) => `${path}?${new URLSearchParams({ ...params, ...(next ? { cursor: next } : {}) }).toString()}`;
  while (page < wanted) {
    const response: ListResponse<AccountListItem> = await getJson(app, cookie, urlOf(cursor));
    if (!response.nextCursor) break;
    cursor = response.nextCursor;
    page += 1;
  }
  return { url: urlOf(cursor), page };
}

const lists: Array<[string, Record<string, string>]> = [
  ['kind=person sort=name', { kind: 'person', sort: 'name', limit: '50' }],
  ['tag=Newsletter (30%) sort=-updatedAt', { sort: '-updatedAt', limit: '50' }],
  ['city=Lima sort=-createdAt', { city: 'Lima', sort: '-createdAt', limit: '50' }],
];

/** The accounts list for one actor: each list's page 1 and page `wantedPage`, and searches through its `q` filter. */
export async function benchList(app: FastifyInstance, who: { label: string; cookie: string }, raw: Raw, runs: number, wantedPage: number, newsletterTagId: string): Promise<Line[]> {
  const lines: Line[] = [];
  for (const [name, params] of lists) {
    const query = name.startsWith('tag=') ? { ...params, tagId: newsletterTagId } : params;
    lines.push(await measureEndpoint(app, who.cookie, raw, runs, `${who.label}: list ${name}, page 1`, `/api/v1/accounts?${new URLSearchParams(query).toString()}`));
    const { url, page } = await pageUrl(app, who.cookie, '/api/v1/accounts', query, wantedPage);
    if (page > 1) lines.push(await measureEndpoint(app, who.cookie, raw, runs, `${who.label}: list ${name}, page ${page.toLocaleString('en')}`, url));
  }
  for (const [label, q] of [['garcia (common surname)', 'garcia'], ['maria lopez (two words)', 'maria lopez'], ['p12345 (e-mail prefix)', 'p12345']]) {
    lines.push(await measureEndpoint(app, who.cookie, raw, runs, `${who.label}: list filter q=${label}`, `/api/v1/accounts?${new URLSearchParams({ q: q ?? '', limit: '50' }).toString()}`));
  }
  return lines;
}
