#!/usr/bin/env node
// `npm test`: typecheck, lint, then every suite on every target this machine has:
// unit + API tests on SQLite, the database tests again on PostgreSQL, browser tests in Chromium.
// Without PostgreSQL or Chromium it says loudly what it skipped; in CI (CI=true) it fails instead.
// The browser suite runs beside the PostgreSQL suite: it mostly waits on Chromium, so the two
// share the cores well; its output is prefixed and its summary printed when it ends.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.CARTERA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.CARTERA_CHROMIUM ?? '/usr/bin/chromium';
const only = process.argv.slice(2); // e.g. `npm test -- sqlite postgres`
const wanted = (step) => only.length === 0 || only.includes(step);
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-results-'));

const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedSuites = [];
const failedSteps = [];

function run(label, command, args, env = {}) {
  console.log(`\n━━━ ${label} ━━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`━━━ ${label}: ${ok ? 'ok' : 'FAILED'} in ${seconds}s`);
  if (!ok) failedSteps.push(label);
  return ok;
}

/** The same as run(), beside what follows: output prefixed line by line; resolves when done. */
function runBeside(label, command, args, env = {}) {
  console.log(`\n━━━ ${label} (started beside the next steps) ━━━`);
  const started = Date.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const prefix = (stream, out) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) out.write(`[${label}] ${line}\n`);
    });
    stream.on('end', () => { if (rest) out.write(`[${label}] ${rest}\n`); });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const ok = code === 0;
      console.log(`━━━ ${label}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
      if (!ok) failedSteps.push(label);
      resolve(ok);
    });
  });
}

const vitestArgs = (label, args) => {
  const output = path.join(resultsDir, `${label.replace(/\W+/g, '-')}.json`);
  return { output, args: ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`] };
};

function count(output) {
  if (!fs.existsSync(output)) return;
  const report = JSON.parse(fs.readFileSync(output, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function vitest(label, args, env = {}) {
  const { output, args: all } = vitestArgs(label, args);
  run(label, 'npx', all, env);
  count(output);
}

async function vitestBeside(label, args, env = {}) {
  const { output, args: all } = vitestArgs(label, args);
  await runBeside(label, 'npx', all, env);
  count(output);
}

function skip(suite, why) {
  const line = `SKIPPED: ${suite} — ${why}`;
  skippedSuites.push(line);
  console.log(`\n${'!'.repeat(78)}\n!! ${line}\n${'!'.repeat(78)}`);
  if (ci) failedSteps.push(`${suite} (required in CI)`);
}

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || 5432) });
    socket.setTimeout(2000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

// Both are single-threaded: side by side they take the time of the slower one on two cores.
const typecheck = wanted('typecheck') ? runBeside('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) : Promise.resolve();
if (wanted('lint')) run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
await typecheck;
if (wanted('sqlite')) vitest('unit + API tests on SQLite', [], { CARTERA_TEST_DIALECT: 'sqlite' });

// The browser suite needs the built app; it then runs while the PostgreSQL suite does.
let browserSuite = Promise.resolve();
if (wanted('e2e')) {
  if (fs.existsSync(chromium)) {
    if (run('build web app', 'npm', ['run', 'build:web'])) {
      browserSuite = vitestBeside('browser tests in Chromium', ['--config', 'e2e/vitest.config.ts'], { CARTERA_CHROMIUM: chromium });
    }
  } else {
    skip('browser suite', `no Chromium at ${chromium} (apt-get install -y chromium)`);
  }
}

if (wanted('postgres')) {
  if (await reachable(pgUrl)) {
    await vitestBeside('database tests on PostgreSQL', ['server'], { CARTERA_TEST_DIALECT: 'postgres', CARTERA_TEST_PG_URL: pgUrl });
  } else {
    skip('PostgreSQL suite', `nothing listens at ${new URL(pgUrl).host} (set CARTERA_TEST_PG_URL or start PostgreSQL)`);
  }
}
await browserSuite;

fs.rmSync(resultsDir, { recursive: true, force: true });
console.log('\n━━━ summary ━━━');
for (const line of skippedSuites) console.log(line);
for (const step of failedSteps) console.log(`FAILED: ${step}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 || totals.failed > 0 ? 1 : 0);
