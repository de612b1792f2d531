import {
  opportunityCreateSchema, opportunityUpdateSchema,
  type Opportunity, type OpportunityCard, type OpportunityCreate, type OpportunityListQuery, type OpportunityPersonInput, type OpportunityUpdate,
} from '@contract/opportunities';
import type { ListResponse } from '@contract/common';
import type { AccountRow, Db, OpportunityRow } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { keysetPage, sortTable } from '@server/lib/list';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { ensureAssigneeSeesAccount } from '@server/commands/assign-work';
import { findVisibleAccount } from '@server/modules/accounts/accounts.repo';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { checkListValue } from '@server/modules/lists/lists.service';
import { activeUserIds } from '@server/modules/users/users.repo';
import { topPosition } from './board.repo';
import { auditedOpportunityFields, opportunityColumnsOf, opportunityFieldsOf, type OpportunityFields } from './opportunity-fields';
import { presentCard, presentOpportunity } from './opportunities.presenter';
import {
  contactsOfOrganization, filteredOpportunities, findCampaignRef, findCards, findCreatorName, findVisibleOpportunity, insertOpportunity, tagsOf,
  updateOpportunityRow, upsertPerson, visiblePeopleOf,
} from './opportunities.repo';
import { firstStage, requireStage, staleDaysOf, type Stage } from './pipeline.service';

export async function requireVisibleOpportunity(db: Db, actor: Actor, id: string): Promise<OpportunityRow> {
  const row = await findVisibleOpportunity(db, actor, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Cards as the board and the list show them, in the order of `ids`. */
export async function cardsOf(db: Db, actor: Actor, ids: string[]): Promise<OpportunityCard[]> {
  const now = nowIso();
  const staleDays = await staleDaysOf(db);
  return (await findCards(db, actor, ids, now)).map((row) => presentCard(row, staleDays, now));
}

/** The opportunity as its page shows it: its people and tags through the actor's portfolio. */
export async function getOpportunity(db: Db, actor: Actor, id: string): Promise<Opportunity> {
  authorize(actor, { domain: 'opportunity', action: 'read' });
  const row = await requireVisibleOpportunity(db, actor, id);
  const [card] = await cardsOf(db, actor, [id]);
  if (!card) throw new AppError('not_found');
  return presentOpportunity(
    card, row, await visiblePeopleOf(db, actor, row), await tagsOf(db, id), await findCreatorName(db, row.created_by), await findCampaignRef(db, row.campaign_id),
  );
}

/**
 * A stage's consequences for the fields: its outcome is the status; its probability applies unless
 * one was sent with the change; a lost reason and note only belong to a lost deal.
 */
function enterStage(next: OpportunityFields, stage: Stage, probabilitySent: boolean): void {
  next.stage = stage.key;
  next.status = stage.outcome;
  if (!probabilitySent) next.probability = stage.probability;
}

/** Lost reason and note only on a lost deal; an open or won one sheds them. */
function checkLostFields(next: OpportunityFields, sent: { lostReason?: string | null | undefined; lostNote?: string | null | undefined }): void {
  if (next.status === 'lost') return;
  if (sent.lostReason) throw fieldError('lostReason', 'only_when_lost');
  if (sent.lostNote) throw fieldError('lostNote', 'only_when_lost');
  next.lostReason = null;
  next.lostNote = null;
}

/** Source and lost reason are active list items (or the values it has), the owner an active user who sees the organization. */
async function checkFields(
  trx: Db, actor: Actor, organization: AccountRow, next: OpportunityFields, current: OpportunityFields | null, addAsOwner: boolean,
): Promise<void> {
  await checkListValue(trx, 'source', 'source', next.source, current?.source ?? null);
  await checkListValue(trx, 'opportunity_lost_reason', 'lostReason', next.lostReason, current?.lostReason ?? null);
  if (next.ownerId === current?.ownerId) return;
  if (!(await activeUserIds(trx, [next.ownerId])).has(next.ownerId)) throw fieldError('ownerId', 'unknown_user');
  await ensureAssigneeSeesAccount(trx, actor, organization, next.ownerId, { field: 'ownerId', addAsOwner });
}

/**
 * Adds or re-roles people of the opportunity: each must be a person the actor sees and a contact of
 * the organization; roles are `opportunity_role` items. Their history rows name no account (a person
 * is not everyone's to see), so they show on the opportunity's own history only.
 */
export async function putPeople(trx: Db, actor: Actor, opportunity: { id: string; organization_id: string }, people: OpportunityPersonInput[], field = 'people'): Promise<void> {
  const contacts = await contactsOfOrganization(trx, opportunity.organization_id, people.map((person) => person.personId));
  for (const [index, person] of people.entries()) {
    const account = await findVisibleAccount(trx, actor, person.personId);
    if (!account || account.kind !== 'person' || !contacts.has(person.personId)) throw fieldError(`${field}.${index}.personId`, 'not_a_contact');
    await checkListValue(trx, 'opportunity_role', `${field}.${index}.role`, person.role ?? null);
    await upsertPerson(trx, { opportunity_id: opportunity.id, person_id: person.personId, role: person.role ?? null, created_at: nowIso(), created_by: actor.id });
    await writeAudit(trx, {
      actorId: actor.id, entity: 'opportunity', entityId: opportunity.id, accountId: null, action: 'person_set',
      changes: [{ field: 'personId', before: null, after: person.personId }, { field: 'role', before: null, after: person.role ?? null }],
    });
  }
}

/**
 * Opens an opportunity on an organization the actor sees, at the top of its stage's column (the
 * pipeline's first open stage unless another is named), with its people in the same transaction.
 * The owner is the actor unless another user, who must see the organization, is named.
 */
export async function createOpportunity(db: Db, actor: Actor, input: OpportunityCreate): Promise<Opportunity> {
  authorize(actor, { domain: 'opportunity', action: 'create' });
  const data = opportunityCreateSchema.parse(input);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await openOpportunity(trx, actor, id, data);
  });
  return getOpportunity(db, actor, id);
}

