import { sql, type SqlBool } from 'kysely';
import type { Group } from '@contract/list-query';
import type { RequestGroupQuery, RequestListQuery } from '@contract/requests';
import type { Db, RequestRow } from '@server/db/database';
import { portfolioReach } from '@server/db/portfolio';
import type { PortfolioDrive as Drive } from '@server/lib/portfolio-drive';
import { groupCount, type Bucket } from '@server/lib/group-count';
import { exactTotalLimit } from '@contract/common';
import { countUpTo, keysetPage, sortTable } from '@server/lib/list';
import { accountScope, accountScopeOf, type Actor } from '@server/policies';
import { recordPageDrive } from '@server/modules/accounts/record-drive.repo';
import { teamMembers } from '@server/modules/teams/teams.repo';

/** The list's sorts (the contract's requestSorts). */
const sorts = sortTable('requests', { requestedAt: ['requested_at'] });

/** A request with what its list row shows of the account and the responsible user. */
export type RequestView = RequestRow & { account_kind: 'organization' | 'person'; account_name: string; account_stage: string; responsible_name: string | null };

function selectView(db: Db) {
  return db
    .selectFrom('requests')
    .innerJoin('accounts', 'accounts.id', 'requests.account_id')
    .leftJoin('users', 'users.id', 'requests.responsible_id')
    .selectAll('requests')
    .select(['accounts.kind as account_kind', 'accounts.name as account_name', 'accounts.stage as account_stage', 'users.name as responsible_name']);
}

// No later request of the same lead (by date, then id) exists: the index on (account_id, requested_at, id) answers it.
const isLatest = sql<SqlBool>`not exists (select 1 from requests later where later.account_id = requests.account_id
  and (later.requested_at > requests.requested_at or (later.requested_at = requests.requested_at and later.id > requests.id)))`;

/** The requests a list may show, on the requests table alone (joined to accounts, SQLite first builds a Bloom filter over every account). */
function scopedBy(db: Db, actor: Actor, drive: Drive) {
  const scope = accountScopeOf(actor);
  const visible = scope.sees === 'all'
    ? sql<SqlBool>`exists (select 1 from accounts la where la.id = requests.account_id and la.discarded_at is null limit 1 offset 0)`
    : portfolioReach(scope.holder, drive, sql.ref('requests.account_id'));
  return db.selectFrom('requests').where(visible);
}

/** The actor's requests (through the account portfolio) under the list filters: lists and counts share it. */
function filtered(db: Db, actor: Actor, query: Omit<RequestListQuery, 'limit' | 'cursor' | 'sort'>, drive: Drive = 'probe') {
  let base = scopedBy(db, actor, drive);
  if (query.accountId) base = base.where('requests.account_id', '=', query.accountId);
  if (query.interest) base = base.where('requests.interest', '=', query.interest);
  if (query.group) base = base.where('requests.request_group', '=', query.group);
  if (query.channel) base = base.where('requests.channel', '=', query.channel);
  if (query.source) base = base.where('requests.source', '=', query.source);
  if (query.status) base = base.where('requests.status', '=', query.status);
  if (query.handled !== undefined) base = base.where('requests.handled', '=', query.handled);
  if (query.responsibleId) base = base.where('requests.responsible_id', '=', query.responsibleId);
  if (query.teamId) base = base.where('requests.responsible_id', 'in', teamMembers(db, query.teamId));
  if (query.from) base = base.where('requests.requested_at', '>=', new Date(query.from).toISOString());
  if (query.to) base = base.where('requests.requested_at', '<', new Date(query.to).toISOString());
  if (query.latestOnly) base = base.where(isLatest);
  return base;
}

export async function listRequests(db: Db, actor: Actor, query: RequestListQuery) {
  const base = filtered(db, actor, query, await recordPageDrive(db, accountScopeOf(actor)));
  const counted = filtered(db, actor, query, 'portfolio');
  const page = await keysetPage(db, base, base.select(['requests.id', 'requests.requested_at']), sorts.plan(query.sort), query, (row) => sorts.values(query.sort, row),
    () => countUpTo(db, counted, exactTotalLimit));
  return { ...page, rows: await findViews(db, page.rows.map((row) => row.id)) };
}

/** The requests of the list's filters counted per bucket (see groupCount). */
export const groupRequests = (db: Db, actor: Actor, query: Omit<RequestGroupQuery, 'by'>, buckets: Bucket[]): Promise<Group[]> =>
  groupCount(db, filtered(db, actor, query, 'portfolio'), buckets);

/** Full rows for ids, in the order given. */
async function findViews(db: Db, ids: string[]): Promise<RequestView[]> {
  if (ids.length === 0) return [];
  const rows = await selectView(db).where('requests.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A request on an account in the actor's portfolio, or undefined. */
export const findVisibleRequest = (db: Db, actor: Actor, id: string): Promise<RequestView | undefined> =>
  selectView(db).where('requests.id', '=', id).where(accountScope(actor)).executeTakeFirst();

export async function insertRequest(db: Db, row: RequestRow): Promise<void> {
  await db.insertInto('requests').values(row).execute();
}

export async function updateRequestRow(db: Db, id: string, version: number, patch: Partial<RequestRow>): Promise<boolean> {
  const result = await db.updateTable('requests').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The account's requests not yet handled (qualifying offers to close them). */
export const openRequestsOf = (db: Db, accountId: string): Promise<RequestRow[]> =>
  db.selectFrom('requests').selectAll().where('account_id', '=', accountId).where('handled', '=', false).orderBy('requested_at').orderBy('id').execute();
