import path from 'node:path';
import { z } from 'zod';
import { agreementBulkRequestSchema, type AgreementBulkRequest, type AgreementBulkResult } from '@contract/agreement-bulk';
import { accountListQuerySchema, type AccountListQuery } from '@contract/accounts';
import type { BulkSelection } from '@contract/bulk';
import type { Config } from '@server/config';
import type { AccountRow, Db } from '@server/db/database';
import { AppError, fieldError } from '@server/lib/errors';
import { parseJsonColumn } from '@server/lib/json';
import { diskStorage, type Storage } from '@server/lib/storage';
import { accountScopeOf, authorize, type Actor } from '@server/policies';
import type { JobContext, JobHandler } from '@server/jobs/job-context';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { letRequestsThrough } from '@server/jobs/short-transactions';
import { fieldsOf } from '@server/modules/accounts/account-fields';
import { countMatching, iterateAccounts } from '@server/modules/accounts/account-list';
import { findVisibleAccount } from '@server/modules/accounts/accounts.repo';
import { inAuditBatch } from '@server/modules/audit/audit-batch';
import { actorById } from '@server/modules/auth/auth.service';
import { bulkCounts, claimBulkRow, handledOf, setBulkRowAgreement } from '@server/modules/agreements/agreement-bulk.repo';
import { agreementBulkJobKind, reasonOf } from '@server/modules/agreements/agreement-bulk.service';
import { attachDocument, prepareDocument, removeStored } from '@server/modules/agreements/agreement-document.service';
import { sendWithin } from '@server/modules/agreements/agreement-send.service';
import { findTemplate } from '@server/modules/agreements/agreement-templates.repo';
import { insertDraft } from '@server/modules/agreements/agreements.service';
import { checkListValue } from '@server/modules/lists/lists.service';
import { requireSmtp } from '@server/modules/mail/mail-settings.service';
import type { StoredAttachment } from '@server/modules/mail/outgoing';
import { activeUserIds } from '@server/modules/users/users.repo';

const payloadSchema = agreementBulkRequestSchema.extend({ baseUrl: z.string(), dataDir: z.string() });
type Payload = z.output<typeof payloadSchema>;

/** Who may start one and whose job may go on: creating, sending and e-mailing agreements, all three. */
function authorizeBulk(actor: Actor): void {
  authorize(actor, { domain: 'agreement', action: 'create' });
  authorize(actor, { domain: 'agreement', action: 'send' });
  authorize(actor, { domain: 'mail', action: 'send' });
}

/**
 * The selection's companies as an accounts list query, in name order (which nothing this job
 * writes changes, so paging never skips one); null when the selection's filter asks for people.
 */
function companiesOf(selection: BulkSelection): { query: AccountListQuery; ids: string[] | null } | null {
  const query = accountListQuerySchema.parse('ids' in selection ? {} : selection.filter);
  if (query.kind === 'person') return null;
  return { query: { ...query, kind: 'organization', sort: 'name' }, ids: 'ids' in selection ? selection.ids : null };
}

/**
 * Starts "send agreement from template" on the accounts list's selection as a background job. Refused
 * before anything is queued without SMTP, with a template, type or owner that is not there, or when
 * the selection holds no company the actor sees; the total is those companies.
 */
export async function startAgreementBulk(deps: { db: Db; config: Config }, actor: Actor, input: AgreementBulkRequest, baseUrl: string): Promise<{ jobId: string; total: number }> {
  authorizeBulk(actor);
  const data = agreementBulkRequestSchema.parse(input);
  const { db, config } = deps;
  await requireSmtp(db, config);
  if (!(await findTemplate(db, data.templateId))?.active) throw fieldError('templateId', 'invalid_value');
  await checkListValue(db, 'agreement_type', 'type', data.type);
  if (data.ownerId && !(await activeUserIds(db, [data.ownerId])).has(data.ownerId)) throw fieldError('ownerId', 'unknown_user');
  const companies = companiesOf(data.selection);
  const total = companies ? await countMatching(db, accountScopeOf(actor), companies.query, companies.ids) : 0;
  if (total === 0) throw fieldError('selection', 'no_organizations');
  const payload: Payload = { ...data, baseUrl, dataDir: config.dataDir };
  const job = await enqueueJob(db, { kind: agreementBulkJobKind, payload, createdBy: actor.id, total });
  return { jobId: job.id, total };
}

/** One run of the job: its author as they are now, where its files go, and how many companies it has done. */
class BulkRun {
  private done = 0;

  constructor(private readonly ctx: JobContext, private readonly actor: Actor, private readonly payload: Payload, private readonly storage: Storage) {}

