import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '@server/app';
import { loadConfig } from '@server/config';
import { JobWorker } from '@server/jobs/worker';
import { undoImport } from '@server/modules/imports/imports.service';
import { createUser } from '@server/modules/users/users.service';
import { loadActor } from '@server/modules/users/users.repo';
import { queueImport } from './import-bench';
import { benchPassword, cities, companyWords, firstNames, lastNames, picker, rng } from './dataset';
import { openBench, resultsDir } from './open';

const header = ['nombre', 'apellidos', 'email', 'telefono', 'ciudad', 'pais', 'empresa', 'cargo'];

/** A people file with a company column: two people per company, so the import creates rows/2 organizations and links. */
export function writeCompanyCsv(rows: number): string {
  const file = path.join(resultsDir, `import-company-${rows}.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(resultsDir, { recursive: true });
  const pick = picker(rng(11));
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i += 1) {
    const [city, country] = pick(cities);
    lines.push(`${pick(firstNames)},${pick(lastNames)},imp${i}@correo.example,+34 7${String(i).padStart(8, '0')},${city},${country},${pick(companyWords)} ${i >> 1} SL,Compras`);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

export type Probe = { count: number; p50: number; p99: number; max: number };

/**
 * Asks for `paths` one after another (one request in flight per path, as a user clicking) until
 * stopped, and returns each path's latencies. Requests go through real HTTP on loopback.
 */
export function probe(baseUrl: string, cookie: string, paths: string[]): () => Promise<Map<string, Probe>> {
  let running = true;
  const loops = paths.map(async (p) => {
    const times: number[] = [];
    while (running) {
      const start = performance.now();
      const response = await fetch(`${baseUrl}${p}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${p}: ${response.status}`);
      times.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return [p, summarize(times)] as const;
  });
  return async () => {
    running = false;
    return new Map(await Promise.all(loops));
  };
}

function summarize(times: number[]): Probe {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: Math.round(sorted[sorted.length - 1] ?? 0) };
}

// `npx tsx bench/long-work-bench.ts --dialect=sqlite|postgres --rows=30000 [--no-probe]`: one import with a
// company column and its undo, run by the job worker inside the app process while /api/health and an
// accounts list page are asked for through HTTP. Prints one JSON line.
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '30000' }, dialect: { type: 'string', default: 'sqlite' }, 'no-probe': { type: 'boolean', default: false } } });
  const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
  const rows = Number(values.rows);
  const handle = await openBench(dialect, 'long-work', true);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: '' }), dataDir: handle.dataDir };
  const app = await buildApp(config, handle);
  const user = await createUser(handle.db, null, { name: 'Importer', email: 'importer@example.com', role: 'admin', scope: 'all', language: 'es', password: benchPassword });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'importer@example.com', password: benchPassword } });
  const session = login.cookies.find((c) => c.name === 'cartera_session');
  if (!session) throw new Error(`login failed: ${login.body}`);
  const cookie = `cartera_session=${session.value}`;
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const csv = writeCompanyCsv(rows);
  const id = await queueImport(handle, user.id, csv, header);
  const worker = new JobWorker(handle.db, handle.dialect);
  const paths = ['/api/health', '/api/v1/accounts?limit=50'];
  const timed = async (work: () => Promise<unknown>) => {
    const stop = values['no-probe'] ? null : probe(url, cookie, paths);
    const start = performance.now();
    const cpu = process.cpuUsage();
    await work();
    const seconds = (performance.now() - start) / 1000;
    // This process's CPU time beside the wall time: on a shared machine the wall time says how busy
    // the others were, the CPU time whether the work still grows in step with the rows.
    const used = process.cpuUsage(cpu);
    const cpuSeconds = Math.round((used.user + used.system) / 100_000) / 10;
    return { seconds: Math.round(seconds * 10) / 10, cpuSeconds, probes: stop ? Object.fromEntries(await stop()) : null };
  };
  const run = await timed(() => worker.drain());
  const done = await handle.db.selectFrom('imports').select(['created_count', 'failed_count', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  const actor = await loadActor(handle.db, user.id);
  if (!actor) throw new Error('no actor');
  await undoImport(handle.db, actor, handle.dataDir, id);
  const undo = await timed(() => worker.drain());
  const after = await handle.db.selectFrom('imports').select('status').where('id', '=', id).executeTakeFirstOrThrow();
  const left = await handle.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await app.close();
  await handle.close();
  console.log(JSON.stringify({ dialect, rows, created: done.created_count, failed: done.failed_count, run, undo, undoStatus: after.status, accountsLeft: Number(left.n) }));
}
