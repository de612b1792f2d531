import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '@server/db/database';
import { normalizeText } from '@server/lib/normalize';
import { nowIso } from '@server/lib/time';
import type { JobContext, JobHandler } from '@server/jobs/job-context';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { authorize, type Actor } from '@server/policies';
import { registryRuntimeConfig } from '../registry-runtime';
import { setSettingState } from '../registry-settings.repo';
import { columnReader, textBytes, textLines } from './peru-file';
import { dropOtherLoads, upsertBranches, upsertTaxpayers, type BranchRow, type TaxpayerRow } from './peru.repo';

export const peruLoadJobKind = 'registry.pe_load';

/** Rows per transaction (and per progress checkpoint). */
const batchSize = 1000;
/** A download that sends nothing for this long is given up (the file is large: no limit on the whole). */
const idleMs = 60_000;

/** Queues the load of SUNAT's files; admins only. */
export async function startPeruLoad(db: Db, actor: Actor): Promise<string> {
  authorize(actor, { domain: 'registry', action: 'manage' });
  const job = await enqueueJob(db, { kind: peruLoadJobKind, payload: {}, createdBy: actor.id });
  return job.id;
}

/** Downloads a file from the configured URL only (no redirects), aborting when it stalls. */
async function download(url: string): Promise<{ lines: AsyncGenerator<string>; done: () => void }> {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), idleMs);
  const response = await fetch(url, { redirect: 'error', signal: controller.signal });
  if (!response.ok || !response.body) {
    clearTimeout(timer);
    throw new Error(`the file at ${url} answered ${response.status}`);
  }
  const reader = response.body.getReader();
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), idleMs);
        yield Buffer.from(value);
      }
    } finally {
      reader.releaseLock();
    }
  }
  const lines = textLines(await textBytes(Readable.from(chunks())));
  return { lines, done: () => clearTimeout(timer) };
}

/** Streams one file into its table in batches, each batch one transaction with its progress checkpoint. */
async function loadFile<R>(ctx: JobContext, url: string, counted: number, toRow: (read: ReturnType<ReturnType<typeof columnReader>>, line: string) => R | null, write: (db: Db, rows: R[]) => Promise<void>): Promise<number> {
  const { lines, done } = await download(url);
  let read: ReturnType<typeof columnReader> | null = null;
  let batch: R[] = [];
  let total = counted;
  const flush = async () => {
    const rows = batch;
    batch = [];
    total += rows.length;
    await ctx.db.transaction().execute(async (trx) => {
      await write(trx, rows);
      await ctx.checkpoint(trx, total);
    });
  };
  try {
    for await (const line of lines) {
      if (!read) {
        read = columnReader(line);
        continue;
      }
      if (line.trim() === '') continue;
      const row = toRow(read(line), line);
      if (row) batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    done();
  }
  return total;
}

/** Rows of one batch keyed once: the same key twice in one statement is an error on PostgreSQL. */
const uniqueBy = <R>(key: (row: R) => string) => (rows: R[]): R[] => [...new Map(rows.map((row) => [key(row), row])).values()];

/**
 * Loads the padrón and its branches file. Rows are upserted under this job's id, so a retried
 * attempt simply writes them again; only a complete load replaces the previous one (rows it no
 * longer lists are removed at the end).
 */
export const peruLoadHandler: JobHandler = {
  run: async (ctx) => {
    const config = registryRuntimeConfig().registry;
    const loadId = ctx.job.id;
    const taxpayers = await loadFile<TaxpayerRow>(ctx, config.urls.pe, 0, (row) => {
      if (!/^\d{11}$/.test(row.ruc) || !row.name) return null;
      return { ruc: row.ruc, name: row.name, name_norm: normalizeText(row.name), state: row.state, condition: row.condition, ubigeo: row.ubigeo, address: row.address, load_id: loadId };
    }, (db, rows) => upsertTaxpayers(db, uniqueBy<TaxpayerRow>((row) => row.ruc)(rows)));
    const all = await loadFile<BranchRow>(ctx, config.urls.peBranches, taxpayers, (row, line) => {
      if (!/^\d{11}$/.test(row.ruc)) return null;
      const id = createHash('sha1').update(line).digest('hex').slice(0, 32);
      return { id, ruc: row.ruc, ubigeo: row.ubigeo, address: row.address, load_id: loadId };
    }, (db, rows) => upsertBranches(db, uniqueBy<BranchRow>((row) => row.id)(rows)));
    const count = await ctx.db.transaction().execute(async (trx) => {
      const companies = await dropOtherLoads(trx, loadId);
      await setSettingState(trx, 'PE', { loaded_at: nowIso(), loaded_count: companies });
      return companies;
    });
    return { companies: count, branches: all - taxpayers };
  },
};