  private get db(): Db {
    return this.ctx.db;
  }

  /** Counts the company in the transaction that records it, with the job's checkpoint (which proves the job is still this attempt's). */
  private async counted(trx: Db): Promise<void> {
    this.done += 1;
    await this.ctx.checkpoint(trx, this.done);
  }

  /** A company it will not send to, and why; nothing else is written. */
  private async skip(organizationId: string, outcome: 'no_email' | 'failed', reason: string | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (await claimBulkRow(trx, this.ctx.job.id, organizationId, outcome, reason)) await this.counted(trx);
    });
  }

  /**
   * One company: its PDF rendered from the template, then in one transaction its row of the report,
   * the agreement as a draft with that PDF as its document, and the e-mail in the outbox, through
   * the same steps a user's own clicks take (scope, owner rule, history, timeline). A company the
   * job already did is left as it is.
   */
  async company(account: AccountRow): Promise<void> {
    if (!fieldsOf(account).emails[0]) return this.skip(account.id, 'no_email', null);
    const { title, type, ownerId, addAssigneeAsOwner, templateId, baseUrl } = this.payload;
    const stored: string[] = [];
    const attachments: StoredAttachment[] = [];
    try {
      // The PDF first, outside the transaction (it is most of a company's time): the draft will have exactly these facts.
      const facts = { organization_id: account.id, title, reference: null, type: type ?? null, start_on: null, end_on: null, value_amount: null, value_currency: null };
      const prepared = await prepareDocument({ db: this.db, storage: this.storage }, facts, templateId, stored);
      const claimed = await this.db.transaction().execute(async (trx) => {
        if (!(await claimBulkRow(trx, this.ctx.job.id, account.id, 'sent'))) return false;
        const draft = await insertDraft(trx, this.actor, { organizationId: account.id, title, type, ownerId, addAssigneeAsOwner });
        const generated = await attachDocument(trx, this.actor, draft, prepared);
        await sendWithin(trx, this.storage, this.actor, generated, {}, baseUrl, attachments);
        await setBulkRowAgreement(trx, this.ctx.job.id, account.id, draft.id);
        await this.counted(trx);
        return true;
      });
      // Another attempt did this company meanwhile: the PDF rendered for it here is nobody's.
      if (!claimed) await removeStored(this.storage, stored);
    } catch (error) {
      await removeStored(this.storage, [...stored, ...attachments.map((attachment) => attachment.storageKey)]);
      if (!(error instanceof AppError)) throw error;
      // Out of the author's portfolio since the page was read: as if never selected.
      if (error.code === 'not_found' && !(await findVisibleAccount(this.db, this.actor, account.id))) return;
      const noAddress = error.fields.some((field) => field.field === 'to' && field.code === 'required');
      await this.skip(account.id, noAddress ? 'no_email' : 'failed', noAddress ? null : reasonOf(error));
    }
  }

  /** Every company of the selection still in the author's portfolio, a page at a time; those done before (a resumed job) are passed over. */
  async all(): Promise<void> {
    const companies = companiesOf(this.payload.selection);
    if (!companies) return;
    this.done = Object.values(await bulkCounts(this.db, this.ctx.job.id)).reduce((sum, count) => sum + count, 0);
    for await (const page of iterateAccounts(this.db, accountScopeOf(this.actor), companies.query, companies.ids, 100)) {
      const handled = await handledOf(this.db, this.ctx.job.id, page.map((account) => account.id));
      for (const account of page) {
        if (handled.has(account.id)) continue;
        await this.company(account);
        // Each company's transaction holds the database (SQLite's one writer): requests that waited go first.
        await letRequestsThrough();
      }
    }
  }
}

async function run(ctx: JobContext): Promise<AgreementBulkResult> {
  const payload = parseJsonColumn<Payload | null>(ctx.job.payload, payloadSchema, null);
  if (!payload || !ctx.job.created_by) throw new Error('agreement bulk job without a valid payload or author');
  // The author as they are now: rights or companies they lost since the request are not used.
  const actor = await actorById(ctx.db, ctx.job.created_by);
  authorizeBulk(actor);
  const bulk = new BulkRun(ctx, actor, payload, diskStorage(path.join(payload.dataDir, 'files')));
  // Its history entries share the job's batch, as the other bulk actions' do.
  await inAuditBatch('bulk', ctx.job.id, () => bulk.all());
  const counts = await bulkCounts(ctx.db, ctx.job.id);
  return { sent: counts.sent, noEmail: counts.no_email, failed: counts.failed };
}

export const bulkAgreementsHandler: JobHandler = { run };
