import type { User, UserCreate, UserUpdate } from '@contract/users';
import { userCreateSchema, userUpdateSchema } from '@contract/users';
import type { Db, UserPatch, UserRow } from '@server/db/database';
import { isUniqueViolation } from '@server/db/errors';
import { diffFields } from '@server/lib/diff';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { hashPassword } from '@server/lib/passwords';
import { normalizeText } from '@server/lib/normalize';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { deleteUserSessions } from '@server/modules/auth/session.repo';
import { findTeam } from '@server/modules/teams/teams.repo';
import { presentUser } from './users.presenter';
import { countActiveAdmins, findUserByEmail, findUserById, insertUser, updateUser } from './users.repo';

const auditedFields = ['name', 'role', 'scope', 'team_id', 'crm_manager', 'language', 'active'] as const;

async function requireUser(db: Db, id: string): Promise<UserRow> {
  const row = await findUserById(db, id);
  if (!row) throw new AppError('not_found');
  return row;
}

async function requireTeam(db: Db, teamId: string | null | undefined): Promise<void> {
  if (teamId && !(await findTeam(db, teamId))) throw fieldError('teamId', 'unknown_team');
}

/** Creates a user (a sales agent unless told otherwise); also used by set-up for the first admin. */
export async function createUser(db: Db, actor: Actor | null, input: UserCreate): Promise<User> {
  if (actor) authorize(actor, { domain: 'user', action: 'create' });
  const data = userCreateSchema.parse(input);
  await requireTeam(db, data.teamId);
  const taken = () => new AppError('email_taken', { fields: [{ field: 'email', code: 'email_taken' }] });
  if (await findUserByEmail(db, data.email)) throw taken();
  const now = nowIso();
  const row: UserRow = {
    id: newId(),
    email: data.email,
    name: data.name,
    name_norm: normalizeText(data.name),
    password_hash: await hashPassword(data.password),
    role: data.role,
    scope: data.scope,
    team_id: data.teamId ?? null,
    crm_manager: data.crmManager,
    language: data.language,
    active: true,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await db.transaction().execute(async (trx) => {
    await insertUser(trx, row).catch((error: unknown) => {
      throw isUniqueViolation(error) ? taken() : error;
    });
    await writeAudit(trx, {
      actorId: actor?.id ?? null,
      entity: 'user',
      entityId: row.id,
      accountId: null,
      action: 'created',
      changes: diffFields(null, row, auditedFields),
    });
  });
  return presentUser(row);
}

/** Writes a patch with its audit row; refuses a stale version and leaving no active admin. */
async function patchUser(db: Db, actor: Actor, id: string, version: number, patch: UserPatch, action: string): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const before = await requireUser(trx, id);
    // Checked here as well as in the UPDATE: a version past PostgreSQL's integer range would fail there as a 500.
    if (before.version !== version) throw new AppError('stale_version');
    const after: UserRow = { ...before, ...patch, updated_at: nowIso() };
    const losesAdmin = before.role === 'admin' && before.active && (after.role !== 'admin' || !after.active);
    if (losesAdmin && (await countActiveAdmins(trx)) <= 1) throw new AppError('last_admin');
    if (!(await updateUser(trx, id, version, { ...patch, updated_at: after.updated_at }))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'user', entityId: id, accountId: null, action, changes: diffFields(before, after, auditedFields) });
    return presentUser({ ...after, version: version + 1 });
  });
}

/** Changes a user's name, role, scope, team, CRM-manager permission or language (admins). */
export async function changeUser(db: Db, actor: Actor, id: string, input: UserUpdate): Promise<User> {
  authorize(actor, { domain: 'user', action: 'update' });
  const data = userUpdateSchema.parse(input);
  await requireTeam(db, data.teamId);
  const patch: UserPatch = {};
  if (data.name !== undefined) Object.assign(patch, { name: data.name, name_norm: normalizeText(data.name) });
  if (data.role !== undefined) patch.role = data.role;
  if (data.scope !== undefined) patch.scope = data.scope;
  if (data.teamId !== undefined) patch.team_id = data.teamId;
  if (data.crmManager !== undefined) patch.crm_manager = data.crmManager;
  if (data.language !== undefined) patch.language = data.language;
  return patchUser(db, actor, id, data.version, patch, 'updated');
}

/** Deactivates or reactivates a user; a deactivated user's sessions end at once. */
export async function setUserActive(db: Db, actor: Actor, id: string, active: boolean): Promise<User> {
  authorize(actor, { domain: 'user', action: 'deactivate' });
  const current = await requireUser(db, id);
  if (current.active === active) return presentUser(current);
  const user = await patchUser(db, actor, id, current.version, { active }, active ? 'activated' : 'deactivated');
  if (!active) await deleteUserSessions(db, id);
  return user;
}

/** Sets a new password for a user (admins); their other sessions end. */
export async function resetPassword(db: Db, actor: Actor, id: string, password: string): Promise<void> {
  authorize(actor, { domain: 'user', action: 'resetPassword' });
  const current = await requireUser(db, id);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: nowIso() }).where('id', '=', id).execute();
    await writeAudit(trx, { actorId: actor.id, entity: 'user', entityId: current.id, accountId: null, action: 'password_reset', changes: [] });
  });
  await deleteUserSessions(db, id);
}
