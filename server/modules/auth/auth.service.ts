import type { Me } from '@contract/auth';
import type { Language } from '@contract/common';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '@server/lib/passwords';
import { normalizeText } from '@server/lib/normalize';
import { nowIso } from '@server/lib/time';
import { can, type Actor } from '@server/policies';
import { findTeam } from '@server/modules/teams/teams.repo';
import { countUsers, findUserByEmail, findUserById } from '@server/modules/users/users.repo';
import { createUser } from '@server/modules/users/users.service';
import { releaseLoginSlot, takeLoginSlot } from './login-throttle.repo';
import { createSession, deleteUserSessions } from './session.repo';

export type StartedSession = { token: string; csrfToken: string; userId: string };

/**
 * Checks credentials and opens a session; unknown e-mail and wrong password answer alike. The
 * attempt takes its throttle slot before the password is checked, and counts as a failure unless
 * the password is right; a refusal carries the seconds to wait (params.retryAfter).
 */
export async function login(db: Db, email: string, password: string, ip: string, sessionDays: number): Promise<StartedSession> {
  const slot = await takeLoginSlot(db, email, ip);
  if ('retryAfterSeconds' in slot) throw new AppError('too_many_attempts', { params: { retryAfter: slot.retryAfterSeconds } });
  const user = await findUserByEmail(db, email);
  const ok = user?.active ? await verifyPassword(user.password_hash, password) : await verifyAgainstNothing(password);
  if (!user || !ok) throw new AppError('invalid_credentials');
  await releaseLoginSlot(db, slot);
  return { ...(await createSession(db, user.id, sessionDays)), userId: user.id };
}

/** The signed-in user as the web app needs them, with what their role lets them reach. */
export async function presentMe(db: Db, actor: Actor, csrfToken: string): Promise<Me> {
  const team = actor.teamId ? await findTeam(db, actor.teamId) : undefined;
  return {
    id: actor.id,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    scope: actor.scope,
    teamId: actor.teamId,
    teamName: team?.name ?? null,
    crmManager: actor.crmManager,
    language: actor.language,
    csrfToken,
    abilities: {
      manageUsers: can(actor, { domain: 'user', action: 'list' }),
      viewBin: can(actor, { domain: 'bin', action: 'list' }),
      createAccounts: can(actor, { domain: 'account', action: 'create' }),
      unqualifyLeads: can(actor, { domain: 'lead', action: 'unqualify' }),
      manageLists: can(actor, { domain: 'list', action: 'manage' }),
      manageRegistry: can(actor, { domain: 'registry', action: 'manage' }),
      manageMail: can(actor, { domain: 'mail', action: 'configure' }),
      manageTemplates: can(actor, { domain: 'template', action: 'write' }),
      createCampaigns: can(actor, { domain: 'campaign', action: 'create' }),
      manageCatalog: can(actor, { domain: 'product', action: 'manage' }),
      manageTaxRates: can(actor, { domain: 'taxRate', action: 'manage' }),
      manageQuoteSettings: can(actor, { domain: 'quoteSettings', action: 'manage' }),
      manageAgreementTemplates: can(actor, { domain: 'agreementTemplate', action: 'manage' }),
    },
  };
}

export async function actorById(db: Db, id: string): Promise<Actor> {
  const row = await findUserById(db, id);
  if (!row) throw new AppError('unauthenticated');
  return { id: row.id, name: row.name, email: row.email, role: row.role, scope: row.scope, teamId: row.team_id, crmManager: row.crm_manager, language: row.language };
}

/** Every user edits their own name and language. */
export async function updateMe(db: Db, actor: Actor, input: { language?: Language | undefined; name?: string | undefined }): Promise<Actor> {
  const patch = { ...(input.language ? { language: input.language } : {}), ...(input.name ? { name: input.name } : {}) };
  if (Object.keys(patch).length > 0) {
    const nameNorm = input.name ? { name_norm: normalizeText(input.name) } : {};
    await db.updateTable('users').set({ ...patch, ...nameNorm, updated_at: nowIso() }).where('id', '=', actor.id).execute();
  }
  return { ...actor, ...patch };
}

/** Changes one's own password after checking the current one; other sessions end. */
export async function changeOwnPassword(db: Db, actor: Actor, sessionId: string, current: string, next: string): Promise<void> {
  const user = await findUserById(db, actor.id);
  if (!user || !(await verifyPassword(user.password_hash, current))) {
    throw new AppError('wrong_password', { fields: [{ field: 'currentPassword', code: 'wrong_password' }] });
  }
  await db.updateTable('users').set({ password_hash: await hashPassword(next), updated_at: nowIso() }).where('id', '=', actor.id).execute();
  await deleteUserSessions(db, actor.id, sessionId);
}

/** True until the first user exists: then the first-run page offers to create the admin. */
export const needsSetup = async (db: Db): Promise<boolean> => (await countUsers(db)) === 0;

/** Creates the first admin, from the first-run page or the environment; refused once any user exists. */
export async function createFirstAdmin(db: Db, input: { email: string; name: string; password: string; language: Language }): Promise<string> {
  if (!(await needsSetup(db))) throw new AppError('setup_done');
  const user = await createUser(db, null, { ...input, role: 'admin', scope: 'all', crmManager: true });
  return user.id;
}
