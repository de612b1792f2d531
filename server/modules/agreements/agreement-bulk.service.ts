import { z } from 'zod';
import type { AgreementBulkRow, AgreementBulkRowsQuery } from '@contract/agreement-bulk';
import { agreementBulkRowsQuerySchema } from '@contract/agreement-bulk';
import { agreementStatusSchema } from '@contract/agreements';
import type { Language, ListResponse } from '@contract/common';
import type { Db } from '@server/db/database';
import { AppError, errorStatus, type ErrorCode } from '@server/lib/errors';
import { parseJsonColumn } from '@server/lib/json';
import { keysetPage, type SortPlan } from '@server/lib/list';
import { errorMessage, fieldMessage } from '@server/lib/messages';
import { authorize, canSeeJob, type Actor } from '@server/policies';
import { findJob } from '@server/jobs/jobs.repo';
import { bulkReportRows, visibleBulkRows, type BulkReportRow } from './agreement-bulk.repo';

/** The job kind of "send agreement from template" (server/commands/bulk-agreements.ts runs it). */
export const agreementBulkJobKind = 'agreements.bulk_send';

const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(errorStatus, value);

/** Why a company was not sent, as stored: the error's code and, for a field's error, that field's code, with their parameters. */
const reasonSchema = z.object({ error: z.string(), field: z.string().optional(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

/** What a refusal stores as the row's reason (translated when the report is read, in the reader's language). */
export function reasonOf(error: AppError): string {
  const field = error.code === 'validation_failed' ? error.fields[0] : undefined;
  const params = { ...error.params, ...Object.fromEntries(Object.entries(field?.params ?? {}).map(([key, value]) => [key, String(value)])) };
  return JSON.stringify({ error: error.code, ...(field ? { field: field.code } : {}), params });
}

function reasonText(reason: string | null, language: Language): string | null {
  const parsed = reason ? parseJsonColumn(reason, reasonSchema, null) : null;
  if (!parsed) return null;
  if (parsed.field) return fieldMessage(language, parsed.field, parsed.params);
  return isErrorCode(parsed.error) ? errorMessage(language, parsed.error, parsed.params) : null;
}

const present = (row: BulkReportRow, language: Language): AgreementBulkRow => {
  const status = agreementStatusSchema.safeParse(row.agreement_status);
  return {
    organization: { id: row.organization_id, name: row.organization_name },
    outcome: row.outcome,
    reason: reasonText(row.reason, language),
    agreement: row.agreement_id && row.agreement_title && status.success ? { id: row.agreement_id, title: row.agreement_title, status: status.data } : null,
    processedAt: row.processed_at,
  };
};

// The report reads in the order the job handled the companies; the company's id breaks ties.
const plan: SortPlan = {
  key: 'processedAt', columns: ['agreement_bulk_rows.processed_at', 'agreement_bulk_rows.organization_id'], direction: 'asc', types: ['timestamp', 'text'],
};

/**
 * The per-company report of a "send agreement from template" job, for its author (and admins):
 * each company it handled that the reader sees now, what became of it and why, a page at a time.
 */
export async function agreementBulkReport(db: Db, actor: Actor, jobId: string, input: AgreementBulkRowsQuery, language: Language): Promise<ListResponse<AgreementBulkRow>> {
  authorize(actor, { domain: 'agreement', action: 'read' });
  const query = agreementBulkRowsQuerySchema.parse(input);
  const job = await findJob(db, jobId);
  if (!job || job.kind !== agreementBulkJobKind || !canSeeJob(actor, job)) throw new AppError('not_found');
  const base = visibleBulkRows(db, actor, jobId, query.outcome);
  const keys = base.select(['agreement_bulk_rows.processed_at', 'agreement_bulk_rows.organization_id']);
  const page = await keysetPage(db, base, keys, plan, query, (row) => [row.processed_at, row.organization_id]);
  const rows = await bulkReportRows(db, jobId, page.rows.map((row) => row.organization_id));
  return { items: rows.map((row) => present(row, language)), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}
