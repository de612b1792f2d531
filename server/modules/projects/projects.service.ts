import {
  projectCreateSchema, type projectStartSchema, projectUpdateSchema,
  type Project, type ProjectCard, type ProjectCreate, type ProjectListQuery, type ProjectUpdate,
} from '@contract/projects';
import type { ListResponse } from '@contract/common';
import type { Db, ProjectRow } from '@server/db/database';
import { diffFields, type FieldChange } from '@server/lib/diff';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { keysetPage, sortTable } from '@server/lib/list';
import { nowIso } from '@server/lib/time';
import { accountScopeOf, authorize, type Actor } from '@server/policies';
import { ensureAssigneeSeesAccount } from '@server/commands/assign-work';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { findCreatorName } from '@server/modules/opportunities/opportunities.repo';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { plannedRecordSearch } from '@server/modules/search/record-terms.repo';
import { activeUserIds } from '@server/modules/users/users.repo';
import { auditedProjectFields, projectColumnsOf, projectFieldsOf, type ProjectFields } from './project-fields';
import { presentCard, presentProject } from './projects.presenter';
import {
  filteredProjects, findCards, findVisibleProject, insertProject, replaceResponsibles, responsibleIdsOf, responsiblesOf, scopedProjects, updateProjectRow,
} from './projects.repo';

export async function requireVisibleProject(db: Db, actor: Actor, id: string): Promise<ProjectRow> {
  const row = await findVisibleProject(db, actor, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Rows as the list shows them, in the order of `ids`. */
export async function cardsOf(db: Db, actor: Actor, ids: string[]): Promise<ProjectCard[]> {
  const rows = await findCards(db, actor, ids);
  const responsibles = await responsiblesOf(db, ids);
  return rows.map((row) => presentCard(row, responsibles.get(row.id) ?? []));
}

/** The project as its page shows it. */
export async function getProject(db: Db, actor: Actor, id: string): Promise<Project> {
  authorize(actor, { domain: 'project', action: 'read' });
  await requireVisibleProject(db, actor, id);
  const [row] = await findCards(db, actor, [id]);
  if (!row) throw new AppError('not_found');
  const responsibles = await responsiblesOf(db, [id]);
  return presentProject(presentCard(row, responsibles.get(id) ?? []), row, await findCreatorName(db, row.created_by));
}

/** Responsible users are active users, each of whom sees the organization (or is made an owner when the caller asks). */
async function checkResponsibles(trx: Db, actor: Actor, organizationId: string, next: string[], current: string[], addAsOwner: boolean): Promise<void> {
  const active = await activeUserIds(trx, next);
  let organization = await requireVisibleAccount(trx, actor, organizationId);
  for (const [index, userId] of next.entries()) {
    if (current.includes(userId)) continue;
    if (!active.has(userId)) throw fieldError(`responsibleIds.${index}`, 'unknown_user');
    organization = await ensureAssigneeSeesAccount(trx, actor, organization, userId, { field: `responsibleIds.${index}`, addAsOwner });
  }
}

/** The history names the project even when only other fields changed. */
const withName = (fields: ProjectFields, changes: FieldChange[]): FieldChange[] =>
  changes.some((change) => change.field === 'name') ? changes : [{ field: 'name', before: null, after: fields.name }, ...changes];

/** Opens a project on an organization the actor sees. */
export async function createProject(db: Db, actor: Actor, input: ProjectCreate): Promise<Project> {
  authorize(actor, { domain: 'project', action: 'create' });
  const { organizationId, ...data } = projectCreateSchema.parse(input);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await openProject(trx, actor, id, organizationId, data);
  });
  return getProject(db, actor, id);
}

/**
 * The work of createProject inside the caller's transaction (a new company's start project too).
 * Planned unless another status is named; the actor is its one responsible user unless others are.
 */
