import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import type { DatabaseHandle } from '@server/db/connect';
import { newId } from '@server/lib/ids';
import { JobWorker } from '@server/jobs/worker';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { blankAccountFields, columnsOf, termsOf, type AccountFields } from '@server/modules/accounts/account-fields';
import { autoMap } from '@server/modules/imports/import-mapping';
import { createUser } from '@server/modules/users/users.service';
import { benchPassword, cities, firstNames, lastNames, picker, rng } from './dataset';
import { openBench, resultsDir } from './open';
import { openRaw } from './raw';

const header = ['nombre', 'apellidos', 'email', 'telefono', 'ciudad', 'pais'];

/** A people file like a real export: Spanish headers, one person per row. */
export function writeCsv(rows: number): string {
  const file = path.join(resultsDir, `import-${rows}.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(resultsDir, { recursive: true });
  const random = rng(7);
  const pick = picker(random);
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `${header.join(',')}\n`);
  let chunk = '';
  for (let i = 0; i < rows; i += 1) {
    const [city, country] = pick(cities);
    chunk += `${pick(firstNames)},${pick(lastNames)} ${pick(lastNames)},imp${i}@correo.example,+34 7${String(i).padStart(8, '0')},${city},${country}\n`;
    if (chunk.length > 1 << 20) { fs.writeSync(out, chunk); chunk = ''; }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  return file;
}

/**
 * The process's own memory at its highest, sampled every 50 ms: anonymous pages (heap, buffers),
 * without the database file SQLite maps into the address space (the OS's page cache, shared and
 * reclaimable, which VmHWM counts too).
 */
function watchOwnMemory(): () => number {
  let peak = 0;
  const sample = () => {
    const match = /RssAnon:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) peak = Math.max(peak, Number(match[1]));
  };
  const timer = setInterval(sample, 50);
  timer.unref();
  return () => {
    sample();
    clearInterval(timer);
    return Math.round(peak / 1024);
  };
}

/** Peak resident set, mapped database pages included. */
function peakRssMb(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : Math.round(process.memoryUsage().rss / 1e6);
}

/** Queues a person import of a CSV file by this user, as the app stores an upload and its run; returns the import's id. */
export async function queueImport(handle: DatabaseHandle & { dataDir: string }, userId: string, csv: string, headers: string[]): Promise<string> {
  fs.mkdirSync(path.join(handle.dataDir, 'imports'), { recursive: true });
  fs.copyFileSync(csv, path.join(handle.dataDir, 'imports', 'bench.upload'));
  const id = newId();
  const now = new Date().toISOString();
  await handle.db.insertInto('imports').values({
    id, job_id: null, status: 'queued', file_name: 'bench.csv', stored_name: 'bench.upload', format: 'csv', encoding: 'utf-8', delimiter: ',',
    headers: JSON.stringify(headers), mapping: JSON.stringify(autoMap(headers, 'person')),
    rules: JSON.stringify({ kind: 'person', duplicates: 'skip', ownerIds: [userId], stage: null }),
    rows_total: null, rows_done: 0, created_count: 0, updated_count: 0, skipped_count: 0, failed_count: 0,
    created_by: userId, created_at: now, updated_at: now, undone_at: null, undone_by: null,
  }).execute();
  await enqueueJob(handle.db, { kind: 'import.run', payload: { importId: id, dataDir: handle.dataDir }, createdBy: userId });
  return id;
}

/** Cartera: the real import job (streaming, batches, duplicates check, owners, terms, audit, ledger). */
async function viaCartera(handle: DatabaseHandle & { dataDir: string }, csv: string): Promise<number> {
  const user = await createUser(handle.db, null, { name: 'Importer', email: 'importer@example.com', role: 'admin', scope: 'all', language: 'es', password: benchPassword });
  const id = await queueImport(handle, user.id, csv, header);
  const start = performance.now();
  await new JobWorker(handle.db, handle.dialect).drain();
  const seconds = (performance.now() - start) / 1000;
  const row = await handle.db.selectFrom('imports').select(['created_count', 'failed_count']).where('id', '=', id).executeTakeFirstOrThrow();
  if (row.failed_count > 0) console.error(`${row.failed_count} rows failed`);
  return seconds;
}

function placeholders(rows: number, columns: number, dialect: string): string {
  let n = 0;
  return Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => (dialect === 'postgres' ? `$${++n}` : '?')).join(',')})`).join(',');
}

/**
 * Baseline: the same rows (account, search terms, owner, audit row, ledger row) written with
 * prepared multi-row INSERTs straight through the driver, 500 rows per transaction, same indexes.
 */
