import type { ImportRow, ImportRowRow } from '@server/db/database';
import { keepStatisticsFresh } from '@server/db/statistics';
import type { JobContext } from '@server/jobs/job-context';
import { ChunkPacer, chunkTransaction, transactionBudgetMs } from '@server/jobs/short-transactions';
import type { Db } from '@server/db/database';
import { nowIso } from '@server/lib/time';
import { inAuditBatch } from '@server/modules/audit/audit-batch';
import { writeAudit } from '@server/modules/audit/audit.repo';
import type { Actor } from '@server/policies';
import { countRows, readRecords, type FileShape } from './import-file';
import { valuesOf } from './import-mapping';
import { addImportCounts, findImport, importRowsBefore, insertImportRows, updateImport } from './imports.repo';

/**
 * Rows per transaction, at most: big enough for multi-row inserts to pay, small enough to keep
 * memory flat. Each batch is sized by time under that (see ChunkPacer), so requests never wait
 * long for the database behind it.
 */
export const importBatchSize = 500;
export const minBatch = 10;

export type BatchCounts = { created: number; updated: number; skipped: number; failed: number };
/** A file row on its way in: its number in the file, its values by field, and what parsing made of them. */
export type StreamedRow<T extends string, R> = { rowNumber: number; values: Partial<Record<T, string>>; result: R };

/** What an entity (accounts, invoices) brings to an import run: how a row parses, and how a batch is written. */
export type RowWriter<T extends string, R> = {
  parse: (values: Partial<Record<T, string>>) => R;
  /** Before each batch's transaction (e.g. list values an admin asked to create). */
  prepare?: (rows: Array<StreamedRow<T, R>>) => Promise<void>;
  /** Writes a batch inside the transaction; returns the ledger rows and the counts. */
  write: (trx: Db, rows: Array<StreamedRow<T, R>>) => Promise<{ ledger: ImportRowRow[]; counts: BatchCounts }>;
  /** The tables the import grows and then reads again, whose statistics must keep up. */
  tables: readonly string[];
};

/**
 * Streams the file from the stored checkpoint and writes it in batches. Each batch, its ledger
 * rows, the import's counts and the job's checkpoint commit in one transaction, so a crash
 * loses at most the batch in flight and the next attempt starts exactly where this one stopped.
 */
export async function runImportFile<T extends string, R>(
  ctx: JobContext, row: ImportRow, file: { path: string; shape: FileShape; mapping: ReadonlyArray<T | null> }, writer: RowWriter<T, R>,
): Promise<BatchCounts> {
  const total = row.rows_total ?? (await countRows(file.path, file.shape));
  await updateImport(ctx.db, row.id, { status: 'running', rows_total: total, updated_at: nowIso() });
  let done = row.rows_done;
  let index = -1; // -1 is the header
  let batch: Array<StreamedRow<T, R>> = [];
  const pacer = new ChunkPacer(minBatch, importBatchSize, 100, transactionBudgetMs(ctx.db));
  const flush = async () => {
    const rows = batch;
    batch = [];
    const after = done + rows.length;
    await writer.prepare?.(rows);
    await chunkTransaction(ctx.db, pacer, async (trx) => {
      const { ledger, counts } = await inAuditBatch('import', row.id, () => writer.write(trx, rows));
      await insertImportRows(trx, ledger);
      await addImportCounts(trx, row.id, after, counts, nowIso());
      await ctx.checkpoint(trx, after, total);
      return rows.length;
    });
    done = after;
    await keepStatisticsFresh(ctx.db, writer.tables);
  };
  for await (const record of readRecords(file.path, file.shape)) {
    index += 1;
    if (index === 0 || index <= done) continue;
    const values = valuesOf(record, file.mapping);
    batch.push({ rowNumber: index + 1, values, result: writer.parse(values) });
    if (batch.length >= pacer.size) await flush();
  }
  if (batch.length > 0) await flush();
  await updateImport(ctx.db, row.id, { status: 'done', updated_at: nowIso() });
  const final = await findImport(ctx.db, row.id);
  return { created: final?.created_count ?? 0, updated: final?.updated_count ?? 0, skipped: final?.skipped_count ?? 0, failed: final?.failed_count ?? 0 };
}

/** Rows an undo handles between two looks at its deadline: a few statements' worth of work. */
const undoStep = minBatch;

/**
 * Undoes an import, newest row first (so a record two rows updated ends as it was before both):
 * `undoRows` takes back a step of the rows that created or updated something. Each chunk is one
 * short transaction that stops when its time is up (a step of rows at a time, see
 * chunkTransaction) and stores how far it got with its checkpoint, so an undo survives a crash,
 * lets requests through between chunks, and costs the same per row however large the import.
 */
export async function undoImportFile(ctx: JobContext, row: ImportRow, actor: Actor, undoRows: (trx: Db, rows: ImportRowRow[]) => Promise<void>): Promise<{ undone: number }> {
  let cursor = ctx.job.progress_done > 0 ? ctx.job.progress_done : 2_147_483_647; // above any row number; fits PostgreSQL's integer
  let handled = 0;
  const pacer = new ChunkPacer(minBatch, importBatchSize, 100, transactionBudgetMs(ctx.db));
  for (;;) {
    let reached = cursor;
    const done = await chunkTransaction(ctx.db, pacer, async (trx, deadline) => {
      const rows = await importRowsBefore(trx, row.id, cursor, pacer.size, ['created', 'updated']);
      let count = 0;
      while (count < rows.length && (count === 0 || !deadline.passed())) {
        const step = rows.slice(count, count + undoStep);
        await undoRows(trx, step);
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
