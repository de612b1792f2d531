import { opportunityPersonRoleSchema, type Opportunity } from '@contract/opportunities';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { findVisibleAccount } from '@server/modules/accounts/accounts.repo';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { findTag } from '@server/modules/tags/tags.repo';
import { deleteOpportunityTag, deletePerson, insertOpportunityTag } from './opportunities.repo';
import { getOpportunity, putPeople, requireVisibleOpportunity } from './opportunities.service';

/** Adds a person of the organization to the opportunity with a role, or changes their role. */
export async function setOpportunityPerson(db: Db, actor: Actor, id: string, personId: string, input: { role: string | null }): Promise<Opportunity> {
  authorize(actor, { domain: 'opportunity', action: 'update' });
  const data = opportunityPersonRoleSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const opportunity = await requireVisibleOpportunity(trx, actor, id);
    await putPeople(trx, actor, opportunity, [{ personId, role: data.role }], 'person');
  });
  return getOpportunity(db, actor, id);
}

/** Takes a person off the opportunity; someone the actor cannot see is not found. */
export async function removeOpportunityPerson(db: Db, actor: Actor, id: string, personId: string): Promise<Opportunity> {
  authorize(actor, { domain: 'opportunity', action: 'update' });
  await db.transaction().execute(async (trx) => {
    await requireVisibleOpportunity(trx, actor, id);
    if (!(await findVisibleAccount(trx, actor, personId)) || !(await deletePerson(trx, id, personId))) throw new AppError('not_found');
    await writeAudit(trx, { actorId: actor.id, entity: 'opportunity', entityId: id, accountId: null, action: 'person_removed', changes: [{ field: 'personId', before: personId, after: null }] });
  });
  return getOpportunity(db, actor, id);
}

/** Tags an opportunity (the shared tags of accounts); tagging twice changes nothing. */
export async function tagOpportunity(db: Db, actor: Actor, id: string, tagId: string): Promise<void> {
  authorize(actor, { domain: 'opportunity', action: 'update' });
  await db.transaction().execute(async (trx) => {
    const opportunity = await requireVisibleOpportunity(trx, actor, id);
    const tag = await findTag(trx, tagId);
    if (!tag) throw new AppError('not_found');
    if (!(await insertOpportunityTag(trx, { opportunity_id: id, tag_id: tagId, created_at: nowIso(), created_by: actor.id }))) return;
    await writeAudit(trx, { actorId: actor.id, entity: 'opportunity', entityId: id, accountId: opportunity.organization_id, action: 'tag_added', changes: [{ field: 'tag', before: null, after: tag.name }] });
  });
}

export async function untagOpportunity(db: Db, actor: Actor, id: string, tagId: string): Promise<void> {
  authorize(actor, { domain: 'opportunity', action: 'update' });
  await db.transaction().execute(async (trx) => {
    const opportunity = await requireVisibleOpportunity(trx, actor, id);
    const tag = await findTag(trx, tagId);
    if (!tag) throw new AppError('not_found');
    if (!(await deleteOpportunityTag(trx, id, tagId))) return;
    await writeAudit(trx, { actorId: actor.id, entity: 'opportunity', entityId: id, accountId: opportunity.organization_id, action: 'tag_removed', changes: [{ field: 'tag', before: tag.name, after: null }] });
  });
}
