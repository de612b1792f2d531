import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '@server/app';
import { loadConfig } from '@server/config';
import { benchPassword } from './dataset';
import { generateDataset } from './generate';
import { openBench } from './open';

// `npx tsx bench/load-bench.ts --dialect=sqlite --size=20000 --connections=200 --seconds=60`: the accounts
// list under a closed-loop load (bench/load-client.ts in its own process), with every latency kept:
// how many answers took over 2 s and 10 s, and the slowest of each second. Beside it the time each
// request spent inside Fastify (from its first hook to its answer), to tell waiting in the app
// from waiting before it, and the server's CPU time per answer: requests wait in one queue (see
// server/lib/fair-turns.ts), so the slowest waits about connections × that time on a quiet machine,
// and a max far above p99 means some request was passed over.
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '20000' }, dialect: { type: 'string', default: 'sqlite' },
    connections: { type: 'string', default: '200' }, seconds: { type: 'string', default: '60' },
    path: { type: 'string', default: '/api/v1/accounts?kind=person&sort=name&limit=50' },
  },
});
const size = Number(values.size);
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const name = `data-${size}`;
let handle = await openBench(dialect, name, false);
const existing = await handle.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
if (Number(existing.n) !== size) {
  await handle.close();
  handle = await openBench(dialect, name, true);
  await generateDataset(handle, size, () => undefined);
}
const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: '' }), dataDir: handle.dataDir };
const app = await buildApp(config, handle);
const inApp: number[] = [];
app.addHook('onResponse', async (_request, reply) => { inApp.push(reply.elapsedTime); });
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'bench-admin@example.com', password: benchPassword } });
const session = login.cookies.find((c) => c.name === 'cartera_session');
if (!session) throw new Error(`login failed: ${login.body}`);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
inApp.length = 0;
const cpu = process.cpuUsage();
const child = spawn(process.execPath, [
  '--import', 'tsx', path.join(import.meta.dirname, 'load-client.ts'),
  `--url=${url}${values.path ?? ''}`, `--cookie=cartera_session=${session.value}`, `--connections=${values.connections ?? ''}`, `--seconds=${values.seconds ?? ''}`,
], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
await new Promise((resolve) => child.once('exit', resolve));
const used = process.cpuUsage(cpu);
const serverCpuMs = (used.user + used.system) / 1000;
await app.close();
await handle.close();
const sorted = [...inApp].sort((a, b) => a - b);
const client: unknown = JSON.parse(out.trim().split('\n').pop() ?? '{}');
console.log(JSON.stringify({
  dialect, size, connections: Number(values.connections), seconds: Number(values.seconds), client,
  inApp: { p99: Math.round(sorted[Math.floor(0.99 * sorted.length)] ?? 0), max: Math.round(sorted[sorted.length - 1] ?? 0), over2s: sorted.filter((ms) => ms > 2000).length },
  server: { cpuSeconds: Math.round(serverCpuMs / 100) / 10, cpuMsPerAnswer: Math.round((serverCpuMs / Math.max(1, inApp.length)) * 100) / 100 },
}));
