import { parseArgs } from 'node:util';
import { buildApp } from '@server/app';
import { loadConfig } from '@server/config';
import { endpointQueries } from './api-bench';
import { benchPassword } from './dataset';
import { openBench } from './open';
import { openRaw, timeIt } from './raw';

// `npx tsx bench/explain.ts --size=20000 --dialect=sqlite --as=bench-team@example.com '/api/v1/activities?limit=50'`
// prints each query an endpoint ran, its plan and its time replayed directly: where a line's time goes.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { size: { type: 'string', default: '100000' }, dialect: { type: 'string', default: 'sqlite' }, as: { type: 'string', default: 'bench-admin@example.com' } },
});
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const name = `data-${Number(values.size)}`;
const handle = await openBench(dialect, name, false);
const app = await buildApp({ ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: '' }), dataDir: handle.dataDir }, handle);
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: values.as, password: benchPassword } });
const session = login.cookies.find((c) => c.name === 'cartera_session');
if (!session) throw new Error(`login failed: ${login.body}`);
const cookie = `cartera_session=${session.value}`;
const raw = await openRaw(dialect, handle.dataDir, name);
for (const url of positionals) {
  console.log(`\n=== ${url}`);
  for (const query of await endpointQueries(app, cookie, url)) {
    const timing = await timeIt(20, () => raw.all(query.sql, query.parameters));
    console.log(`\n-- p50 ${timing.p50.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms\n${query.sql}\n   ${JSON.stringify(query.parameters)}`);
    const plan = await raw.all(`${dialect === 'sqlite' ? 'explain query plan' : 'explain (analyze, buffers)'} ${query.sql}`, query.parameters);
    // SQLite's plan rows end with their detail, PostgreSQL's are one column.
    for (const row of plan) console.log(`   ${typeof row === 'object' && row !== null ? String(Object.values(row).at(-1)) : String(row)}`);
  }
}
await app.close();
await raw.close();
await handle.close();
