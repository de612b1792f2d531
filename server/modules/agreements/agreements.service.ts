import {
  agreementCreateSchema, agreementUpdateSchema,
  type Agreement, type AgreementCard, type AgreementCreate, type AgreementListQuery, type AgreementUpdate,
} from '@contract/agreements';
import type { ListResponse } from '@contract/common';
import type { z } from 'zod';
import type { AccountRow, AgreementRow, Db } from '@server/db/database';
import { diffFields, type FieldChange } from '@server/lib/diff';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { keysetPage, sortTable } from '@server/lib/list';
import { nowIso } from '@server/lib/time';
import { accountScopeOf, authorize, type Actor } from '@server/policies';
import { ensureAssigneeSeesAccount } from '@server/commands/assign-work';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { plannedRecordSearch } from '@server/modules/search/record-terms.repo';
import { checkListValue } from '@server/modules/lists/lists.service';
import { findCreatorName } from '@server/modules/opportunities/opportunities.repo';
import { findVisibleProject } from '@server/modules/projects/projects.repo';
import { activeUserIds } from '@server/modules/users/users.repo';
import { agreedFields, agreementColumnsOf, agreementFieldsOf, auditedAgreementFields, type AgreementFields } from './agreement-fields';
import { syncRenewalReminder } from './agreement-reminder';
import { presentAgreement, presentCard } from './agreements.presenter';
import { filteredAgreements, findCards, findOrganizationDocument, findVisibleAgreement, insertAgreement, scopedAgreements, updateAgreementRow } from './agreements.repo';


