import { opportunityBulkRequestSchema, type OpportunityBulkAction, type OpportunityBulkRequest } from '@contract/opportunity-actions';
import { opportunityFiltersSchema, type OpportunityFilters } from '@contract/opportunities';
import type { BulkResult } from '@contract/bulk';
import type { Db } from '@server/db/database';
import { AppError, fieldError } from '@server/lib/errors';
import { parseJsonColumn } from '@server/lib/json';
import { countUpTo } from '@server/lib/list';
import { authorize, type Actor } from '@server/policies';
import type { JobContext, JobHandler } from '@server/jobs/job-context';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { inAuditBatch } from '@server/modules/audit/audit-batch';
import { actorById } from '@server/modules/auth/auth.service';
import { tagOpportunity, untagOpportunity } from '@server/modules/opportunities/opportunity-links.service';
import { iterateOpportunityIds } from '@server/modules/opportunities/opportunity-pages';
import { filteredOpportunities, findVisibleOpportunity, hasOpportunityTag } from '@server/modules/opportunities/opportunities.repo';
import { updateOpportunity } from '@server/modules/opportunities/opportunities.service';
import { requireStage } from '@server/modules/opportunities/pipeline.service';
import { findTag } from '@server/modules/tags/tags.repo';
import { activeUserIds } from '@server/modules/users/users.repo';

export const opportunityBulkJobKind = 'opportunities.bulk';

type Payload = { selection: { ids: string[] } | { filter: Partial<OpportunityFilters> }; action: OpportunityBulkAction };
const payloadSchema = opportunityBulkRequestSchema.transform((value): Payload => ({ selection: value.selection, action: value.action }));

/** Refuses an action whose target (user, stage, tag) does not exist, before anything is touched. */
async function checkAction(db: Db, action: OpportunityBulkAction): Promise<void> {
  switch (action.type) {
    case 'setOwner':
      if (!(await activeUserIds(db, [action.ownerId])).has(action.ownerId)) throw fieldError('action.ownerId', 'unknown_user');
      return;
    case 'setStage':
      await requireStage(db, action.stage, null, 'action.stage');
      return;
    case 'addTag':
    case 'removeTag':
      if (!(await findTag(db, action.tagId))) throw fieldError('action.tagId', 'invalid_value');
  }
}

const selectionOf = (payload: Payload) =>
  'ids' in payload.selection ? { filters: {}, ids: payload.selection.ids } : { filters: opportunityFiltersSchema.parse(payload.selection.filter), ids: null };

/**
 * Starts a bulk action on opportunities (owner, stage, tag) as a background job; the total is
 * counted under the actor's scope, so it is what will be touched.
 */
export async function startOpportunityBulk(db: Db, actor: Actor, input: OpportunityBulkRequest): Promise<{ jobId: string; total: number }> {
  authorize(actor, { domain: 'opportunity', action: 'bulk' });
  const data = opportunityBulkRequestSchema.parse(input);
  await checkAction(db, data.action);
  const payload: Payload = { selection: data.selection, action: data.action };
  const { filters, ids } = selectionOf(payload);
  let base = filteredOpportunities(db, actor, filters);
  if (ids) base = base.where('opportunities.id', 'in', ids);
  const total = await countUpTo(db, base, Number.MAX_SAFE_INTEGER - 1);
  const job = await enqueueJob(db, { kind: opportunityBulkJobKind, payload, createdBy: actor.id, total });
  return { jobId: job.id, total };
}

/** One opportunity, through the same service a single edit uses (scope, owner rule, history, version). */
async function applyTo(db: Db, actor: Actor, id: string, action: OpportunityBulkAction): Promise<'changed' | 'unchanged'> {
  const row = await findVisibleOpportunity(db, actor, id);
  if (!row) throw new AppError('not_found');
  switch (action.type) {
    case 'setOwner':
      if (row.owner_id === action.ownerId) return 'unchanged';
      await updateOpportunity(db, actor, id, { version: row.version, ownerId: action.ownerId });
      return 'changed';
    case 'setStage':
      if (row.stage === action.stage) return 'unchanged';
      await updateOpportunity(db, actor, id, { version: row.version, stage: action.stage });
      return 'changed';
    case 'addTag':
      if (await hasOpportunityTag(db, id, action.tagId)) return 'unchanged';
      await tagOpportunity(db, actor, id, action.tagId);
      return 'changed';
    case 'removeTag':
      if (!(await hasOpportunityTag(db, id, action.tagId))) return 'unchanged';
      await untagOpportunity(db, actor, id, action.tagId);
      return 'changed';
  }
}

async function run(ctx: JobContext): Promise<BulkResult> {
  const payload = parseJsonColumn<Payload | null>(ctx.job.payload, payloadSchema, null);
  if (!payload || !ctx.job.created_by) throw new Error('bulk job without a valid payload or author');
  // The author's scope as it is now: an opportunity they no longer see is not touched.
  const actor = await actorById(ctx.db, ctx.job.created_by);
  const { filters, ids } = selectionOf(payload);
  const result: BulkResult = { changed: 0, unchanged: 0, failed: 0 };
  let done = 0;
  // Actions are idempotent, so a resumed job may redo a page safely; history entries share the job's batch.
  await inAuditBatch('bulk', ctx.job.id, async () => {
    for await (const page of iterateOpportunityIds(ctx.db, actor, filters, '-createdAt', ids, 200)) {
      for (const id of page) {
        try {
          result[await applyTo(ctx.db, actor, id, payload.action)] += 1;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          result.failed += 1;
        }
      }
      done += page.length;
      await ctx.checkpoint(ctx.db, done);
    }
  });
  return result;
}

export const bulkOpportunitiesHandler: JobHandler = { run };
