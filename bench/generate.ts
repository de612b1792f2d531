import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '@server/db/connect';
import type { AccountRow } from '@server/db/database';
import { newId } from '@server/lib/ids';
import { blankAccountFields, columnsOf, termsOf, type AccountFields } from '@server/modules/accounts/account-fields';
import { createUser } from '@server/modules/users/users.service';
import { openBench } from './open';
import {
  benchPassword, cities, companyWords, createIndexes, dropIndexes, firstNames, lastNames, picker, rng, secondaryIndexes, stagesWeighted,
} from './dataset';

const tables = ['accounts', 'account_owners', 'account_terms', 'contacts'];
const batch = 2000;

export type GeneratedUsers = { adminEmail: string; agentEmail: string; agents: string[] };

/**
 * Builds `size` accounts (80% people, 20% organizations) with owners (20 agents in 4 teams),
 * search terms exactly as the app computes them, and contacts (half the people work for an
 * organization). Secondary indexes are dropped for the load and rebuilt after it.
 */
export async function generateDataset(handle: DatabaseHandle, size: number, log: (line: string) => void): Promise<GeneratedUsers> {
  const { db } = handle;
  const started = Date.now();
  const admin = await createUser(db, null, { name: 'Bench Admin', email: 'bench-admin@example.com', role: 'admin', scope: 'all', language: 'en', password: benchPassword });
  const teams = [];
  for (let t = 0; t < 4; t += 1) {
    const id = newId();
    await db.insertInto('teams').values({ id, name: `Team ${t + 1}`, created_at: new Date().toISOString() }).execute();
    teams.push(id);
  }
  const agents: string[] = [];
  for (let a = 0; a < 20; a += 1) {
    const user = await createUser(db, null, { name: `Agent ${a + 1}`, email: `bench-agent${a + 1}@example.com`, role: 'agent', scope: 'own', teamId: teams[a % 4] ?? null, language: 'es', password: benchPassword });
    agents.push(user.id);
  }
  const indexes = await secondaryIndexes(handle, tables);
  await dropIndexes(handle, indexes);
  const random = rng(42);
  const pick = picker(random);
  const organizations = Math.round(size * 0.2);
  const orgIds: string[] = [];
  const base = Date.parse('2020-01-01T00:00:00Z');
  for (let start = 0; start < size; start += batch) {
    const rows: AccountRow[] = [];
    const terms: Array<{ account_id: string; term: string }> = [];
    const owners: Array<{ account_id: string; user_id: string }> = [];
    const contacts: Array<{ id: string; person_id: string; organization_id: string; position: string | null; area: string | null; created_at: string; created_by: string | null }> = [];
    for (let i = start; i < Math.min(size, start + batch); i += 1) {
      const isOrg = i < organizations;
      const [city, country] = pick(cities);
      const first = pick(firstNames);
      const last = `${pick(lastNames)} ${pick(lastNames)}`;
      const orgName = `${pick(companyWords)} ${pick(lastNames)} ${pick(companyWords)} ${i}`;
      const domain = isOrg ? `empresa${i}.example.com` : pick(['gmail.example', 'hotmail.example', 'correo.example', 'outlook.example']);
      const fields: AccountFields = {
        ...blankAccountFields('lead'),
        name: isOrg ? orgName : null,
        firstName: isOrg ? null : first,
        lastName: isOrg ? null : last,
        stage: pick(stagesWeighted),
        taxId: isOrg ? `B${String(10_000_000 + i).padStart(8, '0')}` : null,
        industry: null,
        source: null,
        website: isOrg ? `https://${domain}` : null,
        emails: [isOrg ? `info@${domain}` : `p${i}@${domain}`],
        phones: [`+34 6${String(i).padStart(8, '0')}`],
        addresses: { visit: { city, country } },
        notes: null,
        invoiceDelivery: null,
        invoiceEmail: null,
        creditDays: null,
        teamId: null,
      };
      const at = new Date(base + Math.floor(random() * 5 * 365 * 86_400_000)).toISOString();
      const id = newId();
      const owner = pick(agents);
      rows.push({ id, kind: isOrg ? 'organization' : 'person', ...columnsOf(isOrg ? 'organization' : 'person', fields), created_at: at, updated_at: at, created_by: owner, updated_by: owner, version: 1, discarded_at: null, discarded_by: null, logo_document_id: null });
      for (const term of termsOf(isOrg ? 'organization' : 'person', fields, country)) terms.push({ account_id: id, term });
      owners.push({ account_id: id, user_id: owner });
      if (isOrg) orgIds.push(id);
      else if (random() < 0.5 && orgIds.length > 0) {
        contacts.push({ id: newId(), person_id: id, organization_id: pick(orgIds), position: pick(['CEO', 'CFO', 'Compras', 'Ventas', null]), area: null, created_at: at, created_by: owner });
      }
    }
    await db.transaction().execute(async (trx) => {
      await insertChunks(rows, (chunk) => trx.insertInto('accounts').values(chunk).execute());
      await insertChunks(terms, (chunk) => trx.insertInto('account_terms').values(chunk).execute());
      await insertChunks(owners, (chunk) => trx.insertInto('account_owners').values(chunk).execute());
      await insertChunks(contacts, (chunk) => trx.insertInto('contacts').values(chunk).execute());
    });
    if ((start / batch) % 50 === 0) log(`  ${start + rows.length} accounts (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  const indexStart = Date.now();
  await createIndexes(handle, indexes);
  log(`  indexes rebuilt in ${((Date.now() - indexStart) / 1000).toFixed(1)} s; dataset built in ${Math.round((Date.now() - started) / 1000)} s`);
  return { adminEmail: admin.email, agentEmail: 'bench-agent1@example.com', agents };
}

async function insertChunks<R extends object>(rows: R[], write: (chunk: R[]) => Promise<unknown>): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.floor(16_000 / Object.keys(first).length);
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

// `tsx bench/generate.ts --size=100000 --dialect=sqlite` builds a dataset on its own.
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' }, dialect: { type: 'string', default: 'sqlite' } } });
  const size = Number(values.size);
  const handle = await openBench(values.dialect === 'postgres' ? 'postgres' : 'sqlite', `data-${size}`, true);
  await generateDataset(handle, size, console.log);
  await handle.close();
}
