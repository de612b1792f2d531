import { relationshipCreateSchema, type Relationship, type RelationshipCreate } from '@contract/account-links';
import type { AccountRelationshipRow, Db } from '@server/db/database';
import type { FieldChange } from '@server/lib/diff';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { findVisibleAccount } from '@server/modules/accounts/accounts.repo';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { checkListValue } from '@server/modules/lists/lists.service';
import { deleteRelationship, findPair, findRelationshipOf, insertRelationship, relationshipsOf, type RelationshipView } from './relationships.repo';

const present = (row: RelationshipView): Relationship => ({
  id: row.id,
  other: { id: row.other_id, name: row.other_name, kind: row.other_kind },
  reason: row.reason,
  note: row.note,
  createdAt: row.created_at,
});

const invalid = (field: string, code: string) => new AppError('validation_failed', { fields: [{ field, code }] });

/**
 * Both histories record the link, each naming the other account. The timeline leaves such an
 * entry out for an actor who cannot see the other side (as it does for contacts), so the name
 * never reaches someone outside that account's portfolio.
 */
async function auditBoth(trx: Db, actor: Actor, row: AccountRelationshipRow, names: Map<string, string>, removing: boolean): Promise<void> {
  const action = removing ? 'relationship_removed' : 'relationship_added';
  for (const [here, other] of [[row.account_id, row.related_id], [row.related_id, row.account_id]] as const) {
    const changes: FieldChange[] = [
      { field: 'relatedAccount', before: removing ? (names.get(other) ?? null) : null, after: removing ? null : (names.get(other) ?? null) },
      { field: 'relationshipReason', before: removing ? row.reason : null, after: removing ? null : row.reason },
    ];
    if (row.note && !removing) changes.push({ field: 'note', before: null, after: row.note });
    await writeAudit(trx, { actorId: actor.id, entity: 'account_relationship', entityId: row.id, accountId: here, action, changes });
  }
}

/** An account's relationships, from either side, limited to other accounts the actor may see. */
export async function listRelationships(db: Db, actor: Actor, accountId: string): Promise<Relationship[]> {
  authorize(actor, { domain: 'account', action: 'read' });
  const account = await requireVisibleAccount(db, actor, accountId);
  return (await relationshipsOf(db, actor, account.id)).map(present);
}

/** Relates two accounts the actor can both see, for a reason from the relationship_reason list. */
export async function addRelationship(db: Db, actor: Actor, accountId: string, input: RelationshipCreate): Promise<Relationship> {
  const data = relationshipCreateSchema.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    const here = await requireVisibleAccount(trx, actor, accountId);
    authorize(actor, { domain: 'account', action: 'update' });
    if (data.otherId === here.id) throw invalid('otherId', 'invalid_value');
    const other = await findVisibleAccount(trx, actor, data.otherId);
    if (!other) throw invalid('otherId', 'unknown_account');
    await checkListValue(trx, 'relationship_reason', 'reason', data.reason);
    if (await findPair(trx, here.id, other.id, data.reason)) throw invalid('reason', 'relationship_exists');
    const row: AccountRelationshipRow = {
      id: newId(), account_id: here.id, related_id: other.id, reason: data.reason, note: data.note ?? null,
      created_at: nowIso(), created_by: actor.id,
    };
    await insertRelationship(trx, row);
    await auditBoth(trx, actor, row, new Map([[here.id, here.name], [other.id, other.name]]), false);
    return row.id;
  });
  const created = (await relationshipsOf(db, actor, accountId)).find((row) => row.id === id);
  if (!created) throw new AppError('not_found');
  return present(created);
}

/** Removes a relationship seen from this account; the other side must be visible too. */
export async function removeRelationship(db: Db, actor: Actor, accountId: string, relationshipId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const here = await requireVisibleAccount(trx, actor, accountId);
    authorize(actor, { domain: 'account', action: 'update' });
    const row = await findRelationshipOf(trx, here.id, relationshipId);
    const otherId = row?.account_id === here.id ? row.related_id : row?.account_id;
    const other = otherId ? await findVisibleAccount(trx, actor, otherId) : undefined;
    if (!row || !other) throw new AppError('not_found');
    await deleteRelationship(trx, row.id);
    await auditBoth(trx, actor, row, new Map([[here.id, here.name], [other.id, other.name]]), true);
  });
}
