import { z } from 'zod';
import type { Db } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { AppError } from '@server/lib/errors';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { auditedAccountFields, columnsOf, fieldsOf, termsOf, type AccountFields } from '@server/modules/accounts/account-fields';
import { findAccountsByIds, ownersOf, setTermsAndOwners, updateAccountRow } from '@server/modules/accounts/accounts.repo';
import {
  activeMergesOfLosers, addedByMerge, findActiveMerge, losersOf, markUndone, movedRowKinds, moveRowsBack, removeAddedTags, type MovedRowKind,
} from '@server/modules/accounts/merges.repo';
import { writeAudit, writeAudits } from '@server/modules/audit/audit.repo';
import { reparented } from './merge-accounts';

const fieldsSchema = z.record(z.string(), z.unknown());

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The survivor's fields with the merge's choices taken back: a field the merge changed returns to
 * what it was, unless it has been edited since (then the edit stays).
 */
function restoredFields(current: AccountFields, before: Record<string, unknown>, after: Record<string, unknown>): AccountFields {
  const next = { ...current };
  for (const field of auditedAccountFields) {
    if (!same(before[field], after[field]) && same(current[field], after[field])) Object.assign(next, { [field]: before[field] ?? null });
  }
  return next;
}

/**
 * Undoes a merge (admins, from the bin): the losers come back, everything the merge moved to the
 * survivor and still sits there goes back to the loser it came from, the tags and owners it gave
 * the survivor come off, and the survivor's fields return where nobody has edited them since.
 */
export async function undoMerge(db: Db, actor: Actor, mergeId: string): Promise<void> {
  authorize(actor, { domain: 'bin', action: 'restore' }, 'not_found');
  await db.transaction().execute(async (trx) => {
    const merge = await findActiveMerge(trx, mergeId);
    if (!merge) throw new AppError('not_found');
    const loserIds = await losersOf(trx, mergeId);
    const rows = await findAccountsByIds(trx, [merge.survivor_id, ...loserIds]);
    const survivor = rows.find((row) => row.id === merge.survivor_id);
    const losers = rows.filter((row) => row.id !== merge.survivor_id);
    // A purged loser cannot come back; a survivor merged away since must have that merge undone first.
    if (!survivor || losers.length !== loserIds.length || (await activeMergesOfLosers(trx, [survivor.id])).size > 0) {
      throw new AppError('merge_not_undoable');
    }
    const current = fieldsOf(survivor);
    const next = restoredFields(current, fieldsSchema.parse(JSON.parse(merge.fields_before)), fieldsSchema.parse(JSON.parse(merge.fields_after)));
    const kind = survivor.kind;
    const now = nowIso();
    for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const patch = row.id === survivor.id
        ? { ...columnsOf(kind, next), updated_at: now, updated_by: actor.id }
        : { discarded_at: null, discarded_by: null, updated_at: now, updated_by: actor.id };
      if (!(await updateAccountRow(trx, row.id, row.version, patch))) throw new AppError('stale_version');
    }
    for (const moved of Object.keys(movedRowKinds).filter((key): key is MovedRowKind => key in movedRowKinds)) {
      const back = await moveRowsBack(trx, mergeId, moved, survivor.id);
      if (moved !== 'child') continue;
      for (const loser of losers) await reparented(trx, actor, back.filter((row) => row.loserId === loser.id).map((row) => row.id), survivor.id, loser.id, now);
    }
    await removeAddedTags(trx, mergeId, survivor.id);
    const added = new Set(await addedByMerge(trx, mergeId, 'owner'));
    const owners = ((await ownersOf(trx, [survivor.id])).get(survivor.id) ?? []).map((owner) => owner.id).filter((id) => !added.has(id));
    await setTermsAndOwners(trx, survivor.id, { terms: termsOf(kind, next, columnsOf(kind, next).country), ownerIds: owners });
    await markUndone(trx, mergeId, actor.id, now);

    await writeAudit(trx, {
      actorId: actor.id, entity: 'account_merge', entityId: mergeId, accountId: survivor.id, action: 'merge_undone',
      changes: [{ field: 'mergedAccounts', before: losers.map((loser) => loser.name), after: null }, ...diffFields(current, next, auditedAccountFields)],
    });
    await writeAudits(trx, losers.map((loser) => ({
      actorId: actor.id, entity: 'account_merge', entityId: mergeId, accountId: loser.id, action: 'merge_undone',
      changes: [{ field: 'survivor', before: survivor.name, after: null }],
    })));
  });
}