async function viaRaw(handle: DatabaseHandle & { dataDir: string }, csv: string, dialect: 'sqlite' | 'postgres', name: string): Promise<number> {
  const user = await createUser(handle.db, null, { name: 'Importer', email: 'importer@example.com', role: 'admin', scope: 'all', language: 'es', password: benchPassword });
  const raw = await openRaw(dialect, handle.dataDir, name);
  const importId = newId();
  const start = performance.now();
  const insert = async (table: string, columns: string[], rows: unknown[][]) => {
    const size = Math.floor(16_000 / columns.length);
    for (let i = 0; i < rows.length; i += size) {
      const chunk = rows.slice(i, i + size);
      await raw.all(`insert into ${table} (${columns.join(',')}) values ${placeholders(chunk.length, columns.length, dialect)}`, chunk.flat());
    }
  };
  let batch: string[][] = [];
  let rowNumber = 1;
  const flush = async () => {
    const now = new Date().toISOString();
    const accounts: unknown[][] = [];
    const terms: unknown[][] = [];
    const owners: unknown[][] = [];
    const audits: unknown[][] = [];
    const ledger: unknown[][] = [];
    for (const [first = '', last = '', email = '', phone = '', city = '', country = ''] of batch) {
      const fields: AccountFields = { ...blankAccountFields('lead'), firstName: first, lastName: last, emails: [email], phones: [phone], addresses: { visit: { city, country } } };
      const c = columnsOf('person', fields);
      const id = newId();
      accounts.push([id, 'person', c.name, c.name_norm, c.first_name, c.last_name, c.stage, c.emails, c.phones, c.addresses, c.city, c.city_norm, c.country, now, now, user.id, user.id, 1]);
      for (const term of termsOf('person', fields, country)) terms.push([id, term]);
      owners.push([id, user.id]);
      audits.push([newId(), now, user.id, 'account', id, id, 'created', '[]']);
      rowNumber += 1;
      ledger.push([importId, rowNumber, 'created', id]);
    }
    await raw.all('begin', []);
    // As the app writes them (see withSearchDocumentsOnce): on SQLite the batch is named pending,
    // so each account's search document is written once, when it is let go.
    if (dialect === 'sqlite') await insert('account_terms_fts_pending', ['account_id', 'changed'], accounts.map((row) => [row[0], 1]));
    await insert('accounts', ['id', 'kind', 'name', 'name_norm', 'first_name', 'last_name', 'stage', 'emails', 'phones', 'addresses', 'city', 'city_norm', 'country', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version'], accounts);
    await insert('account_terms', ['account_id', 'term'], terms);
    await insert('account_owners', ['account_id', 'user_id'], owners);
    if (dialect === 'sqlite') await raw.all('delete from account_terms_fts_pending', []);
    await insert('audit_log', ['id', 'at', 'actor_id', 'entity', 'entity_id', 'account_id', 'action', 'changes'], audits);
    await insert('import_rows', ['import_id', 'row_number', 'action', 'account_id'], ledger);
    await raw.all('commit', []);
    batch = [];
  };
  const now = new Date().toISOString();
  await raw.all(`insert into imports (id, status, file_name, stored_name, format, encoding, delimiter, headers, mapping, rules, rows_done, created_count, updated_count, skipped_count, failed_count, created_at, updated_at)
    values (${placeholders(1, 17, dialect).slice(1, -1)})`, [importId, 'running', 'b', 'b', 'csv', 'utf-8', ',', '[]', '[]', '{}', 0, 0, 0, 0, 0, now, now]);
  let headerSeen = false;
  for await (const record of fs.createReadStream(csv).pipe(parse({ relax_column_count: true }))) {
    if (!headerSeen) { headerSeen = true; continue; }
    if (Array.isArray(record)) batch.push(record.map(String));
    if (batch.length >= 500) await flush();
  }
  if (batch.length > 0) await flush();
  const seconds = (performance.now() - start) / 1000;
  await raw.close();
  return seconds;
}

// Runs in a child process so its peak memory is its own: `tsx bench/import-bench.ts --rows=N --mode=cartera|raw`.
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, mode: { type: 'string' }, dialect: { type: 'string', default: 'sqlite' }, csv: { type: 'string' } } });
  const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
  const rows = Number(values.rows);
  const name = `import-${values.mode ?? 'cartera'}`;
  const handle = await openBench(dialect, name, true);
  const csv = values.csv ?? writeCsv(rows);
  const ownMemory = watchOwnMemory();
  const seconds = values.mode === 'raw' ? await viaRaw(handle, csv, dialect, name) : await viaCartera(handle, csv);
  await handle.close();
  console.log(JSON.stringify({ rows, seconds, rowsPerSecond: Math.round(rows / seconds), peakRssMb: peakRssMb(), peakOwnMb: ownMemory() }));
}
