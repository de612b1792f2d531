import { z } from 'zod';
import type { Db, ImportRowRow } from '@server/db/database';
import { nowIso } from '@server/lib/time';
import type { JobContext, JobHandler } from '@server/jobs/job-context';
import type { Actor } from '@server/policies';
import { writeAudits, type AuditEntry } from '@server/modules/audit/audit.repo';
import { enqueueOverdueNotices } from '@server/modules/invoices/invoice-overdue.job';
import { deleteInvoices, invoicesByIds, updateInvoiceRow } from '@server/modules/invoices/invoices.repo';
import { findQuoteSettings } from '@server/modules/quotes/quotes.repo';
import { importFilePath, load, markFailed, settingsOf, shapeOf } from './import-jobs';
import { runImportFile, undoImportFile } from './import-run';
import { importedInvoiceFields, writeInvoiceBatch, type InvoiceImage } from './invoice-import-batch';
import { isInvoiceTarget } from './invoice-import-mapping';
import { parseInvoiceRow } from './invoice-import-values';

export const invoiceImportRunKind = 'import.invoices.run';
export const invoiceImportUndoKind = 'import.invoices.undo';

/** An invoices import: each row parsed as an invoice, each batch written by writeInvoiceBatch (see import-run). */
async function runInvoiceImport(ctx: JobContext): Promise<unknown> {
  const { row, actor, dataDir } = await load(ctx);
  if (row.status === 'undone' || row.status === 'undoing') return { skipped: true };
  const mapping = settingsOf(row).mapping.map((field) => (field && isInvoiceTarget(field) ? field : null));
  // A file without a currency column is in our company's currency.
  const currency = (await findQuoteSettings(ctx.db))?.base_currency ?? 'EUR';
  const result = await runImportFile(ctx, row, { path: importFilePath(dataDir, row.stored_name), shape: shapeOf(row), mapping }, {
    parse: (values) => parseInvoiceRow(values, { currency }),
    write: (trx, rows) => writeInvoiceBatch(trx, { actor, importId: row.id }, rows),
    tables: ['invoices'],
  });
  // What came in may be overdue already: its owners hear of it now rather than at tomorrow's run.
  await enqueueOverdueNotices(ctx.db, actor.id);
  return result;
}

const imageSchema = z.object({
  issue_date: z.string(), due_date: z.string(), currency: z.string(), net_total: z.number(), tax_total: z.number(), total: z.number(), paid_amount: z.number(),
  status: z.enum(['draft', 'issued', 'partly_paid', 'paid', 'cancelled']), language: z.enum(['es', 'en']), notes: z.string().nullable(),
}) satisfies z.ZodType<InvoiceImage>;

/** Takes back a batch of an invoices import's rows: invoices it created are deleted, those it updated get their imported fields back. */
async function undoInvoiceRows(trx: Db, actor: Actor, rows: ImportRowRow[]): Promise<void> {
  await deleteInvoices(trx, rows.flatMap((item) => (item.action === 'created' && item.invoice_id ? [item.invoice_id] : [])));
  const updated = rows.filter((item) => item.action === 'updated' && item.invoice_id && item.before);
  const current = new Map((await invoicesByIds(trx, updated.flatMap((item) => (item.invoice_id ? [item.invoice_id] : [])))).map((invoice) => [invoice.id, invoice]));
  const audits: AuditEntry[] = [];
  for (const item of updated) {
    const invoice = item.invoice_id ? current.get(item.invoice_id) : undefined;
    if (!invoice || !item.before) continue; // deleted since: nothing to put back
    const image = imageSchema.parse(JSON.parse(item.before));
    if (!(await updateInvoiceRow(trx, invoice.id, invoice.version, { ...image, updated_at: nowIso(), updated_by: actor.id }))) throw new Error(`invoice ${invoice.id} changed during undo`);
    current.set(invoice.id, { ...invoice, ...image, version: invoice.version + 1 });
    const changes = importedInvoiceFields.filter((field) => image[field] !== invoice[field]).map((field) => ({ field, before: invoice[field], after: image[field] }));
    audits.push({ actorId: actor.id, entity: 'invoice', entityId: invoice.id, accountId: invoice.organization_id, action: 'import_undone', changes });
  }
  await writeAudits(trx, audits);
}

async function undoInvoiceImport(ctx: JobContext): Promise<unknown> {
  const { row, actor } = await load(ctx);
  return undoImportFile(ctx, row, actor, (trx, rows) => undoInvoiceRows(trx, actor, rows));
}

export const invoiceImportRunHandler: JobHandler = { run: runInvoiceImport, onFailed: markFailed };
export const invoiceImportUndoHandler: JobHandler = { run: undoInvoiceImport, onFailed: markFailed };
