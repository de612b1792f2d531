import type { Db } from '@server/db/database';
import { addDays, nowIso, today } from '@server/lib/time';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { lapsedAgreements } from './agreement-expiry.repo';
import { updateAgreementRow } from './agreements.repo';

/** The first day an agreement ending on `endOn` is no longer in force: the day it expired. */
const dayAfter = (endOn: string): string => addDays(`${endOn}T00:00:00.000Z`, 1).slice(0, 10);

/**
 * Moves to `expired` every agreement whose end date is before `day` (today) and that was never
 * signed by both nor closed: a draft, one sent and waiting, or one signed by the customer only. Each
 * is dated the day after its end and told in its history as the system's doing, a batch per
 * transaction (`onBatch` runs in it: a job's checkpoint). The version guard makes a rerun, a retry or
 * a second process skip what another already moved, so each expires once. Answers how many expired.
 */
export async function expireAgreements(db: Db, options: { day?: string; batchSize?: number; onBatch?: (trx: Db, expired: number) => Promise<void> } = {}): Promise<number> {
  const { day = today(), batchSize = 200, onBatch } = options;
  let expired = 0;
  for (;;) {
    const { found, moved } = await db.transaction().execute(async (trx) => {
      const lapsed = await lapsedAgreements(trx, day, batchSize);
      let count = 0;
      for (const agreement of lapsed) {
        const closedOn = dayAfter(agreement.end_on ?? day);
        const patch = { status: 'expired' as const, closed_on: closedOn, updated_at: nowIso(), updated_by: null };
        // Changed meanwhile (signed, terminated, or expired by another run): left to what changed it.
        if (!(await updateAgreementRow(trx, agreement.id, agreement.version, patch))) continue;
        await writeAudit(trx, {
          actorId: null, entity: 'agreement', entityId: agreement.id, accountId: agreement.organization_id, action: 'agreement_expired',
          changes: [
            { field: 'title', before: null, after: agreement.title },
            { field: 'status', before: agreement.status, after: 'expired' },
            { field: 'closedOn', before: null, after: closedOn },
          ],
        });
        count += 1;
      }
      expired += count;
      await onBatch?.(trx, expired);
      return { found: lapsed.length, moved: count };
    });
    // A full batch of which none moved is being changed by someone else: tomorrow's run takes what is left.
    if (found < batchSize || moved === 0) return expired;
  }
}
