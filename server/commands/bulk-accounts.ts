import { bulkRequestSchema, type BulkAction, type BulkRequest, type BulkResult } from '@contract/bulk';
import type { AccountListQuery } from '@contract/accounts';
import { accountListQuerySchema } from '@contract/accounts';
import type { AccountRow, Db } from '@server/db/database';
import { AppError } from '@server/lib/errors';
import { derivedId } from '@server/lib/ids';
import { parseJsonColumn } from '@server/lib/json';
import { accountScopeOf, authorize, type Actor } from '@server/policies';
import type { JobContext, JobHandler } from '@server/jobs/job-context';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { inAuditBatch } from '@server/modules/audit/audit-batch';
import { addTrait } from '@server/modules/account-links/traits.service';
import { countMatching, iterateAccounts } from '@server/modules/accounts/account-list';
import { ownersOf } from '@server/modules/accounts/accounts.repo';
import { changeOwners, discardAccount, updateAccount } from '@server/modules/accounts/accounts.service';
import { actorById } from '@server/modules/auth/auth.service';
import { checkListValue } from '@server/modules/lists/lists.service';
import { assignTag, unassignTag } from '@server/modules/tags/tags.service';
import { findTag, hasTag } from '@server/modules/tags/tags.repo';
import { activeUserIds } from '@server/modules/users/users.repo';
import { addAccountToCampaign, checkCampaignBulkAdd } from '@server/modules/campaigns/members.service';
import { findVisibleProject } from '@server/modules/projects/projects.repo';
import { openProject } from '@server/modules/projects/projects.service';

export const bulkJobKind = 'accounts.bulk';

type Payload = { selection: { ids: string[] } | { filter: Omit<AccountListQuery, 'limit' | 'cursor' | 'counters'> }; action: BulkAction };

const bulkPayloadSchema = bulkRequestSchema.transform((value): Payload => ({ selection: value.selection, action: value.action }));

const invalid = (field: string, code: string) => new AppError('validation_failed', { fields: [{ field, code }] });

/** Refuses an action whose target (tag, stage, users, characteristic) does not exist, before any account is touched. */
async function checkAction(db: Db, actor: Actor, action: BulkAction): Promise<void> {
  switch (action.type) {
    case 'addTag':
    case 'removeTag':
      if (!(await findTag(db, action.tagId))) throw invalid('action.tagId', 'invalid_value');
      return;
    case 'setStage':
      return checkListValue(db, 'account_stage', 'action.stage', action.stage);
    case 'addCharacteristic':
      return checkListValue(db, 'characteristic', 'action.key', action.key);
    case 'addOwners':
    case 'removeOwners': {
      const active = await activeUserIds(db, action.userIds);
      const unknown = action.userIds.findIndex((id) => !active.has(id));
      if (unknown >= 0) throw invalid(`action.userIds.${unknown}`, 'unknown_user');
      return;
    }
    case 'discard':
      return;
    case 'addToCampaign':
      return checkCampaignBulkAdd(db, actor, action);
    case 'createProject':
      authorize(actor, { domain: 'project', action: 'create' });
      return;
  }
}

const listQuery = (payload: Payload): { query: AccountListQuery; ids: string[] | null } =>
  'ids' in payload.selection
    ? { query: accountListQuerySchema.parse({}), ids: payload.selection.ids }
    : { query: accountListQuerySchema.parse(payload.selection.filter), ids: null };

/**
 * Starts a bulk action as a background job: one request, whatever the selection's size.
 * The selection is counted through the actor's portfolio, so the total is what will be touched.
 */
export async function startBulkAction(db: Db, actor: Actor, input: BulkRequest): Promise<{ jobId: string; total: number }> {
  authorize(actor, { domain: 'account', action: input.action.type === 'discard' ? 'discard' : 'update' });
  const data = bulkRequestSchema.parse(input);
  await checkAction(db, actor, data.action);
  const payload: Payload = { selection: data.selection, action: data.action };
  const { query, ids } = listQuery(payload);
  const total = await countMatching(db, accountScopeOf(actor), query, ids);
  const job = await enqueueJob(db, { kind: bulkJobKind, payload, createdBy: actor.id, total });
  return { jobId: job.id, total };
}

/** One account: applied through the same service a single edit uses (portfolio, history, versions). */
async function applyTo(db: Db, actor: Actor, row: AccountRow, action: BulkAction, jobId: string): Promise<'changed' | 'unchanged'> {
  switch (action.type) {
    case 'addTag':
      if (await hasTag(db, row.id, action.tagId)) return 'unchanged';
      await assignTag(db, actor, row.id, action.tagId);
      return 'changed';
    case 'removeTag':
      try {
        await unassignTag(db, actor, row.id, action.tagId);
        return 'changed';
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') return 'unchanged';
        throw error;
      }
    case 'setStage':
      if (row.stage === action.stage) return 'unchanged';
      await updateAccount(db, actor, row.id, { version: row.version, stage: action.stage });
      return 'changed';
    case 'addOwners':
    case 'removeOwners': {
      const current = ((await ownersOf(db, [row.id])).get(row.id) ?? []).map((owner) => owner.id);
      const next = action.type === 'addOwners'
        ? [...new Set([...current, ...action.userIds])]
        : current.filter((id) => !action.userIds.includes(id));
      if (next.length === current.length && next.every((id) => current.includes(id))) return 'unchanged';
      await changeOwners(db, actor, row.id, { version: row.version, ownerIds: next });
      return 'changed';
    }
    case 'addCharacteristic':
      try {
        await addTrait(db, actor, row.id, 'characteristic', { key: action.key, note: action.note ?? null });
        return 'changed';
      } catch (error) {
        if (error instanceof AppError && error.fields.some((field) => field.code === 'trait_exists')) return 'unchanged';
        throw error;
      }
    case 'discard':
      await discardAccount(db, actor, row.id);
      return 'changed';
    case 'addToCampaign':
      return (await addAccountToCampaign(db, actor, action, row)) ? 'changed' : 'unchanged';
    case 'createProject': {
      if (row.kind !== 'organization') return 'unchanged';
      // The job and the account name the project: a resumed job finds the one it opened.
      const id = derivedId(jobId, row.id);
      if (await findVisibleProject(db, actor, id)) return 'unchanged';
      await db.transaction().execute((trx) => openProject(trx, actor, id, row.id, { name: action.name, status: action.status }));
      return 'changed';
    }
  }
}

async function run(ctx: JobContext): Promise<BulkResult> {
  const payload = parseJsonColumn<Payload | null>(ctx.job.payload, bulkPayloadSchema, null);
  if (!payload || !ctx.job.created_by) throw new Error('bulk job without a valid payload or author');
  // The author's portfolio as it is now: an account that left it since the request is not touched.
  const actor = await actorById(ctx.db, ctx.job.created_by);
  const { query, ids } = listQuery(payload);
  const result: BulkResult = { changed: 0, unchanged: 0, failed: 0 };
  let done = 0;
  // Pages of the portfolio in keyset order; actions are idempotent, so a resumed job may redo a page safely.
  // Its history entries share the job's batch: one entry per account in the history, not one per action.
  await inAuditBatch('bulk', ctx.job.id, async () => {
    for await (const page of iterateAccounts(ctx.db, accountScopeOf(actor), query, ids, 200)) {
      for (const row of page) {
        try {
          result[await applyTo(ctx.db, actor, row, payload.action, ctx.job.id)] += 1;
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

export const bulkAccountsHandler: JobHandler = { run };