/** The work of createOpportunity inside the caller's transaction (qualifying a lead opens one too). */
export async function openOpportunity(trx: Db, actor: Actor, id: string, data: ReturnType<typeof opportunityCreateSchema.parse>): Promise<void> {
  const organization = await requireVisibleAccount(trx, actor, data.organizationId);
  if (organization.kind !== 'organization') throw fieldError('organizationId', 'wrong_kind');
  const stage = data.stage ? await requireStage(trx, data.stage, null) : await firstStage(trx);
  const fields: OpportunityFields = {
    name: data.name, amount: data.amount ?? null, currency: data.currency, expectedCloseOn: data.expectedCloseOn, probability: data.probability ?? stage.probability,
    source: data.source ?? null, ownerId: data.ownerId ?? actor.id, stage: stage.key, status: stage.outcome,
    lostReason: data.lostReason ?? null, lostNote: data.lostNote ?? null, notes: data.notes ?? null,
  };
  checkLostFields(fields, data);
  await checkFields(trx, actor, organization, fields, null, data.addAssigneeAsOwner ?? false);
  const now = nowIso();
  await insertOpportunity(trx, {
    id, organization_id: organization.id, ...opportunityColumnsOf(fields), position: await topPosition(trx, stage.key),
    closed_at: stage.outcome === 'open' ? null : now, created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id, version: 1,
  });
  await writeAudit(trx, {
    actorId: actor.id, entity: 'opportunity', entityId: id, accountId: organization.id, action: 'opportunity_created',
    changes: diffFields(null, fields, auditedOpportunityFields),
  });
  await putPeople(trx, actor, { id, organization_id: organization.id }, data.people ?? []);
}

/**
 * Edits the fields sent if the version is current. A new stage sets the status from its outcome,
 * the probability from its default (unless one is sent), and puts the card on top of its column.
 */
export async function updateOpportunity(db: Db, actor: Actor, id: string, input: OpportunityUpdate): Promise<Opportunity> {
  authorize(actor, { domain: 'opportunity', action: 'update' });
  const { version, addAssigneeAsOwner, ...data } = opportunityUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await requireVisibleOpportunity(trx, actor, id);
    if (before.version !== version) throw new AppError('stale_version');
    const old = opportunityFieldsOf(before);
    const next: OpportunityFields = { ...old };
    if (data.name !== undefined) next.name = data.name;
    if (data.amount !== undefined) next.amount = data.amount;
    if (data.currency !== undefined) next.currency = data.currency;
    if (data.expectedCloseOn !== undefined) next.expectedCloseOn = data.expectedCloseOn;
    if (data.probability !== undefined) next.probability = data.probability;
    if (data.source !== undefined) next.source = data.source;
    if (data.ownerId !== undefined) next.ownerId = data.ownerId;
    if (data.lostReason !== undefined) next.lostReason = data.lostReason;
    if (data.lostNote !== undefined) next.lostNote = data.lostNote;
    if (data.notes !== undefined) next.notes = data.notes;
    if (data.stage !== undefined && data.stage !== old.stage) enterStage(next, await requireStage(trx, data.stage, old.stage), data.probability !== undefined);
    checkLostFields(next, data);
    const organization = await requireVisibleAccount(trx, actor, before.organization_id);
    await checkFields(trx, actor, organization, next, old, addAssigneeAsOwner ?? false);
    const changes = diffFields(old, next, auditedOpportunityFields);
    if (changes.length === 0) return;
    const now = nowIso();
    const moved = next.stage !== old.stage;
    const patch: Partial<OpportunityRow> = { ...opportunityColumnsOf(next), updated_at: now, updated_by: actor.id };
    if (moved) patch.position = await topPosition(trx, next.stage, id);
    if (next.status !== old.status) patch.closed_at = next.status === 'open' ? null : now;
    if (!(await updateOpportunityRow(trx, id, version, patch))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'opportunity', entityId: id, accountId: before.organization_id, action: 'opportunity_updated', changes: withName(next, changes) });
  });
  return getOpportunity(db, actor, id);
}

/** The history names the opportunity even when only other fields changed. */
export const withName = (fields: { name: string }, changes: ReturnType<typeof diffFields>) =>
  changes.some((change) => change.field === 'name') ? changes : [{ field: 'name', before: null, after: fields.name }, ...changes];

export const listSorts = sortTable('opportunities', { createdAt: ['created_at'], updatedAt: ['updated_at'], expectedCloseOn: ['expected_close_on'], name: ['name_norm'] });

/** The opportunities list: the actor's scope, the filters, one keyset page in the sort asked for. */
export async function findOpportunities(db: Db, actor: Actor, query: OpportunityListQuery): Promise<ListResponse<OpportunityCard>> {
  authorize(actor, { domain: 'opportunity', action: 'read' });
  const base = filteredOpportunities(db, actor, query);
  const plan = listSorts.plan(query.sort);
  const columns = listSorts.columns().map((column) => `opportunities.${column}` as const);
  const page = await keysetPage(db, base, base.select(['opportunities.id', ...columns]), plan, query, (row) => listSorts.values(query.sort, row));
  return { items: await cardsOf(db, actor, page.rows.map((row) => row.id)), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}
