import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Db } from '@server/db/database';
import { measureEndpoint, pageUrl, type Line } from './api-bench';
import type { Raw } from './raw';

/** A list's line: its path and query; `laterPage` adds the page reached by following cursors that far. */
export type ListCase = { name: string; path: string; params: Record<string, string>; laterPage?: number };

export type Actor = { label: string; cookie: string };

/** A line with the machine's load average (1 minute) when it was taken: the machine is shared. */
export type LoadedLine = Line & { load: number };

const withLoad = (line: Line): LoadedLine => ({ ...line, load: os.loadavg()[0] ?? 0 });

/** Page 1 of each list (and a later page where asked) for one actor, in-process against the same SQL run directly. */
export async function benchLists(app: FastifyInstance, who: Actor, raw: Raw, runs: number, cases: ListCase[]): Promise<LoadedLine[]> {
  const lines: LoadedLine[] = [];
  for (const { name, path, params, laterPage } of cases) {
    lines.push(withLoad(await measureEndpoint(app, who.cookie, raw, runs, `${who.label}: ${name}, page 1`, `${path}?${new URLSearchParams(params).toString()}`)));
    if (laterPage === undefined) continue;
    const { url, page } = await pageUrl(app, who.cookie, path, params, laterPage);
    if (page > 1) lines.push(withLoad(await measureEndpoint(app, who.cookie, raw, runs, `${who.label}: ${name}, page ${page.toLocaleString('en')}`, url)));
  }
  return lines;
}

/**
 * The organization the user owns with the most rows of `table` (its tab's list, the longest a case
 * can ask for); the agent's, so the admin and the agent's team see it too.
 */
export async function busiestOrganization(db: Db, ownerEmail: string, table: 'projects' | 'invoices'): Promise<{ id: string; rows: number }> {
  const owner = db.selectFrom('users').select('id').where('email', '=', ownerEmail);
  const row = await db.selectFrom(table).select((eb) => ['organization_id', eb.fn.countAll<number>().as('n')])
    .where('organization_id', 'in', db.selectFrom('account_owners').select('account_id').where('user_id', 'in', owner))
    .groupBy('organization_id').orderBy('n', 'desc').orderBy('organization_id').limit(1).executeTakeFirst();
  if (!row) throw new Error(`${ownerEmail} owns no organization with ${table}`);
  return { id: row.organization_id, rows: Number(row.n) };
}

/** One endpoint (not a list page) for one actor, with the load beside it. */
export async function benchOne(app: FastifyInstance, who: Actor, raw: Raw, runs: number, name: string, url: string): Promise<LoadedLine> {
  return withLoad(await measureEndpoint(app, who.cookie, raw, runs, `${who.label}: ${name}`, url));
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** A table's header, for lines that carry their load (and with `cpu`, the bench process's CPU time per run of each side). */
export const loadedHeader = (title: string, cpu = false): string[] => [
  `| ${title} | Cartera p50 | Cartera p95 | raw SQL p50 | raw SQL p95 |${cpu ? ' Cartera CPU p50 | raw SQL CPU p50 |' : ''} load avg |`,
  `| --- | --- | --- | --- | --- |${cpu ? ' --- | --- |' : ''} --- |`,
];

export const loadedRow = (line: LoadedLine, runs: number, cpu = false): string =>
  `| ${line.label}${line.cartera.runs < runs ? ` (${line.cartera.runs} runs)` : ''} | ${ms(line.cartera.p50)} | ${ms(line.cartera.p95)} | ${ms(line.raw.p50)} | ${ms(line.raw.p95)} |${
    cpu ? ` ${ms(line.cartera.cpuP50)} | ${ms(line.raw.cpuP50)} |` : ''} ${line.load.toFixed(1)} |`;
