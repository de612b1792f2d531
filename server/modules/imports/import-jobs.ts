import path from 'node:path';
import { z } from 'zod';
import { importMappingSchema, importRulesSchema, type ImportMapping, type ImportRules } from '@contract/imports';
import type { Db, ImportRow, ImportRowRow, JobRow } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { keepStatisticsFresh } from '@server/db/statistics';
import { nowIso } from '@server/lib/time';
import type { JobContext, JobHandler } from '@server/jobs/job-context';
import { ChunkPacer, chunkTransaction } from '@server/jobs/short-transactions';
import type { Actor } from '@server/policies';
import { accountKindSchema, addressesSchema } from '@contract/accounts';
import { auditedAccountFields, columnsOf, fieldsOf, termsOf } from '@server/modules/accounts/account-fields';
import { deleteAccounts, findAccountsByIds, setTermsAndOwners, updateAccountRow } from '@server/modules/accounts/accounts.repo';
import { deleteContacts } from '@server/modules/accounts/contacts.repo';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { inAuditBatch } from '@server/modules/audit/audit-batch';
import { findTagsByIds } from '@server/modules/tags/tags.repo';
import { loadActor } from '@server/modules/users/users.repo';
import { countRows, readRecords, type FileShape } from './import-file';
import { writeBatch, type BatchRow, type BeforeImage } from './import-batch';
import { untagBatch } from './import-tags';
import { valuesOf } from './import-mapping';
import { createUnknownListValues } from './import-list-values';
import { loadLookups, parseRow } from './import-values';
import { addImportCounts, findImport, importRowsBefore, insertImportRows, updateImport } from './imports.repo';

/**
 * Rows per transaction, at most: big enough for multi-row inserts to pay, small enough to keep
 * memory flat. Each batch is sized by time under that (see ChunkPacer), so requests never wait
 * long for the database behind it.
 */
export const importBatchSize = 500;
const minBatch = 10;

const payloadSchema = z.object({ importId: z.string(), dataDir: z.string() });

export const importFilePath = (dataDir: string, storedName: string): string => path.join(dataDir, 'imports', storedName);

export function shapeOf(row: ImportRow): FileShape {
  return { format: row.format, encoding: row.encoding, delimiter: row.delimiter };
}

export function settingsOf(row: ImportRow): { mapping: ImportMapping; rules: ImportRules } {
  return { mapping: importMappingSchema.parse(JSON.parse(row.mapping)), rules: importRulesSchema.parse(JSON.parse(row.rules)) };
}

async function load(ctx: JobContext): Promise<{ row: ImportRow; actor: Actor; dataDir: string }> {
  const { importId, dataDir } = payloadSchema.parse(JSON.parse(ctx.job.payload));
  const row = await findImport(ctx.db, importId);
  if (!row?.created_by) throw new Error(`import ${importId} not found`);
  const actor = await loadActor(ctx.db, row.created_by);
  if (!actor) throw new Error('the author of the import is no longer active');
  return { row, actor, dataDir };
}

/**
 * Streams the file from the stored checkpoint and writes it in batches. Each batch, its ledger
 * rows, the import's counts and the job's checkpoint commit in one transaction, so a crash
 * loses at most the batch in flight and the next attempt starts exactly where this one stopped.
 */
async function runImport(ctx: JobContext): Promise<unknown> {
  const { row, actor, dataDir } = await load(ctx);
  if (row.status === 'undone' || row.status === 'undoing') return { skipped: true };
  const { mapping, rules } = settingsOf(row);
  const file = importFilePath(dataDir, row.stored_name);
  const shape = shapeOf(row);
  const total = row.rows_total ?? (await countRows(file, shape));
  await updateImport(ctx.db, row.id, { status: 'running', rows_total: total, updated_at: nowIso() });
  const lookups = await loadLookups(ctx.db);
  // A tag deleted after the import was queued is simply not applied: it no longer exists to put on.
  const tags = (await findTagsByIds(ctx.db, rules.tagIds)).map((tag) => ({ id: tag.id, name: tag.name, color: tag.color }));
  let done = row.rows_done;
  let index = -1; // -1 is the header
  let batch: BatchRow[] = [];
  const pacer = new ChunkPacer(minBatch, importBatchSize, 100);
  const flush = async () => {
    const rows = batch;
    batch = [];
    const after = done + rows.length;
    await createUnknownListValues(ctx.db, actor, rules, lookups, rows);
    await chunkTransaction(ctx.db, pacer, async (trx) => {
      const { ledger, counts } = await inAuditBatch('import', row.id, () => writeBatch(trx, { actor, importId: row.id, rules, tags }, rows));
      await insertImportRows(trx, ledger);
      await addImportCounts(trx, row.id, after, counts, nowIso());
      await ctx.checkpoint(trx, after, total);
      return rows.length;
    });
    done = after;
    await keepStatisticsFresh(ctx.db, importedTables);
  };
  for await (const record of readRecords(file, shape)) {
    index += 1;
    if (index === 0 || index <= done) continue;
    const values = valuesOf(record, mapping);
    batch.push({ rowNumber: index + 1, values, result: parseRow(values, rules, lookups) });
    if (batch.length >= pacer.size) await flush();
  }
  if (batch.length > 0) await flush();
  await updateImport(ctx.db, row.id, { status: 'done', updated_at: nowIso() });
  const final = await findImport(ctx.db, row.id);
  return { created: final?.created_count ?? 0, updated: final?.updated_count ?? 0, skipped: final?.skipped_count ?? 0, failed: final?.failed_count ?? 0 };
}