export async function openProject(trx: Db, actor: Actor, id: string, organizationId: string, data: ReturnType<typeof projectStartSchema.parse>): Promise<void> {
  authorize(actor, { domain: 'project', action: 'create' });
  const organization = await requireVisibleAccount(trx, actor, organizationId);
  if (organization.kind !== 'organization') throw fieldError('organizationId', 'wrong_kind');
  const responsibleIds = [...new Set(data.responsibleIds ?? [actor.id])];
  await checkResponsibles(trx, actor, organization.id, responsibleIds, [], data.addAssigneeAsOwner ?? false);
  const fields: ProjectFields = {
    name: data.name, status: data.status ?? 'planned', responsibleIds: responsibleIds.sort(), startOn: data.startOn ?? null,
    endOn: data.endOn ?? null, description: data.description ?? null, budget: data.budget ?? null,
  };
  const now = nowIso();
  await insertProject(trx, {
    id, organization_id: organization.id, ...projectColumnsOf(fields), created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id, version: 1,
  });
  await replaceResponsibles(trx, id, fields.responsibleIds, now);
  await writeAudit(trx, {
    actorId: actor.id, entity: 'project', entityId: id, accountId: organization.id, action: 'project_created', changes: diffFields(null, fields, auditedProjectFields),
  });
}

/** Edits the fields sent if the version is current; 412 and nothing changes otherwise. */
export async function updateProject(db: Db, actor: Actor, id: string, input: ProjectUpdate): Promise<Project> {
  authorize(actor, { domain: 'project', action: 'update' });
  const { version, addAssigneeAsOwner, ...data } = projectUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await requireVisibleProject(trx, actor, id);
    if (before.version !== version) throw new AppError('stale_version');
    const old = projectFieldsOf(before, await responsibleIdsOf(trx, id));
    const next: ProjectFields = { ...old };
    if (data.name !== undefined) next.name = data.name;
    if (data.status !== undefined) next.status = data.status;
    // Checked in the order sent (errors name the position), stored and compared sorted.
    const sent = data.responsibleIds === undefined ? null : [...new Set(data.responsibleIds)];
    if (sent) next.responsibleIds = [...sent].sort();
    if (data.startOn !== undefined) next.startOn = data.startOn;
    if (data.endOn !== undefined) next.endOn = data.endOn;
    if (data.description !== undefined) next.description = data.description;
    if (data.budget !== undefined) next.budget = data.budget;
    // Only one date sent: the pair must still be in order.
    if (next.startOn && next.endOn && next.endOn < next.startOn) throw fieldError('endOn', 'end_before_start');
    const changes = diffFields(old, next, auditedProjectFields);
    if (changes.length === 0) return;
    if (sent) await checkResponsibles(trx, actor, before.organization_id, sent, old.responsibleIds, addAssigneeAsOwner ?? false);
    const now = nowIso();
    if (!(await updateProjectRow(trx, id, version, { ...projectColumnsOf(next), updated_at: now, updated_by: actor.id }))) throw new AppError('stale_version');
    if (changes.some((change) => change.field === 'responsibleIds')) await replaceResponsibles(trx, id, next.responsibleIds, now);
    await writeAudit(trx, { actorId: actor.id, entity: 'project', entityId: id, accountId: before.organization_id, action: 'project_updated', changes: withName(next, changes) });
  });
  return getProject(db, actor, id);
}

export const listSorts = sortTable('projects', { createdAt: ['created_at'], updatedAt: ['updated_at'], name: ['name_norm'] });

/** The projects list: the actor's scope, the filters, one keyset page in the sort asked for. */
export async function findProjects(db: Db, actor: Actor, query: ProjectListQuery): Promise<ListResponse<ProjectCard>> {
  authorize(actor, { domain: 'project', action: 'read' });
  const base = filteredProjects(db, actor, query, await plannedRecordSearch(db, 'project', query.q, accountScopeOf(actor).sees === 'all' ? null : scopedProjects(db, actor)));
  const plan = listSorts.plan(query.sort);
  const columns = listSorts.columns().map((column) => `projects.${column}` as const);
  const page = await keysetPage(db, base, base.select(['projects.id', ...columns]), plan, query, (row) => listSorts.values(query.sort, row));
  return { items: await cardsOf(db, actor, page.rows.map((row) => row.id)), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}
