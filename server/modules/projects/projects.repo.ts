import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ProjectFilters } from '@contract/projects';
import type { Db, ProjectRow } from '@server/db/database';
import type { Insertable } from 'kysely';
import type { ProjectsTable } from '@server/db/project-tables';
import { activityPrivacy, projectScope, type Actor } from '@server/policies';
import { teamMembers } from '@server/modules/teams/teams.repo';
import { recordSearch, touchesSearchedText, writeRecordTerms } from '@server/modules/search/record-terms.repo';

/** Projects the actor may see: every read starts here, so list, counts, export and pages agree. */
export const scopedProjects = (db: Db, actor: Actor) => db.selectFrom('projects').where(projectScope(actor));

export type ScopedProjects = ReturnType<typeof scopedProjects>;

/** The list's filters, each served by an index (see the projects migration); `search`: `q` as a list page planned it (plannedRecordSearch). */
export function filteredProjects(db: Db, actor: Actor, filters: Partial<ProjectFilters>, search?: RawBuilder<SqlBool> | null): ScopedProjects {
  let base = scopedProjects(db, actor);
  if (filters.status) base = base.where('projects.status', '=', filters.status);
  if (filters.organizationId) base = base.where('projects.organization_id', '=', filters.organizationId);
  if (filters.endFrom) base = base.where('projects.end_on', '>=', filters.endFrom);
  if (filters.endTo) base = base.where('projects.end_on', '<=', filters.endTo);
  if (filters.responsibleId) {
    const userId = filters.responsibleId;
    base = base.where('projects.id', 'in', (eb) => eb.selectFrom('project_responsibles').select('project_responsibles.project_id').where('project_responsibles.user_id', '=', userId));
  }
  if (filters.teamId) {
    const members = teamMembers(db, filters.teamId);
    base = base.where('projects.id', 'in', (eb) => eb.selectFrom('project_responsibles').select('project_responsibles.project_id').where('project_responsibles.user_id', 'in', members));
  }
  const matching = search !== undefined ? search : filters.q ? recordSearch(db, 'project', filters.q) : null;
  if (matching) base = base.where(matching);
  return base;
}

/** Open tasks of a project the actor may see: scheduled activities of type task (a private one only for whoever may see it). */
export const openTasksOf = (actor: Actor, project: ReturnType<typeof sql.ref>) =>
  sql<number>`(select count(*) from activities pt where pt.project_id = ${project} and pt.status = 'scheduled' and pt.type = 'task' and ${activityPrivacy(actor, 'pt')})`;

export type CardRow = ProjectRow & { organization_name: string; open_tasks: number | string };

/** Projects by id, in the order given, with their organization's name and open tasks (scalar subqueries, no join per row). */
export async function findCards(db: Db, actor: Actor, ids: string[]): Promise<CardRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('projects')
    .selectAll('projects')
    .select([
      sql<string>`(select a.name from accounts a where a.id = projects.organization_id)`.as('organization_name'),
      openTasksOf(actor, sql.ref('projects.id')).as('open_tasks'),
    ])
    .where('projects.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Each project's responsible users by name. */
export async function responsiblesOf(db: Db, ids: string[]): Promise<Map<string, Array<{ id: string; name: string }>>> {
  const result = new Map<string, Array<{ id: string; name: string }>>();
  if (ids.length === 0) return result;
  const rows = await db.selectFrom('project_responsibles').innerJoin('users', 'users.id', 'project_responsibles.user_id')
    .select(['project_responsibles.project_id', 'users.id', 'users.name'])
    .where('project_responsibles.project_id', 'in', ids).orderBy('users.name_norm').orderBy('users.id').execute();
  for (const row of rows) result.set(row.project_id, [...(result.get(row.project_id) ?? []), { id: row.id, name: row.name }]);
  return result;
}

/** A project the actor may see, or undefined. */
export const findVisibleProject = (db: Db, actor: Actor, id: string): Promise<ProjectRow | undefined> =>
  scopedProjects(db, actor).selectAll('projects').where('projects.id', '=', id).executeTakeFirst();

export async function insertProject(db: Db, row: Insertable<ProjectsTable>): Promise<void> {
  await db.insertInto('projects').values(row).execute();
  await writeRecordTerms(db, 'project', [row.id]);
}

/** Writes the patch if the version is still `version` (and moves it on); false when someone else wrote first. */
export async function updateProjectRow(db: Db, id: string, version: number, patch: Partial<Omit<ProjectRow, 'organization_discarded_at'>>): Promise<boolean> {
  const result = await db.updateTable('projects').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  const written = Number(result.numUpdatedRows) === 1;
  if (written && touchesSearchedText('project', patch)) await writeRecordTerms(db, 'project', [id]);
  return written;
}

/** Makes `userIds` the project's responsible users. */
export async function replaceResponsibles(db: Db, projectId: string, userIds: string[], now: string): Promise<void> {
  await db.deleteFrom('project_responsibles').where('project_id', '=', projectId).execute();
  if (userIds.length > 0) await db.insertInto('project_responsibles').values(userIds.map((userId) => ({ project_id: projectId, user_id: userId, created_at: now }))).execute();
}

export const responsibleIdsOf = async (db: Db, projectId: string): Promise<string[]> =>
  (await db.selectFrom('project_responsibles').select('user_id').where('project_id', '=', projectId).orderBy('user_id').execute()).map((row) => row.user_id);
