import type { Selectable } from 'kysely';
import type { Db, TeamsTable } from '@server/db/database';

export const findTeam = (db: Db, id: string) =>
  db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();

/** Teams with how many users belong to each, by name. */
export async function listTeams(db: Db) {
  const rows = await db
    .selectFrom('teams')
    .leftJoin('users', 'users.team_id', 'teams.id')
    .select(['teams.id', 'teams.name', (eb) => eb.fn.count<number>('users.id').as('member_count')])
    .groupBy(['teams.id', 'teams.name'])
    .orderBy('teams.name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, memberCount: Number(row.member_count) }));
}

export async function insertTeam(db: Db, row: Selectable<TeamsTable>): Promise<void> {
  await db.insertInto('teams').values(row).execute();
}

export async function renameTeamRow(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable('teams').set({ name }).where('id', '=', id).execute();
}

export async function deleteTeamRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('teams').where('id', '=', id).execute();
}

export async function countTeamMembers(db: Db, id: string): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('team_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The ids of a team's users, as a subquery: lists filtered by "responsible user in this team" (users_team_idx). */
export const teamMembers = (db: Db, teamId: string) => db.selectFrom('users').select('users.id').where('users.team_id', '=', teamId);
