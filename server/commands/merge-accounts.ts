import { mergeRequestSchema, type MergeField, type MergeMoved, type MergeRequest, type MergeResult } from '@contract/merges';
import type { AccountRow, Db } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { auditedAccountFields, columnsOf, fieldsOf, termsOf, type AccountFields } from '@server/modules/accounts/account-fields';
import { wouldCycle } from '@server/modules/accounts/account-tree.repo';
import { checkParent } from '@server/modules/accounts/account-tree.service';
import { ownersOf, setTermsAndOwners, updateAccountRow } from '@server/modules/accounts/accounts.repo';
import { checkListValues, requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { addLoserTags, insertMerge, moveRows, recordLoserOwners, touchAccounts, type MovedRowKind } from '@server/modules/accounts/merges.repo';
import { inAuditBatch } from '@server/modules/audit/audit-batch';
import { writeAudit, writeAudits } from '@server/modules/audit/audit.repo';

// Every editable field can be taken from any of the merged accounts: a new account field fails to
// compile here until the merge contract names it.
const mergeFields = auditedAccountFields satisfies ReadonlyArray<MergeField>;

const invalid = (field: string, code: string) => new AppError('validation_failed', { fields: [{ field, code }] });

/** What moves, kind by kind, and what the answer counts it as. */
const moves: Array<[MovedRowKind, keyof MergeMoved, 'organization' | 'person' | 'both']> = [
  ['contact_organization', 'contacts', 'organization'],
  ['contact_person', 'contacts', 'person'],
  ['relationship_account', 'relationships', 'both'],
  ['relationship_related', 'relationships', 'both'],
  ['activity', 'activities', 'both'],
  ['request', 'requests', 'both'],
  ['document', 'documents', 'both'],
  ['trait', 'characteristics', 'both'],
  ['child', 'departments', 'both'],
];

/** The merged accounts, all in the actor's portfolio (else 404, as for any one of them), of one kind, at the versions sent. */
async function loadAccounts(trx: Db, actor: Actor, survivorId: string, loserIds: string[], versions: Record<string, number> | undefined): Promise<AccountRow[]> {
  const ids = [survivorId, ...loserIds];
  if (new Set(ids).size !== ids.length) throw invalid('loserIds', 'invalid_value');
  const rows: AccountRow[] = [];
  for (const id of ids) rows.push(await requireVisibleAccount(trx, actor, id));
  if (rows.some((row) => row.kind !== rows[0]?.kind)) throw invalid('loserIds', 'wrong_kind');
  if (rows.some((row) => versions?.[row.id] !== undefined && versions[row.id] !== row.version)) throw new AppError('stale_version');
  return rows;
}

/** The survivor's fields after the merge: each named field from the account named for it. */
function chosenFields(survivor: AccountRow, rows: AccountRow[], choice: Partial<Record<MergeField, string>>): AccountFields {
  const byId = new Map(rows.map((row) => [row.id, fieldsOf(row)]));
  const next = fieldsOf(survivor);
  for (const field of mergeFields) {
    const source = choice[field];
    if (source === undefined) continue;
    const from = byId.get(source);
    if (!from) throw invalid(`fields.${field}`, 'unknown_account');
    Object.assign(next, { [field]: from[field] });
  }
  // A department merged into its parent (or the other way round) has no parent left in the merge.
  if (next.parentId && byId.has(next.parentId)) next.parentId = null;
  return next;
}

/**
 * Merges duplicates into the survivor (seed 000's account as the one record): fields chosen per
 * field, the losers' links, work, documents, tags, owners and history moved to it, the losers
 * sent to the bin, and everything moved recorded so an admin can undo it exactly.
 */
export async function mergeAccounts(db: Db, actor: Actor, input: MergeRequest): Promise<MergeResult> {
  authorize(actor, { domain: 'account', action: 'update' });
  authorize(actor, { domain: 'account', action: 'discard' });
  const data = mergeRequestSchema.parse(input);
  const mergeId = newId();
  return db.transaction().execute((trx) => inAuditBatch('merge', mergeId, async () => {
    const rows = await loadAccounts(trx, actor, data.survivorId, data.loserIds, data.versions);
    const [survivor, ...losers] = rows;
    if (!survivor) throw new AppError('not_found');
    const group = rows.map((row) => row.id);
    const before = fieldsOf(survivor);
    const after = chosenFields(survivor, rows, data.fields);
    await checkListValues(trx, after, before);
    await checkParent(trx, actor, survivor.kind, survivor.id, after.parentId, before.parentId);
    const now = nowIso();

    // Rows written in id order, so two merges sharing accounts wait for each other instead of deadlocking.
    for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const patch = row.id === survivor.id
        ? { ...columnsOf(survivor.kind, after), updated_at: now, updated_by: actor.id }
        : { discarded_at: now, discarded_by: actor.id, updated_at: now, updated_by: actor.id };
      if (!(await updateAccountRow(trx, row.id, row.version, patch))) throw new AppError('stale_version');
    }
    await insertMerge(trx, {
      id: mergeId, survivor_id: survivor.id, fields_before: JSON.stringify(before), fields_after: JSON.stringify(after),
      created_at: now, created_by: actor.id, undone_at: null, undone_by: null,
    }, losers.map((loser) => loser.id));

    const moved: MergeMoved = { contacts: 0, relationships: 0, activities: 0, requests: 0, documents: 0, characteristics: 0, departments: 0, tags: 0, owners: 0 };
    const addedOwners: string[] = [];
    for (const loser of losers) {
      for (const [kind, counted, forKind] of moves) {
        if (forKind !== 'both' && forKind !== survivor.kind) continue;
        const ids = await moveRows(trx, mergeId, kind, loser.id, survivor.id, group);
        moved[counted] += ids.length;
        if (kind === 'child') await reparented(trx, actor, ids, loser.id, survivor.id, now);
      }
      moved.tags += (await addLoserTags(trx, mergeId, loser.id, survivor.id, actor.id, now)).length;
      addedOwners.push(...(await recordLoserOwners(trx, mergeId, loser.id, survivor.id)));
    }
    // The departments that moved could make the survivor sit below itself.
    if (after.parentId && (await wouldCycle(trx, survivor.id, after.parentId))) throw invalid('fields.parentId', 'parent_cycle');
    moved.owners = addedOwners.length;
    const owners = ((await ownersOf(trx, [survivor.id])).get(survivor.id) ?? []).map((owner) => owner.id);
    await setTermsAndOwners(trx, survivor.id, { terms: termsOf(survivor.kind, after, columnsOf(survivor.kind, after).country), ownerIds: [...owners, ...addedOwners] });

    await writeAudit(trx, {
      actorId: actor.id, entity: 'account_merge', entityId: mergeId, accountId: survivor.id, action: 'merged',
      changes: [{ field: 'mergedAccounts', before: null, after: losers.map((loser) => loser.name) }, ...diffFields(before, after, auditedAccountFields)],
    });
    const survivorName = columnsOf(survivor.kind, after).name;
    await writeAudits(trx, losers.map((loser) => ({
      actorId: actor.id, entity: 'account_merge', entityId: mergeId, accountId: loser.id, action: 'merged_into',
      changes: [{ field: 'survivor', before: null, after: survivorName }],
    })));
    return { id: mergeId, survivorId: survivor.id, loserIds: losers.map((loser) => loser.id), moved };
  }));
}

/** Departments that changed parent in a merge or its undo: a new version, and their history says so. */
export async function reparented(trx: Db, actor: Actor, ids: string[], from: string, to: string, at: string): Promise<void> {
  if (ids.length === 0) return;
  await touchAccounts(trx, ids, actor.id, at);
  await writeAudits(trx, ids.map((id) => ({
    actorId: actor.id, entity: 'account', entityId: id, accountId: id, action: 'updated', changes: [{ field: 'parentId', before: from, after: to }],
  })));
}
