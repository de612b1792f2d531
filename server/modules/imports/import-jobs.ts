import path from 'node:path';
import { z } from 'zod';
import { importMappingSchema, importRulesSchema, type ImportMapping, type ImportRules } from '@contract/imports';
import type { Db, ImportRow, ImportRowRow, JobRow } from '@server/db/database';
import { diffFields } from '@server/lib/diff';
import { nowIso } from '@server/lib/time';
import type { JobContext, JobHandler } from '@server/jobs/job-context';
import type { Actor } from '@server/policies';
import { accountKindSchema, addressesSchema } from '@contract/accounts';
import { auditedAccountFields, columnsOf, fieldsOf, termsOf } from '@server/modules/accounts/account-fields';
import { deleteAccounts, findAccountsByIds, setTermsAndOwners, updateAccountRow } from '@server/modules/accounts/accounts.repo';
import { deleteContacts } from '@server/modules/accounts/contacts.repo';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { findTagsByIds } from '@server/modules/tags/tags.repo';
import { loadActor } from '@server/modules/users/users.repo';
import type { FileShape } from './import-file';
import { writeBatch, type BeforeImage } from './import-batch';
import { untagBatch } from './import-tags';
import { createUnknownListValues } from './import-list-values';
import { loadLookups, parseRow } from './import-values';
import { runImportFile, undoImportFile } from './import-run';
import { findImport, updateImport } from './imports.repo';

const payloadSchema = z.object({ importId: z.string(), dataDir: z.string() });

export const importFilePath = (dataDir: string, storedName: string): string => path.join(dataDir, 'imports', storedName);

export function shapeOf(row: ImportRow): FileShape {
  return { format: row.format, encoding: row.encoding, delimiter: row.delimiter };
}

export function settingsOf(row: ImportRow): { mapping: ImportMapping; rules: ImportRules } {
  return { mapping: importMappingSchema.parse(JSON.parse(row.mapping)), rules: importRulesSchema.parse(JSON.parse(row.rules)) };
}

export async function load(ctx: JobContext): Promise<{ row: ImportRow; actor: Actor; dataDir: string }> {
  const { importId, dataDir } = payloadSchema.parse(JSON.parse(ctx.job.payload));
  const row = await findImport(ctx.db, importId);
  if (!row?.created_by) throw new Error(`import ${importId} not found`);
  const actor = await loadActor(ctx.db, row.created_by);
  if (!actor) throw new Error('the author of the import is no longer active');
  return { row, actor, dataDir };
}

/** An accounts import: each row parsed as an account, each batch written by writeBatch (see import-run). */
async function runImport(ctx: JobContext): Promise<unknown> {
  const { row, actor, dataDir } = await load(ctx);
  if (row.status === 'undone' || row.status === 'undoing') return { skipped: true };
  const { mapping, rules } = settingsOf(row);
  const lookups = await loadLookups(ctx.db);
  // A tag deleted after the import was queued is simply not applied: it no longer exists to put on.
  const tags = (await findTagsByIds(ctx.db, rules.tagIds)).map((tag) => ({ id: tag.id, name: tag.name, color: tag.color }));
  return runImportFile(ctx, row, { path: importFilePath(dataDir, row.stored_name), shape: shapeOf(row), mapping }, {
    parse: (values) => parseRow(values, rules, lookups),
    prepare: (rows) => createUnknownListValues(ctx.db, actor, rules, lookups, rows),
    write: (trx, rows) => writeBatch(trx, { actor, importId: row.id, rules, tags }, rows),
    tables: importedTables,
  });
}

/** Marks the import of a job that failed for good: a run as failed (to resume), an undo back to done. */
export async function markFailed(db: Db, job: JobRow): Promise<void> {
  const { importId } = payloadSchema.parse(JSON.parse(job.payload));
  const row = await findImport(db, importId);
  if (!row) return;
  // Every entity's undo kind ends in ".undo" (import.undo, import.invoices.undo).
  await updateImport(db, importId, { status: job.kind.endsWith('.undo') ? 'done' : 'failed', updated_at: nowIso() });
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

/** Takes back a batch of an accounts import's rows: what they created is deleted, what they updated gets its before-image back. */
async function undoAccountRows(trx: Db, actor: Actor, rows: ImportRowRow[]): Promise<void> {
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

async function undoImport(ctx: JobContext): Promise<unknown> {
  const { row, actor } = await load(ctx);
  return undoImportFile(ctx, row, actor, (trx, rows) => undoAccountRows(trx, actor, rows));
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
