import { binQuerySchema, type binItemSchema } from '@contract/accounts';
import type { ListResponse } from '@contract/common';
import type { z } from 'zod';
import type { Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import type { Storage } from '@server/lib/storage';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { storageKeysOf } from '@server/modules/documents/documents.repo';
import { deleteAccount, findDiscarded, listDiscarded, updateAccountRow } from './accounts.repo';
import { activeMergesOfLosers } from './merges.repo';

type BinItem = z.infer<typeof binItemSchema>;

/** The bin: discarded accounts, for admins. */
export async function listBin(db: Db, actor: Actor, input: z.input<typeof binQuerySchema>): Promise<ListResponse<BinItem>> {
  authorize(actor, { domain: 'bin', action: 'list' });
  const query = binQuerySchema.parse(input);
  const page = await listDiscarded(db, query);
  const merges = await activeMergesOfLosers(db, page.rows.map((row) => row.id));
  return {
    items: page.rows.map((row) => {
      const merge = merges.get(row.id);
      return {
        id: row.id,
        kind: row.kind,
        name: row.name,
        discardedAt: row.discarded_at ?? '',
        discardedBy: row.discarded_by && row.discarded_by_name ? { id: row.discarded_by, name: row.discarded_by_name } : null,
        mergedInto: merge ? { mergeId: merge.mergeId, id: merge.survivorId, name: merge.survivorName } : null,
      };
    }),
    nextCursor: page.nextCursor,
    total: page.total,
    totalIsEstimate: page.totalIsEstimate,
  };
}

/** Brings a discarded account back, with its owners, contacts and history as they were. */
export async function restoreAccount(db: Db, actor: Actor, id: string): Promise<void> {
  authorize(actor, { domain: 'bin', action: 'restore' });
  await db.transaction().execute(async (trx) => {
    const row = await findDiscarded(trx, id);
    if (!row) throw new AppError('not_found');
    // Restoring it alone would leave its contacts and work with the account it was merged into.
    if ((await activeMergesOfLosers(trx, [id])).size > 0) throw new AppError('merged_account');
    const now = nowIso();
    if (!(await updateAccountRow(trx, id, row.version, { discarded_at: null, discarded_by: null, updated_at: now, updated_by: actor.id }))) {
      throw new AppError('stale_version');
    }
    await writeAudit(trx, { actorId: actor.id, entity: 'account', entityId: id, accountId: id, action: 'restored', changes: [] });
  });
}

/** Deletes a discarded account for good, its stored files too; its history rows stay in the audit log. */
export async function purgeAccount(db: Db, actor: Actor, id: string, storage: Storage): Promise<void> {
  authorize(actor, { domain: 'bin', action: 'purge' });
  const keys = await db.transaction().execute(async (trx) => {
    const row = await findDiscarded(trx, id);
    if (!row) throw new AppError('not_found');
    const fileKeys = await storageKeysOf(trx, id);
    await deleteAccount(trx, id);
    await writeAudit(trx, {
      actorId: actor.id, entity: 'account', entityId: id, accountId: id, action: 'purged',
      changes: [{ field: 'name', before: row.name, after: null }],
    });
    return fileKeys;
  });
  // After the commit: the rows are gone for good, so the bytes go too.
  for (const key of keys) await storage.delete(key);
}