export async function requireVisibleAgreement(db: Db, actor: Actor, id: string): Promise<AgreementRow> {
  const row = await findVisibleAgreement(db, actor, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Rows as the list shows them, in the order of `ids` (the caller got them through the scope). */
export async function cardsOf(db: Db, ids: string[]): Promise<AgreementCard[]> {
  return (await findCards(db, ids)).map(presentCard);
}

/** The agreement as its page shows it. */
export async function getAgreement(db: Db, actor: Actor, id: string): Promise<Agreement> {
  authorize(actor, { domain: 'agreement', action: 'read' });
  await requireVisibleAgreement(db, actor, id);
  const [row] = await findCards(db, [id]);
  if (!row) throw new AppError('not_found');
  return presentAgreement(row, await findCreatorName(db, row.created_by));
}

/**
 * What the fields point at must fit the organization: a type still on its list, one of its projects
 * and documents, an active owner who sees it (or is made an owner of it when the caller asks).
 */
async function checkFields(trx: Db, actor: Actor, organization: AccountRow, next: AgreementFields, current: AgreementFields | null, addAsOwner: boolean): Promise<void> {
  await checkListValue(trx, 'agreement_type', 'type', next.type, current?.type ?? null);
  if (next.projectId && next.projectId !== current?.projectId) {
    const project = await findVisibleProject(trx, actor, next.projectId);
    if (!project || project.organization_id !== organization.id) throw fieldError('projectId', 'not_of_organization');
  }
  if (next.documentId && next.documentId !== current?.documentId && !(await findOrganizationDocument(trx, organization.id, next.documentId))) {
    throw fieldError('documentId', 'not_of_organization');
  }
  if (next.ownerId !== current?.ownerId) {
    if (!(await activeUserIds(trx, [next.ownerId])).has(next.ownerId)) throw fieldError('ownerId', 'unknown_user');
    await ensureAssigneeSeesAccount(trx, actor, organization, next.ownerId, { field: 'ownerId', addAsOwner });
  }
}

/** The history names the agreement even when only other fields changed. */
const withTitle = (fields: AgreementFields, changes: FieldChange[]): FieldChange[] =>
  changes.some((change) => change.field === 'title') ? changes : [{ field: 'title', before: null, after: fields.title }, ...changes];

export type DraftInput = Omit<z.output<typeof agreementCreateSchema>, 'organizationId' | 'addAssigneeAsOwner'> & { organizationId: string; addAssigneeAsOwner?: boolean | undefined };

/**
 * In the caller's transaction: a draft agreement on an organization the actor sees, with its history
 * row and, for a renewal date, the owner's task. Answers the row as stored.
 */
export async function insertDraft(trx: Db, actor: Actor, input: DraftInput): Promise<AgreementRow> {
  const { organizationId, addAssigneeAsOwner, ...data } = input;
  const organization = await requireVisibleAccount(trx, actor, organizationId);
  if (organization.kind !== 'organization') throw fieldError('organizationId', 'wrong_kind');
  const fields: AgreementFields = {
    title: data.title, type: data.type ?? null, reference: data.reference ?? null, language: data.language ?? actor.language,
    projectId: data.projectId ?? null, ownerId: data.ownerId ?? actor.id, startOn: data.startOn ?? null, endOn: data.endOn ?? null,
    value: data.value ?? null, renewalRemindOn: data.renewalRemindOn ?? null, documentId: data.documentId ?? null,
  };
  await checkFields(trx, actor, organization, fields, null, addAssigneeAsOwner ?? false);
  const now = nowIso();
  const row: AgreementRow = {
    id: newId(), organization_id: organization.id, organization_discarded_at: null, ...agreementColumnsOf(fields), status: 'draft', template_id: null, document_text: null,
    reminder_activity_id: null, token_hash: null, sent_at: null, customer_signed_on: null, customer_signed_name: null, customer_signed_at: null,
    customer_signed_ip: null, company_signed_on: null, company_signed_by: null, closed_on: null,
    created_at: now, updated_at: now, created_by: actor.id, updated_by: actor.id, version: 1,
  };
  await insertAgreement(trx, row);
  await writeAudit(trx, {
    actorId: actor.id, entity: 'agreement', entityId: row.id, accountId: organization.id, action: 'agreement_created', changes: diffFields(null, fields, auditedAgreementFields),
  });
  if (!fields.renewalRemindOn) return row;
  const reminder = await syncRenewalReminder(trx, actor, row, true);
  await trx.updateTable('agreements').set({ reminder_activity_id: reminder }).where('id', '=', row.id).execute();
  return { ...row, reminder_activity_id: reminder };
}

/** Starts an agreement (a draft) on an organization the actor sees; a renewal date becomes the owner's task. */
export async function createAgreement(db: Db, actor: Actor, input: AgreementCreate): Promise<Agreement> {
  authorize(actor, { domain: 'agreement', action: 'create' });
  const data = agreementCreateSchema.parse(input);
  const row = await db.transaction().execute((trx) => insertDraft(trx, actor, data));
  return getAgreement(db, actor, row.id);
}

/**
 * Edits the fields sent if the version is current; 412 and nothing changes otherwise. What was
 * agreed changes only in draft (409 agreement_not_draft); owner, project and reminder at any time.
 */
export async function updateAgreement(db: Db, actor: Actor, id: string, input: AgreementUpdate): Promise<Agreement> {
  authorize(actor, { domain: 'agreement', action: 'update' });
  const { version, addAssigneeAsOwner, ...data } = agreementUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await requireVisibleAgreement(trx, actor, id);
    if (before.version !== version) throw new AppError('stale_version');
    const old = agreementFieldsOf(before);
    const next: AgreementFields = { ...old };
    for (const key of auditedAgreementFields) {
      const value = data[key];
      if (value !== undefined) Object.assign(next, { [key]: value });
    }
    // Only one date sent: the pair must still be in order.
    if (next.startOn && next.endOn && next.endOn < next.startOn) throw fieldError('endOn', 'end_before_start');
    const changes = diffFields(old, next, auditedAgreementFields);
    if (changes.length === 0) return;
    if (before.status !== 'draft' && changes.some((change) => agreedFields.some((field) => field === change.field))) throw new AppError('agreement_not_draft');
    const organization = await requireVisibleAccount(trx, actor, before.organization_id);
    await checkFields(trx, actor, organization, next, old, addAssigneeAsOwner ?? false);
    const columns = agreementColumnsOf(next);
    const touchesReminder = changes.some((change) => ['renewalRemindOn', 'ownerId', 'title', 'projectId'].includes(change.field));
    const reminder = touchesReminder
      ? await syncRenewalReminder(trx, actor, { ...before, ...columns }, changes.some((change) => change.field === 'renewalRemindOn'))
      : before.reminder_activity_id;
    if (!(await updateAgreementRow(trx, id, version, { ...columns, reminder_activity_id: reminder, updated_at: nowIso(), updated_by: actor.id }))) throw new AppError('stale_version');
    await writeAudit(trx, { actorId: actor.id, entity: 'agreement', entityId: id, accountId: before.organization_id, action: 'agreement_updated', changes: withTitle(next, changes) });
  });
  return getAgreement(db, actor, id);
}

export const listSorts = sortTable('agreements', { createdAt: ['created_at'], updatedAt: ['updated_at'], title: ['title_norm'] });

/** The agreements list: the actor's scope, the filters, one keyset page in the sort asked for. */
export async function findAgreements(db: Db, actor: Actor, query: AgreementListQuery): Promise<ListResponse<AgreementCard>> {
  authorize(actor, { domain: 'agreement', action: 'read' });
  const base = filteredAgreements(db, actor, query, await plannedRecordSearch(db, 'agreement', query.q, accountScopeOf(actor).sees === 'all' ? null : scopedAgreements(db, actor)));
  const plan = listSorts.plan(query.sort);
  const columns = listSorts.columns().map((column) => `agreements.${column}` as const);
  const page = await keysetPage(db, base, base.select(['agreements.id', ...columns]), plan, query, (row) => listSorts.values(query.sort, row));
  return { items: await cardsOf(db, page.rows.map((row) => row.id)), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}
