import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AccountKind } from '@contract/accounts';
import type { ImportEntity, ImportMapping, ImportRules } from '@contract/imports';
import type { Language, ListResponse } from '@contract/common';
import { importPreviewBodySchema, importRulesSchema, type Import, type ImportCompany, type ImportPreview, type ImportPreviewBody } from '@contract/imports';
import type { Db, ImportRow } from '@server/db/database';
import { AppError, type FieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { fieldMessage } from '@server/lib/messages';
import { nowIso } from '@server/lib/time';
import { enqueueJob, findJobsByIds, requeueJob } from '@server/jobs/jobs.repo';
import { authorize, type Actor } from '@server/policies';
import { checkOwners } from '@server/modules/accounts/accounts.service';
import { checkListValue } from '@server/modules/lists/lists.service';
import { findTagsByIds } from '@server/modules/tags/tags.repo';
import { requireTagsToAssign } from '@server/modules/tags/tags.service';
import { userNames } from '@server/modules/users/users.repo';
import { detectShape, readHead } from './import-file';
import { importFilePath, settingsOf } from './import-jobs';
import { autoMap, columnOf, valuesOf } from './import-mapping';
import { distinctValues, unknownValuesOf, withoutUnknownValues } from './import-list-values';
import { loadLookups, parseRow } from './import-values';
import { companiesOf } from './invoice-import-batch';
import { invoiceImportRunKind, invoiceImportUndoKind } from './invoice-import-jobs';
import { autoMapInvoices, isInvoiceTarget } from './invoice-import-mapping';
import { parseInvoiceRow } from './invoice-import-values';
import { presentImport } from './imports.presenter';
import { findVisibleImport, insertImport, listImportCompanies, listImports, moveImport } from './imports.repo';
import { findQuoteSettings } from '@server/modules/quotes/quotes.repo';

const previewRows = 20;

/** Imports as the API shows them: authors, job errors and tags read once for the whole page. */
async function presentAll(db: Db, actor: Actor, rows: ImportRow[]): Promise<Import[]> {
  const present = (values: Array<string | null>) => [...new Set(values.flatMap((value) => (value ? [value] : [])))];
  const names = await userNames(db, present(rows.map((row) => row.created_by)));
  const jobs = new Map((await findJobsByIds(db, present(rows.map((row) => row.job_id)))).map((job) => [job.id, job]));
  const tagIds = rows.map((row) => settingsOf(row).rules.tagIds);
  const tags = new Map((await findTagsByIds(db, present(tagIds.flat()))).map((tag) => [tag.id, { id: tag.id, name: tag.name, color: tag.color }]));
  return rows.map((row, index) => {
    const name = row.created_by ? names.get(row.created_by) : undefined;
    return presentImport(row, {
      author: row.created_by && name ? { id: row.created_by, name } : null,
      error: (row.job_id ? jobs.get(row.job_id)?.error : null) ?? null,
      tags: (tagIds[index] ?? []).flatMap((id) => tags.get(id) ?? []),
    }, actor);
  });
}

async function present(db: Db, actor: Actor, row: ImportRow): Promise<Import> {
  const [presented] = await presentAll(db, actor, [row]);
  if (!presented) throw new AppError('not_found');
  return presented;
}

/** The import or a 404: someone else's import reads as absent (admins see them all). */
async function requireImport(db: Db, actor: Actor, id: string): Promise<ImportRow> {
  authorize(actor, { domain: 'import', action: 'read' });
  const row = await findVisibleImport(db, actor, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Stores an uploaded file under a server-made name and proposes a mapping of its columns (for accounts, or for invoices). */
export async function uploadImport(db: Db, actor: Actor, dataDir: string, input: { fileName: string; entity: ImportEntity; kind: AccountKind; body: Readable }): Promise<Import> {
  authorize(actor, { domain: 'import', action: 'create' });
  if (input.entity === 'invoices') authorize(actor, { domain: 'invoice', action: 'import' });
  const id = newId();
  const dir = path.join(dataDir, 'imports');
  await fs.promises.mkdir(dir, { recursive: true });
  const stored = `${id}.upload`;
  const file = path.join(dir, stored);
  await pipeline(input.body, fs.createWriteStream(file));
  const shape = await detectShape(file);
  const { headers } = await readHead(file, shape, 0).catch(() => ({ headers: [] }));
  if (headers.length === 0 || headers.every((header) => header === '')) {
    await fs.promises.rm(file, { force: true });
    throw new AppError('validation_failed', { fields: [{ field: 'file', code: 'empty_file' }] });
  }
  const now = nowIso();
  const row: ImportRow = {
    id, entity: input.entity, job_id: null, status: 'draft', file_name: input.fileName, stored_name: stored,
    format: shape.format, encoding: shape.encoding, delimiter: shape.delimiter,
    headers: JSON.stringify(headers), mapping: JSON.stringify(input.entity === 'invoices' ? autoMapInvoices(headers) : autoMap(headers, input.kind)),
    // An invoices import has no rules of its own: the account rules' defaults are stored, unused.
    rules: JSON.stringify(importRulesSchema.parse({ kind: input.entity === 'invoices' ? 'organization' : input.kind, ownerIds: input.entity === 'invoices' ? [] : [actor.id] })),
    rows_total: null, rows_done: 0, created_count: 0, updated_count: 0, skipped_count: 0, failed_count: 0,
    created_by: actor.id, created_at: now, updated_at: now, undone_at: null, undone_by: null,
  };
  await insertImport(db, row);
  return present(db, actor, row);
}

export async function getImport(db: Db, actor: Actor, id: string): Promise<Import> {
  return present(db, actor, await requireImport(db, actor, id));
}

export async function findImports(db: Db, actor: Actor, query: { limit: number; cursor?: string | undefined }): Promise<ListResponse<Import>> {
  authorize(actor, { domain: 'import', action: 'read' });
  const page = await listImports(db, actor, query);
  return { items: await presentAll(db, actor, page.rows), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}

/** An invoices import's mapping: only invoice fields, or a translated 400. */
function invoiceMapping(mapping: ImportMapping) {
  if (mapping.some((field) => field !== null && !isInvoiceTarget(field))) throw new AppError('validation_failed', { fields: [{ field: 'mapping', code: 'invalid' }] });
  return mapping.map((field) => (field && isInvoiceTarget(field) ? field : null));
}

type PreviewRow = { values: Record<string, string>; errors: FieldError[] };

async function previewAccounts(db: Db, actor: Actor, mapping: ImportMapping, rules: ImportRules, records: string[][]): Promise<{ rows: PreviewRow[]; unknownValues: ImportPreview['unknownValues'] }> {
  if (rules.createListValues) authorize(actor, { domain: 'list', action: 'manage' });
  const lookups = await loadLookups(db);
  const parsed = records.map((record) => {
    const values = valuesOf(record, mapping);
    return { values, result: parseRow(values, rules, lookups) };
  });
  return {
    rows: parsed.map(({ values, result }) => ({
      values: Object.fromEntries(Object.entries(values)),
      errors: result.ok ? [] : rules.createListValues ? withoutUnknownValues(result.errors) : result.errors,
    })),
    unknownValues: distinctValues(parsed.flatMap(unknownValuesOf)),
  };
}

/** Invoice rows as they would be imported: their own errors, and a tax id no company the actor sees has. */
async function previewInvoices(db: Db, actor: Actor, mapping: ImportMapping, records: string[][]): Promise<{ rows: PreviewRow[]; unknownValues: ImportPreview['unknownValues'] }> {
  const currency = (await findQuoteSettings(db))?.base_currency ?? 'EUR';
  const parsed = records.map((record) => {
    const values = valuesOf(record, invoiceMapping(mapping));
    return { values, result: parseInvoiceRow(values, { currency }) };
  });
  const companies = await companiesOf(db, actor, parsed.flatMap(({ result }) => (result.ok ? [result.row] : [])));
  return {
    rows: parsed.map(({ values, result }) => ({
      values: Object.fromEntries(Object.entries(values)),
      errors: !result.ok ? result.errors : result.row.taxKeys.some((key) => companies.has(key)) ? [] : [{ field: 'taxId', code: 'unknown_company' }],
    })),
    unknownValues: [],
  };
}

/** The first rows as they would be imported with this mapping, each with its validation errors. */
export async function previewImport(db: Db, actor: Actor, dataDir: string, id: string, input: ImportPreviewBody, language: Language): Promise<ImportPreview> {
  const row = await requireImport(db, actor, id);
  const { mapping, rules } = importPreviewBodySchema.parse(input);
  const headers: string[] = JSON.parse(row.headers);
  const { rows: records } = await readHead(importFilePath(dataDir, row.stored_name), { format: row.format, encoding: row.encoding, delimiter: row.delimiter }, previewRows);
  const preview = row.entity === 'invoices'
    ? await previewInvoices(db, actor, mapping, records)
    : await previewAccounts(db, actor, mapping, rules ?? settingsOf(row).rules, records);
  return {
    rows: preview.rows.map(({ values, errors }, index) => ({
      rowNumber: index + 2,
      values,
      errors: errors.map((error) => ({
        field: error.field, column: columnOf(headers, mapping, error.field), code: error.code, message: fieldMessage(language, error.code, error.params),
      })),
    })),
    unknownValues: preview.unknownValues,
  };
}

/** The organizations an import created for its people's company column, those the actor may see. */
export async function findImportCompanies(db: Db, actor: Actor, id: string, query: { limit: number; cursor?: string | undefined }): Promise<ListResponse<ImportCompany>> {
  await requireImport(db, actor, id);
  const page = await listImportCompanies(db, actor, id, query);
  return { items: page.rows.map((item) => ({ id: item.id, name: item.name, rowNumber: item.row_number })), nextCursor: page.nextCursor, total: page.total, totalIsEstimate: page.totalIsEstimate };
}

/** The rules an accounts import runs with: owners the actor may give, a known stage, tags the actor may put on. */
async function accountRules(db: Db, actor: Actor, rules: ImportRules): Promise<ImportRules> {
  let ownerIds = await checkOwners(db, actor, rules.ownerIds);
  // As when creating one account: an agent stays an owner of what they import, or they would lose it.
  if (ownerIds.length === 0 || (actor.role === 'agent' && !ownerIds.includes(actor.id))) ownerIds = [actor.id, ...ownerIds];
  if (rules.stage) await checkListValue(db, 'account_stage', 'rules.stage', rules.stage, null);
  if (rules.createListValues) authorize(actor, { domain: 'list', action: 'manage' });
  await requireTagsToAssign(db, actor, rules.tagIds, 'rules.tagIds');
  return { ...rules, ownerIds, tagIds: [...new Set(rules.tagIds)] };
}

/** Saves the mapping (and an accounts import's rules) and queues the import; the worker does the rest. */
export async function runImport(db: Db, actor: Actor, dataDir: string, id: string, input: ImportPreviewBody): Promise<Import> {
  const data = importPreviewBodySchema.parse(input);
  const row = await requireImport(db, actor, id);
  authorize(actor, { domain: 'import', action: 'run' });
  if (row.entity === 'invoices') authorize(actor, { domain: 'invoice', action: 'import' });
  if (row.status !== 'draft') throw new AppError('conflict');
  const headers: string[] = JSON.parse(row.headers);
  if (data.mapping.length !== headers.length) throw new AppError('validation_failed', { fields: [{ field: 'mapping', code: 'invalid' }] });
  if (!data.mapping.some((target) => target !== null)) throw new AppError('validation_failed', { fields: [{ field: 'mapping', code: 'required' }] });
  const invoices = row.entity === 'invoices';
  const mapping = invoices ? invoiceMapping(data.mapping) : data.mapping;
  const rules = invoices ? settingsOf(row).rules : await accountRules(db, actor, data.rules ?? settingsOf(row).rules);
  const updated = await db.transaction().execute(async (trx) => {
    const job = await enqueueJob(trx, { kind: invoices ? invoiceImportRunKind : 'import.run', payload: { importId: id, dataDir }, createdBy: actor.id });
    const patch = { status: 'queued' as const, job_id: job.id, mapping: JSON.stringify(mapping), rules: JSON.stringify(rules), updated_at: nowIso() };
    // A concurrent run got there first: this one's job rolls back with the refusal.
    if (!(await moveImport(trx, id, ['draft'], patch))) throw new AppError('conflict');
    return { ...row, ...patch };
  });
  return present(db, actor, updated);
}

/** Queues a failed import again; it continues after the last row it committed. */
export async function resumeImport(db: Db, actor: Actor, id: string): Promise<Import> {
  const row = await requireImport(db, actor, id);
  authorize(actor, { domain: 'import', action: 'run' });
  if (row.status !== 'failed' || !row.job_id) throw new AppError('conflict');
  const jobId = row.job_id;
  await db.transaction().execute(async (trx) => {
    if (!(await moveImport(trx, id, ['failed'], { status: 'queued', updated_at: nowIso() }))) throw new AppError('conflict');
    await requeueJob(trx, jobId);
  });
  return getImport(db, actor, id);
}

/** Queues the undo of an import (its author or an admin). */
export async function undoImport(db: Db, actor: Actor, dataDir: string, id: string): Promise<Import> {
  const row = await requireImport(db, actor, id);
  authorize(actor, { domain: 'import', action: 'undo' });
  if (row.status !== 'done' && row.status !== 'failed') throw new AppError('conflict');
  await db.transaction().execute(async (trx) => {
    const job = await enqueueJob(trx, { kind: row.entity === 'invoices' ? invoiceImportUndoKind : 'import.undo', payload: { importId: id, dataDir }, createdBy: actor.id, total: row.rows_done });
    if (!(await moveImport(trx, id, ['done', 'failed'], { status: 'undoing', job_id: job.id, updated_at: nowIso() }))) throw new AppError('conflict');
  });
  return getImport(db, actor, id);
}

/** The import row the error report is for (authorized like reading it). */
export const requireImportForReport = requireImport;
