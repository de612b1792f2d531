import http from 'node:http';
import { parseArgs } from 'node:util';

/**
 * A closed-loop load in its own process: `connections` keep-alive sockets, each sending its next
 * request when the previous answer arrived, for `seconds`. Unlike autocannon's summary it keeps
 * every latency, so the worst cases (how many over 2 s and 10 s, the slowest of each second) show.
 * Prints one JSON line.
 */
const { values } = parseArgs({ options: { url: { type: 'string' }, cookie: { type: 'string', default: '' }, connections: { type: 'string', default: '200' }, seconds: { type: 'string', default: '60' } } });
const url = new URL(values.url ?? '');
const connections = Number(values.connections);
const endAt = performance.now() + Number(values.seconds) * 1000;
const start = performance.now();
const latencies: number[] = [];
/** Slowest answer by the second it arrived in. */
const slowestBySecond: number[] = [];
let errors = 0;
let non2xx = 0;

async function loop(agent: http.Agent): Promise<void> {
  while (performance.now() < endAt) {
    const sent = performance.now();
    const status = await new Promise<number>((resolve) => {
      const request = http.get({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, agent, headers: { cookie: values.cookie } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', () => resolve(-1));
    });
    const now = performance.now();
    if (status === -1) errors += 1;
    else if (status < 200 || status >= 300) non2xx += 1;
    const ms = now - sent;
    latencies.push(ms);
    const second = Math.floor((now - start) / 1000);
    slowestBySecond[second] = Math.max(slowestBySecond[second] ?? 0, ms);
  }
}

// One agent and socket per loop: each loop is one connection, as autocannon's are.
await Promise.all(Array.from({ length: connections }, () => loop(new http.Agent({ keepAlive: true, maxSockets: 1 }))));
const sorted = [...latencies].sort((a, b) => a - b);
const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
console.log(JSON.stringify({
  requests: sorted.length, rps: Math.round(sorted.length / Number(values.seconds)), errors, non2xx,
  p50: at(0.5), p99: at(0.99), max: Math.round(sorted[sorted.length - 1] ?? 0),
  over2s: sorted.filter((ms) => ms > 2000).length, over10s: sorted.filter((ms) => ms > 10_000).length,
  slowestBySecond: slowestBySecond.map((ms) => Math.round(ms ?? 0)),
}));
