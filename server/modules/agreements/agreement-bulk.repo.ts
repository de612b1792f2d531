import type { AgreementBulkOutcome } from '@contract/agreement-bulk';
import type { Db } from '@server/db/database';
import { nowIso } from '@server/lib/time';
import { accountScope, type Actor } from '@server/policies';

/**
 * Takes the company for this job: true when this call wrote its row, false when the job already
 * handled it (an earlier attempt, or another process, which PostgreSQL makes this call wait for).
 * In the transaction that does the company's work, so the row and the work commit or vanish together.
 */
export async function claimBulkRow(trx: Db, jobId: string, organizationId: string, outcome: AgreementBulkOutcome, reason: string | null = null): Promise<boolean> {
  const result = await trx.insertInto('agreement_bulk_rows')
    .values({ job_id: jobId, organization_id: organizationId, outcome, agreement_id: null, reason, processed_at: nowIso() })
    .onConflict((oc) => oc.columns(['job_id', 'organization_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function setBulkRowAgreement(trx: Db, jobId: string, organizationId: string, agreementId: string): Promise<void> {
  await trx.updateTable('agreement_bulk_rows').set({ agreement_id: agreementId }).where('job_id', '=', jobId).where('organization_id', '=', organizationId).execute();
}

/** Of these companies, those the job has handled already (a resumed attempt skips them without work). */
export async function handledOf(db: Db, jobId: string, organizationIds: string[]): Promise<Set<string>> {
  if (organizationIds.length === 0) return new Set();
  const rows = await db.selectFrom('agreement_bulk_rows').select('organization_id').where('job_id', '=', jobId).where('organization_id', 'in', organizationIds).execute();
  return new Set(rows.map((row) => row.organization_id));
}

/** How many companies the job has handled, by outcome: across all its attempts. */
export async function bulkCounts(db: Db, jobId: string): Promise<Record<AgreementBulkOutcome, number>> {
  const rows = await db.selectFrom('agreement_bulk_rows').select(['outcome', (eb) => eb.fn.countAll<number>().as('n')]).where('job_id', '=', jobId).groupBy('outcome').execute();
  const counts: Record<AgreementBulkOutcome, number> = { sent: 0, no_email: 0, failed: 0 };
  for (const row of rows) counts[row.outcome] = Number(row.n);
  return counts;
}

/** The job's rows of companies the reader sees now (a company that left their portfolio is absent), with what they show. */
export function visibleBulkRows(db: Db, actor: Actor, jobId: string, outcome: AgreementBulkOutcome | undefined) {
  let query = db.selectFrom('agreement_bulk_rows')
    .innerJoin('accounts', 'accounts.id', 'agreement_bulk_rows.organization_id')
    .where('agreement_bulk_rows.job_id', '=', jobId)
    .where(accountScope(actor));
  if (outcome) query = query.where('agreement_bulk_rows.outcome', '=', outcome);
  return query;
}

export type BulkReportRow = {
  organization_id: string;
  organization_name: string;
  outcome: AgreementBulkOutcome;
  reason: string | null;
  processed_at: string;
  agreement_id: string | null;
  agreement_title: string | null;
  agreement_status: string | null;
};

/** The rows of a page, by their keys, in the order given. */
export async function bulkReportRows(db: Db, jobId: string, organizationIds: string[]): Promise<BulkReportRow[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db.selectFrom('agreement_bulk_rows')
    .innerJoin('accounts', 'accounts.id', 'agreement_bulk_rows.organization_id')
    .leftJoin('agreements', 'agreements.id', 'agreement_bulk_rows.agreement_id')
    .select([
      'agreement_bulk_rows.organization_id', 'accounts.name as organization_name', 'agreement_bulk_rows.outcome', 'agreement_bulk_rows.reason',
      'agreement_bulk_rows.processed_at', 'agreement_bulk_rows.agreement_id', 'agreements.title as agreement_title', 'agreements.status as agreement_status',
    ])
    .where('agreement_bulk_rows.job_id', '=', jobId)
    .where('agreement_bulk_rows.organization_id', 'in', organizationIds)
    .execute();
  const byId = new Map(rows.map((row) => [row.organization_id, row]));
  return organizationIds.flatMap((id) => byId.get(id) ?? []);
}
