import { spawn } from 'node:child_process';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { CompiledQuery } from 'kysely';
import { runAll } from './api-bench';
import type { Raw } from './raw';

export type Throughput = { rps: number; p99: number };

const autocannonBin = path.join(import.meta.dirname, '../node_modules/autocannon/autocannon.js');

/** autocannon in its own process (50 connections, loopback), so it does not share the server's event loop. */
export async function autocannon(url: string, cookie: string | null, seconds: number): Promise<Throughput> {
  const args = [autocannonBin, '-c', '50', '-d', String(seconds), '-j', ...(cookie ? ['-H', `cookie=${cookie}`] : []), url];
  // Asynchronous: the servers under test run in this process and must keep answering.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  await new Promise((resolve) => child.once('exit', resolve));
  const report: unknown = JSON.parse(stdout);
  if (typeof report !== 'object' || report === null || !('requests' in report) || !('latency' in report)) throw new Error(stderr);
  const requests = report.requests;
  const latency = report.latency;
  const rps = typeof requests === 'object' && requests && 'average' in requests ? Number(requests.average) : 0;
  const p99 = typeof latency === 'object' && latency && 'p99' in latency ? Number(latency.p99) : 0;
  const non2xx = 'non2xx' in report ? Number(report.non2xx) : 0;
  if (non2xx > 0) throw new Error(`${url}: ${non2xx} non-2xx answers`);
  return { rps: Math.round(rps), p99 };
}

/** A bare Fastify app on the same machine running the same SQL and returning the same rows, no auth, no schemas. */
export async function bareServer(raw: Raw, list: CompiledQuery[], single: CompiledQuery[]): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  // Every result set the endpoint's queries give (plan probes, page, count, owners…), as JSON.
  app.get('/list', async () => ({ results: await runAll(raw, list) }));
  app.get('/one', async () => ({ results: await runAll(raw, single) }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}
