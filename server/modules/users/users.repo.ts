import { isPostgres, type Db, type NewUser, type UserPatch, type UserRow } from '@server/db/database';
import { keysetPage, type SortPlan } from '@server/lib/list';
import { normalizeText } from '@server/lib/normalize';
import type { Actor } from '@server/policies';

export const findUserById = (db: Db, id: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByEmail = (db: Db, email: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Active admins, with their rows locked until the transaction ends on PostgreSQL: two admins
 * demoting each other at once would otherwise both count two and leave none. (SQLite runs one
 * write transaction at a time.)
 */
export async function countActiveAdmins(db: Db): Promise<number> {
  let query = db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', true);
  if (isPostgres(db)) query = query.forUpdate();
  return (await query.execute()).length;
}

export const insertUser = async (db: Db, user: NewUser): Promise<void> => {
  await db.insertInto('users').values(user).execute();
};

/** Applies a patch when the version still matches; false when it was stale or gone. */
export async function updateUser(db: Db, id: string, version: number, patch: UserPatch): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const userSort: SortPlan = { key: 'name', columns: ['users.name_norm', 'users.id'], direction: 'asc' };

export async function listUsers(
  db: Db,
  query: { limit: number; cursor?: string; q?: string; active: 'true' | 'false' | 'all' },
) {
  let base = db.selectFrom('users');
  if (query.active !== 'all') base = base.where('active', '=', query.active === 'true');
  if (query.q) {
    const like = `%${normalizeText(query.q)}%`;
    base = base.where((eb) => eb.or([eb('users.name_norm', 'like', like), eb('users.email', 'like', like)]));
  }
  return keysetPage(db, base, base.selectAll(), userSort, query, (row) => [row.name_norm, row.id]);
}

/** Names of users for pickers and for showing who owns or changed what. */
export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function userOptions(db: Db) {
  return db.selectFrom('users').select(['id', 'name', 'active']).orderBy('name_norm').orderBy('id').execute();
}

/** Which of the given ids are active users (for owner lists). */
export async function activeUserIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).where('active', '=', true).execute();
  return new Set(rows.map((row) => row.id));
}

/** Every active user's id, name and e-mail (an import resolves an owners column against them). */
export const activeUserDirectory = (db: Db): Promise<Array<{ id: string; name: string; email: string }>> =>
  db.selectFrom('users').select(['id', 'name', 'email']).where('active', '=', true).execute();

/** The actor a background job acts as: its author, if still active. */
export async function loadActor(db: Db, id: string): Promise<Actor | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).where('active', '=', true).executeTakeFirst();
  return row
    ? { id: row.id, name: row.name, email: row.email, role: row.role, scope: row.scope, teamId: row.team_id, crmManager: row.crm_manager, language: row.language }
    : undefined;
}