async function markFailed(db: Db, job: JobRow): Promise<void> {
  const { importId } = payloadSchema.parse(JSON.parse(job.payload));
  const row = await findImport(db, importId);
  if (!row) return;
  await updateImport(db, importId, { status: job.kind === 'import.undo' ? 'done' : 'failed', updated_at: nowIso() });
}

/** The tables an import grows and then reads again (duplicate lookups, company links). */
const importedTables = ['accounts', 'account_terms', 'account_owners', 'contacts'] as const;

const text = z.string().nullable();
const beforeSchema = z.object({
  kind: accountKindSchema,
  fields: z.object({
    name: text, firstName: text, lastName: text, stage: z.string(), taxId: text, industry: text, source: text,
    website: text, emails: z.array(z.string()), phones: z.array(z.string()), addresses: addressesSchema, notes: text,
  }),
  ownerIds: z.array(z.string()),
  // Ledgers written before imports applied tags have none to take off.
  addedTagIds: z.array(z.string()).default([]),
}) satisfies z.ZodType<BeforeImage>;

/** Rows an undo handles between two looks at its deadline: a few statements' worth of work. */
const undoStep = minBatch;

/**
 * Undoes an import, newest row first (so an account two rows updated ends as it was before
 * both): what it created is deleted, what it updated gets its before-image back. Each chunk is
 * one short transaction that stops when its time is up (a step of rows at a time, see
 * chunkTransaction) and stores how far it got with its checkpoint, so an undo survives a crash,
 * lets requests through between chunks, and costs the same per row however large the import.
 */
async function undoImport(ctx: JobContext): Promise<unknown> {
  const { row, actor } = await load(ctx);
  let cursor = ctx.job.progress_done > 0 ? ctx.job.progress_done : 2_147_483_647; // above any row number; fits PostgreSQL's integer
  let handled = 0;
  const pacer = new ChunkPacer(minBatch, importBatchSize, 100);
  for (;;) {
    let reached = cursor;
    const done = await chunkTransaction(ctx.db, pacer, async (trx, deadline) => {
      const rows = await importRowsBefore(trx, row.id, cursor, pacer.size, ['created', 'updated']);
      let count = 0;
      while (count < rows.length && (count === 0 || !deadline.passed())) {
        const step = rows.slice(count, count + undoStep);
        await undoRows(trx, actor, step);
        count += step.length;
      }
      reached = rows[count - 1]?.row_number ?? cursor;
      if (count > 0) await ctx.checkpoint(trx, reached, null);
      return count;
    });
    if (done === 0) break;
    handled += done;
    cursor = reached;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateImport(trx, row.id, { status: 'undone', undone_at: nowIso(), undone_by: actor.id, updated_at: nowIso() });
    await writeAudit(trx, { actorId: actor.id, entity: 'import', entityId: row.id, accountId: null, action: 'import_undone', changes: [{ field: 'rows', before: handled, after: 0 }] });
  });
  return { undone: handled };
}

/** Undoes some ledger rows: their contacts and created accounts deleted, their updated accounts restored and untagged. */
async function undoRows(trx: Db, actor: Actor, rows: ImportRowRow[]): Promise<void> {
  const createdIds = rows.flatMap((item) => [item.action === 'created' ? item.account_id : null, item.organization_id]).filter((id): id is string => id !== null);
  const contactIds = rows.map((item) => item.contact_id).filter((id): id is string => id !== null);
  await deleteContacts(trx, contactIds);
  const untag: Array<{ accountId: string; tagIds: string[] }> = [];
  for (const item of rows) {
    if (item.action !== 'updated' || !item.before || !item.account_id) continue;
    const image = beforeSchema.parse(JSON.parse(item.before));
    await restore(trx, actor, item.account_id, image);
    untag.push({ accountId: item.account_id, tagIds: image.addedTagIds });
  }
  await untagBatch(trx, actor, untag);
  await deleteAccounts(trx, createdIds);
}

/** Puts an updated account back as it was before the import, through the same columns and terms as an edit. */
async function restore(trx: Db, actor: Actor, accountId: string, image: BeforeImage): Promise<void> {
  const [current] = await findAccountsByIds(trx, [accountId]);
  if (!current) return; // purged since: nothing to restore
  // Only what an import can change is restored; fields edited since by other means stay as they are.
  const fields = { ...fieldsOf(current), ...image.fields };
  const patch = { ...columnsOf(image.kind, fields), updated_at: nowIso(), updated_by: actor.id };
  if (!(await updateAccountRow(trx, accountId, current.version, patch))) throw new Error(`account ${accountId} changed during undo`);
  await setTermsAndOwners(trx, accountId, { terms: termsOf(image.kind, fields, patch.country), ownerIds: image.ownerIds });
  await writeAudit(trx, {
    actorId: actor.id, entity: 'account', entityId: accountId, accountId, action: 'import_undone',
    changes: diffFields(fieldsOf(current), fields, auditedAccountFields),
  });
}

export const importRunHandler: JobHandler = { run: runImport, onFailed: markFailed };
export const importUndoHandler: JobHandler = { run: undoImport, onFailed: markFailed };
