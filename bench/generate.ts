import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '@server/db/connect';
import type { ActivityRow, Db, NewAccount, RequestRow } from '@server/db/database';
import { inChunks } from '@server/lib/chunks';
import { newId } from '@server/lib/ids';
import { normalizeText } from '@server/lib/normalize';
import { blankAccountFields, columnsOf, termsOf, type AccountFields } from '@server/modules/accounts/account-fields';
import { insertAccountsBulk } from '@server/modules/accounts/accounts.repo';
import { createUser } from '@server/modules/users/users.service';
import { openBench } from './open';
import {
  activityTypes, benchPassword, cities, companyWords, createIndexes, dropIndexes, firstNames, lastNames, picker, requestChannels,
  requestStatuses, rng, secondaryIndexes, stagesWeighted, tagNames,
} from './dataset';

const tables = ['accounts', 'account_owners', 'account_terms', 'contacts', 'account_tags', 'requests', 'activities'];
const batch = 2000;
/**
 * About one agent per this many accounts (a sales agent looks after a few thousand), ten to a team:
 * at a million accounts an agent sees 0.5% of them and a team 5%. A smaller dataset keeps those
 * shares with `accountsPerAgent` = size / 200 (200 agents).
 */
const defaultAccountsPerAgent = 5000;
const agentsPerTeam = 10;

export type GeneratedUsers = { adminEmail: string; agentEmail: string; teamAgentEmail: string; agents: string[] };

/** The bench's users: an admin, agents with scope `own` in teams of ten, and one agent with scope `team`. */
async function createUsers(db: Db, size: number, accountsPerAgent: number): Promise<GeneratedUsers> {
  const admin = await createUser(db, null, { name: 'Bench Admin', email: 'bench-admin@example.com', role: 'admin', scope: 'all', language: 'en', password: benchPassword });
  const agentCount = Math.max(20, Math.round(size / accountsPerAgent));
  const teams: string[] = [];
  for (let t = 0; t < Math.ceil(agentCount / agentsPerTeam); t += 1) {
    const id = newId();
    await db.insertInto('teams').values({ id, name: `Team ${t + 1}`, created_at: new Date().toISOString() }).execute();
    teams.push(id);
  }
  const agents: string[] = [];
  for (let a = 0; a < agentCount; a += 1) {
    const user = await createUser(db, null, {
      name: `Agent ${a + 1}`, email: `bench-agent${a + 1}@example.com`, role: 'agent', scope: 'own',
      teamId: teams[Math.floor(a / agentsPerTeam)] ?? null, language: 'es', password: benchPassword,
    });
    agents.push(user.id);
  }
  // Owns nothing: sees the accounts of the ten agents of team 1 (scope `team`).
  await createUser(db, null, { name: 'Team Lead', email: 'bench-team@example.com', role: 'agent', scope: 'team', teamId: teams[0] ?? null, language: 'es', password: benchPassword });
  return { adminEmail: admin.email, agentEmail: 'bench-agent1@example.com', teamAgentEmail: 'bench-team@example.com', agents };
}

async function createTags(db: Db): Promise<string[]> {
  const now = new Date().toISOString();
  const rows = tagNames.map((name) => ({ id: newId(), name, name_norm: normalizeText(name), color: null, created_at: now, created_by: null, updated_at: now, version: 1 }));
  await db.insertInto('tags').values(rows).execute();
  return rows.map((row) => row.id);
}

/**
 * Builds `size` accounts (80% people, 20% organizations) with owners, search terms exactly as the
 * app computes them, contacts (half the people work for an organization), tags (the first on 30% of
 * accounts, the others rarer), two activities per account on average (30% scheduled, 10% private)
 * and 0.3 requests per account. Secondary indexes are dropped for the load and rebuilt after it;
 * the triggers fill the portfolios (portfolio_accounts) as owners and tags are written.
 */
