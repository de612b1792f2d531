import type { Db } from '@server/db/database';
import type { FieldChange } from '@server/lib/diff';
import { newId } from '@server/lib/ids';
import { insertMany } from '@server/lib/insert-many';
import { nowIso } from '@server/lib/time';
import { currentAuditBatch } from './audit-batch';

export type AuditEntry = {
  actorId: string | null;
  entity: string;
  entityId: string;
  /** The account whose history shows this entry, if any. */
  accountId: string | null;
  action: string;
  changes: FieldChange[];
};

/** Appends to the audit log; call it with the transaction that makes the change. */
export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: nowIso(),
      actor_id: entry.actorId,
      entity: entry.entity,
      entity_id: entry.entityId,
      account_id: entry.accountId,
      action: entry.action,
      changes: JSON.stringify(entry.changes),
      batch_id: currentAuditBatch(),
    })
    .execute();
}

/** Appends many entries in multi-row statements (imports write one per account). */
export async function writeAudits(db: Db, entries: AuditEntry[]): Promise<void> {
  const at = nowIso();
  const batchId = currentAuditBatch();
  const rows = entries.map((entry) => ({
    id: newId(), at, actor_id: entry.actorId, entity: entry.entity, entity_id: entry.entityId,
    account_id: entry.accountId, action: entry.action, changes: JSON.stringify(entry.changes), batch_id: batchId,
  }));
  await insertMany(db, 'audit_log', rows);
}
