import fs from 'node:fs';
import path from 'node:path';
import { connect } from '@server/db/connect';
import { migrateToLatest } from '@server/db/migrate';
import { createUser } from '@server/modules/users/users.service';
import { JobWorker } from '@server/jobs/worker';
import { enqueueJob } from '@server/jobs/jobs.repo';
import { newId } from '@server/lib/ids';
import { autoMap } from '@server/modules/imports/import-mapping';

const dir = fs.mkdtempSync('/tmp/b5/db-');
const h = connect({ databaseUrl: process.env.PG ?? null, dataDir: dir, pgSchema: process.env.PG ? 'prof' : undefined });
await migrateToLatest(h.db);
const u = await createUser(h.db, null, { name: 'A', email: `a${Date.now()}@x.com`, role: 'admin', scope: 'all', language: 'en', password: 'correct-horse-battery' });
const n = Number(process.argv[2] ?? 20000);
fs.mkdirSync(path.join(dir, 'imports'));
const lines = ['nombre,apellidos,email,telefono,ciudad'];
for (let i = 0; i < n; i++) lines.push(`Nombre${i},Apellido${i % 1000},p${i}@example.com,+34 6${String(i).padStart(8, '0')},Madrid`);
fs.writeFileSync(path.join(dir, 'imports', 'f.upload'), lines.join('\n'));
const id = newId();
const now = new Date().toISOString();
await h.db.insertInto('imports').values({ id, job_id: null, status: 'queued', file_name: 'f.csv', stored_name: 'f.upload', format: 'csv', encoding: 'utf-8', delimiter: ',',
  headers: JSON.stringify(lines[0]!.split(',')), mapping: JSON.stringify(autoMap(lines[0]!.split(','), 'person')), rules: JSON.stringify({ kind: 'person', duplicates: 'skip', ownerIds: [u.id], stage: null }),
  rows_total: null, rows_done: 0, created_count: 0, updated_count: 0, skipped_count: 0, failed_count: 0, created_by: u.id, created_at: now, updated_at: now, undone_at: null, undone_by: null }).execute();
await enqueueJob(h.db, { kind: 'import.run', payload: { importId: id, dataDir: dir }, createdBy: u.id });
const t0 = performance.now();
await new JobWorker(h.db, h.dialect).drain();
const s = (performance.now() - t0) / 1000;
console.log(n, 'rows', s.toFixed(2), 's', Math.round(n / s), 'rows/s', 'rss', Math.round(process.memoryUsage().rss / 1e6), 'MB');
await h.close();
