import type { FastifyInstance } from 'fastify';
import { sql, type CompiledQuery } from 'kysely';
import { accountListQuerySchema, type AccountListItem } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import { exactTotalLimit } from '@contract/common';
import type { Db } from '@server/db/database';
import { applyKeyset, decodeCursor, type SortPlan } from '@server/lib/list';
import type { Actor } from '@server/policies';
import { filteredAccounts } from '@server/modules/accounts/accounts.repo';
import { timeIt, type Raw } from './raw';

const namePlan: SortPlan = { key: 'name', columns: ['accounts.name_norm', 'accounts.id'], direction: 'asc' };

/** The SQL the list endpoint runs for one page (page, capped count, owners), compiled by the same builders. */
export function listQueries(db: Db, actor: Actor, params: Record<string, string>, ownerIds: string[]): CompiledQuery[] {
  const query = accountListQuerySchema.parse(params);
  const base = filteredAccounts(db, actor, query);
  const page = applyKeyset(base.selectAll('accounts'), namePlan, decodeCursor(query.cursor, namePlan)).limit(query.limit + 1).compile();
  const capped = base.clearSelect().select(sql<number>`1`.as('one')).limit(exactTotalLimit + 1);
  const count = sql`select count(*) as n from (${capped}) as capped`.compile(db);
  const owners = db.selectFrom('account_owners').innerJoin('users', 'users.id', 'account_owners.user_id')
    .select(['account_owners.account_id', 'users.id', 'users.name'])
    .where('account_owners.account_id', 'in', ownerIds.length > 0 ? ownerIds : [''])
    .orderBy('users.name').compile();
  return [page, count, owners];
}

export async function runAll(raw: Raw, queries: CompiledQuery[]): Promise<unknown[][]> {
  const results: unknown[][] = [];
  for (const query of queries) results.push(await raw.all(query.sql, query.parameters));
  return results;
}

type Line = { label: string; cartera: { p50: number; p95: number }; raw: { p50: number; p95: number } };

/** List pages 1 and N (reached by cursors) and searches: the endpoint in-process vs its SQL run directly. */
export async function benchList(app: FastifyInstance, cookie: string, db: Db, actor: Actor, raw: Raw, runs: number, wantedPage: number): Promise<{ lines: Line[]; pageReached: number }> {
  const lines: Line[] = [];
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json<ListResponse<AccountListItem>>();
  };
  const measure = async (label: string, params: Record<string, string>) => {
    const url = `/api/v1/accounts?${new URLSearchParams(params).toString()}`;
    const first = await get(url);
    const queries = listQueries(db, actor, params, first.items.map((item) => item.id));
    lines.push({ label, cartera: await timeIt(runs, () => get(url)), raw: await timeIt(runs, () => runAll(raw, queries)) });
  };
  const filter = { kind: 'person', sort: 'name', limit: '50' };
  await measure(`${actor.role}: list kind=person sort=name, page 1`, filter);
  let cursor: string | null = null;
  let page = 1;
  while (page < wantedPage) {
    const next: ListResponse<AccountListItem> = await get(`/api/v1/accounts?${new URLSearchParams({ ...filter, ...(cursor ? { cursor } : {}) }).toString()}`);
    if (!next.nextCursor) break;
    cursor = next.nextCursor;
    page += 1;
  }
  if (cursor) await measure(`${actor.role}: list kind=person sort=name, page ${page}`, { ...filter, cursor });
  await measure(`${actor.role}: search q=garcia (common surname)`, { q: 'garcia', limit: '50' });
  await measure(`${actor.role}: search q=maria lopez (two words)`, { q: 'maria lopez', limit: '50' });
  await measure(`${actor.role}: search q=p12345 (e-mail prefix)`, { q: 'p12345', limit: '50' });
  return { lines, pageReached: page };
}
