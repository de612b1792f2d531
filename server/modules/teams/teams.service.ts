import type { Team } from '@contract/users';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { countTeamMembers, deleteTeamRow, findTeam, insertTeam, listTeams, renameTeamRow } from './teams.repo';

/** Teams with how many users belong to each, by name: every signed-in user may read them (forms offer them). */
export async function findTeams(db: Db): Promise<{ items: Team[] }> {
  return { items: await listTeams(db) };
}

/** Creates a team of our own company (admins). */
export async function createTeam(db: Db, actor: Actor, name: string): Promise<Team> {
  authorize(actor, { domain: 'user', action: 'manageTeams' });
  const team = { id: newId(), name, created_at: nowIso() };
  await db.transaction().execute(async (trx) => {
    await insertTeam(trx, team);
    await writeAudit(trx, { actorId: actor.id, entity: 'team', entityId: team.id, accountId: null, action: 'created', changes: [{ field: 'name', before: null, after: name }] });
  });
  return { id: team.id, name, memberCount: 0 };
}

/** Renames a team (admins). */
export async function renameTeam(db: Db, actor: Actor, id: string, name: string): Promise<Team> {
  authorize(actor, { domain: 'user', action: 'manageTeams' });
  const team = await findTeam(db, id);
  if (!team) throw new AppError('not_found');
  await db.transaction().execute(async (trx) => {
    await renameTeamRow(trx, id, name);
    await writeAudit(trx, { actorId: actor.id, entity: 'team', entityId: id, accountId: null, action: 'updated', changes: [{ field: 'name', before: team.name, after: name }] });
  });
  return { id, name, memberCount: await countTeamMembers(db, id) };
}

/** Deletes an empty team (admins); a team with members is refused so nobody's scope changes silently. */
export async function deleteTeam(db: Db, actor: Actor, id: string): Promise<void> {
  authorize(actor, { domain: 'user', action: 'manageTeams' });
  const team = await findTeam(db, id);
  if (!team) throw new AppError('not_found');
  await db.transaction().execute(async (trx) => {
    if ((await countTeamMembers(trx, id)) > 0) throw new AppError('team_not_empty');
    await deleteTeamRow(trx, id);
    await writeAudit(trx, { actorId: actor.id, entity: 'team', entityId: id, accountId: null, action: 'deleted', changes: [{ field: 'name', before: team.name, after: null }] });
  });
}