export async function generateDataset(handle: DatabaseHandle, size: number, log: (line: string) => void, accountsPerAgent = defaultAccountsPerAgent): Promise<GeneratedUsers> {
  const { db } = handle;
  const started = Date.now();
  const users = await createUsers(db, size, accountsPerAgent);
  const tagIds = await createTags(db);
  // The portfolio triggers look an account's tags and terms up by account while the load runs:
  // those indexes stay (without the terms one each new portfolio row scanned every term written
  // so far, and a million accounts took hours).
  const kept = new Set(['account_tags_account_idx', 'account_terms_account_idx']);
  const indexes = (await secondaryIndexes(handle, tables)).filter((index) => !kept.has(index.name));
  await dropIndexes(handle, indexes);
  const random = rng(42);
  const pick = picker(random);
  const organizations = Math.round(size * 0.2);
  const orgIds: string[] = [];
  const base = Date.parse('2020-01-01T00:00:00Z');
  const span = 7 * 365 * 86_400_000;
  const moment = () => new Date(base + Math.floor(random() * span)).toISOString();
  for (let start = 0; start < size; start += batch) {
    const rows: NewAccount[] = [];
    const terms: Array<{ account_id: string; term: string }> = [];
    const owners: Array<{ account_id: string; user_id: string }> = [];
    const contacts: Array<{ id: string; person_id: string; organization_id: string; position: string | null; area: string | null; created_at: string; created_by: string | null }> = [];
    const tags: Array<{ tag_id: string; account_id: string; created_at: string; created_by: string | null }> = [];
    const requests: RequestRow[] = [];
    const activities: ActivityRow[] = [];
    for (let i = start; i < Math.min(size, start + batch); i += 1) {
      // Organizations and people interleave, as they would arrive in a real CRM.
      const isOrg = i % 5 === 0 && orgIds.length < organizations;
      const [city, country] = pick(cities);
      const domain = isOrg ? `empresa${i}.example.com` : pick(['gmail.example', 'hotmail.example', 'correo.example', 'outlook.example']);
      const fields: AccountFields = {
        ...blankAccountFields('lead'),
        name: isOrg ? `${pick(companyWords)} ${pick(lastNames)} ${pick(companyWords)} ${i}` : null,
        firstName: isOrg ? null : pick(firstNames),
        lastName: isOrg ? null : `${pick(lastNames)} ${pick(lastNames)}`,
        stage: pick(stagesWeighted),
        taxId: isOrg ? `B${String(10_000_000 + i).padStart(8, '0')}` : null,
        website: isOrg ? `https://${domain}` : null,
        emails: [isOrg ? `info@${domain}` : `p${i}@${domain}`],
        phones: [`+34 6${String(i).padStart(8, '0')}`],
        addresses: { visit: { city, country } },
      };
      const at = moment();
      const id = newId();
      const owner = pick(users.agents);
      const kind = isOrg ? 'organization' : 'person';
      rows.push({ id, kind, ...columnsOf(kind, fields), created_at: at, updated_at: at, created_by: owner, updated_by: owner, version: 1, discarded_at: null, discarded_by: null, logo_document_id: null });
      for (const term of termsOf(kind, fields, country)) terms.push({ account_id: id, term });
      owners.push({ account_id: id, user_id: owner });
      if (isOrg) orgIds.push(id);
      else if (random() < 0.5 && orgIds.length > 0) {
        contacts.push({ id: newId(), person_id: id, organization_id: pick(orgIds), position: pick(['CEO', 'CFO', 'Compras', 'Ventas', null]), area: null, created_at: at, created_by: owner });
      }
      tagIds.forEach((tagId, t) => {
        if (random() < (t === 0 ? 0.3 : 0.02)) tags.push({ tag_id: tagId, account_id: id, created_at: at, created_by: owner });
      });
      const requestIds: string[] = [];
      if (random() < 0.3) {
        const requestId = newId();
        requestIds.push(requestId);
        requests.push({
          id: requestId, account_id: id, requested_at: at, interest: null, request_group: null, channel: pick(requestChannels), source: null,
          status: pick(requestStatuses), handled: random() < 0.5, reason: null, notes: null, responsible_id: owner, created_at: at, updated_at: at, created_by: owner, version: 1,
        });
      }
      for (let a = Math.floor(random() * 5); a > 0; a -= 1) {
        const startAt = moment();
        const roll = random();
        activities.push({
          id: newId(), account_id: id, request_id: requestIds[0] ?? null, type: pick(activityTypes), status: roll < 0.3 ? 'scheduled' : roll < 0.95 ? 'done' : 'cancelled',
          subject: `Seguimiento ${i}`, start_at: startAt, end_at: null, due_at: startAt, responsible_id: owner, opportunity_id: null, result: null, notes: null, is_private: random() < 0.1,
          remind_at: null, reminded_at: null, done_at: null, created_at: at, updated_at: at, created_by: owner, updated_by: owner, version: 1,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      await insertAccountsBulk(trx, rows, terms, owners);
      await inChunks(contacts, (chunk) => trx.insertInto('contacts').values(chunk).execute());
      await inChunks(tags, (chunk) => trx.insertInto('account_tags').values(chunk).execute());
      await inChunks(requests, (chunk) => trx.insertInto('requests').values(chunk).execute());
      await inChunks(activities, (chunk) => trx.insertInto('activities').values(chunk).execute());
    });
    if ((start / batch) % 50 === 0) log(`  ${start + rows.length} accounts (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  const indexStart = Date.now();
  await createIndexes(handle, indexes);
  log(`  indexes rebuilt in ${((Date.now() - indexStart) / 1000).toFixed(1)} s; dataset built in ${Math.round((Date.now() - started) / 1000)} s`);
  return users;
}

// `tsx bench/generate.ts --size=100000 --dialect=sqlite [--accounts-per-agent=5000]` builds a dataset on its own.
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({
    options: { size: { type: 'string', default: '100000' }, dialect: { type: 'string', default: 'sqlite' }, 'accounts-per-agent': { type: 'string', default: String(defaultAccountsPerAgent) } },
  });
  const size = Number(values.size);
  const handle = await openBench(values.dialect === 'postgres' ? 'postgres' : 'sqlite', `data-${size}`, true);
  await generateDataset(handle, size, console.log, Number(values['accounts-per-agent']));
  await handle.close();
}
