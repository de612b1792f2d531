import { parseArgs } from 'node:util';
import { sql, type Insertable } from 'kysely';
import type { DatabaseHandle } from '@server/db/connect';
import type { AgreementsTable } from '@server/db/agreement-tables';
import type { ActivityRow, Db } from '@server/db/database';
import type { InvoicesTable } from '@server/db/invoice-tables';
import type { ProjectsTable } from '@server/db/project-tables';
import { inChunks } from '@server/lib/chunks';
import { newId } from '@server/lib/ids';
import { normalizeText } from '@server/lib/normalize';
import { writeRecordTerms } from '@server/modules/search/record-terms.repo';
import { createIndexes, dropIndexes, picker, rng, secondaryIndexes } from './dataset';
import { openBench } from './open';

/**
 * What the company counters count (issue 22 item 4), at a million accounts: 300,000 projects,
 * 2,000,000 tasks, 200,000 agreements and 2,000,000 invoices; a smaller dataset gets its share.
 */
export const counterSizes = { projects: 300_000, tasks: 2_000_000, agreements: 200_000, invoices: 2_000_000 };

export const counterParts = ['projects', 'tasks', 'agreements', 'invoices'] as const;
export type CounterPart = (typeof counterParts)[number];

// The records' own tables lose their secondary indexes for the load (as generate.ts does);
// activities and accounts keep theirs, and the triggers keep every counter as each row lands.
const tables = ['projects', 'project_responsibles', 'agreements', 'invoices', 'account_invoiced'];
const batch = 20_000;

type Organization = { id: string; owner: string };

/** Weighted choices: each value as often as its weight says. */
const weighted = <T>(pairs: ReadonlyArray<readonly [T, number]>): T[] => pairs.flatMap(([value, weight]) => Array<T>(weight).fill(value));
const projectStatuses = weighted([['active', 3], ['planned', 2], ['on_hold', 1], ['done', 3], ['cancelled', 1]] as const);
const agreementStatuses = weighted([['draft', 3], ['sent', 3], ['signed_by_customer', 2], ['signed_by_both', 9], ['expired', 2], ['terminated', 1]] as const);
const invoiceStatuses = weighted([['draft', 1], ['issued', 8], ['partly_paid', 2], ['paid', 8], ['cancelled', 1]] as const);
const currencies = weighted([['EUR', 17], ['USD', 2], ['PEN', 1]] as const);

const day = (from: number, random: () => number, spanDays: number) => new Date(from + Math.floor(random() * spanDays) * 86_400_000).toISOString();

async function inBatches<T extends object>(db: Db, rows: number, make: (index: number) => T, write: (trx: Db, chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows; start += batch) {
    const made = Array.from({ length: Math.min(batch, rows - start) }, (_, k) => make(start + k));
    await db.transaction().execute((trx) => inChunks(made, (chunk) => write(trx, chunk)));
  }
}

async function projects(db: Db, organizations: Organization[], count: number, random: () => number): Promise<Array<{ id: string; organization: Organization }>> {
  const pick = picker(random);
  const made: Array<{ id: string; organization: Organization }> = [];
  await inBatches(db, count, (i): Insertable<ProjectsTable> => {
    // Spread over the organizations, a few with several (a start project and later ones).
    const organization = organizations[(i * 7919) % organizations.length] ?? organizations[0];
    if (!organization) throw new Error('no organizations');
    const id = newId();
    made.push({ id, organization });
    const at = day(Date.parse('2024-01-01T00:00:00Z'), random, 1000);
    const name = `Proyecto ${i + 1}`;
    return {
      id, organization_id: organization.id, name, name_norm: normalizeText(name), status: pick(projectStatuses), start_on: at.slice(0, 10), end_on: null,
      description: null, budget_amount: random() < 0.5 ? 100 * Math.floor(1000 + random() * 100_000) : null, budget_currency: 'EUR',
      created_at: at, updated_at: at, created_by: organization.owner, updated_by: organization.owner, version: 1,
    };
  }, async (trx, chunk) => {
    await trx.insertInto('projects').values(chunk).execute();
    await writeRecordTerms(trx, 'project', chunk.map((row) => row.id));
    await trx.insertInto('project_responsibles').values(chunk.map((row) => ({ project_id: row.id, user_id: row.created_by ?? '', created_at: row.created_at }))).execute();
  });
  return made;
}

/** Tasks: three in four on a project, the others on the organization alone; 40% still open, a tenth private. */
async function tasks(db: Db, organizations: Organization[], projectRows: Array<{ id: string; organization: Organization }>, count: number, random: () => number): Promise<void> {
  await inBatches(db, count, (i): ActivityRow => {
    const project = projectRows.length > 0 && i % 4 !== 3 ? projectRows[i % projectRows.length] : undefined;
    const organization = project?.organization ?? organizations[(i * 104_729) % organizations.length] ?? organizations[0];
    if (!organization) throw new Error('no organizations');
    const at = day(Date.parse('2025-01-01T00:00:00Z'), random, 900);
    const roll = random();
    return {
      id: newId(), account_id: organization.id, request_id: null, type: 'task', status: roll < 0.4 ? 'scheduled' : roll < 0.95 ? 'done' : 'cancelled',
      subject: `Tarea ${i + 1}`, start_at: at, end_at: null, due_at: at, responsible_id: organization.owner, opportunity_id: null, project_id: project?.id ?? null,
      result: null, notes: null, is_private: random() < 0.1, remind_at: null, reminded_at: null, done_at: null, created_at: at, updated_at: at,
      created_by: organization.owner, updated_by: organization.owner, version: 1,
    };
  }, (trx, chunk) => trx.insertInto('activities').values(chunk).execute());
}

async function agreements(db: Db, organizations: Organization[], count: number, random: () => number): Promise<void> {
  const pick = picker(random);
  await inBatches(db, count, (i): Insertable<AgreementsTable> => {
    const organization = organizations[(i * 15_485_863) % organizations.length] ?? organizations[0];
    if (!organization) throw new Error('no organizations');
    const at = day(Date.parse('2024-06-01T00:00:00Z'), random, 900);
    const status = pick(agreementStatuses);
    const title = `Acuerdo de cooperación ${i + 1}`;
    return {
      id: newId(), organization_id: organization.id, project_id: null, title, title_norm: normalizeText(title), type: 'general_cooperation', reference: null,
      language: 'es', status, start_on: at.slice(0, 10), end_on: null, value_amount: null, value_currency: null, owner_id: organization.owner,
      document_id: null, template_id: null, document_text: null, renewal_remind_on: null, reminder_activity_id: null, token_hash: null,
      sent_at: status === 'draft' ? null : at, customer_signed_on: null, customer_signed_name: null, customer_signed_at: null, customer_signed_ip: null,
      company_signed_on: null, company_signed_by: null, closed_on: null, created_at: at, updated_at: at, created_by: organization.owner,
      updated_by: organization.owner, version: 1,
    };
  }, async (trx, chunk) => {
    await trx.insertInto('agreements').values(chunk).execute();
    await writeRecordTerms(trx, 'agreement', chunk.flatMap((row) => row.id ?? []));
  });
}

/** Invoices over the last two years and this one (a third of them this year), mostly in euros. */
async function invoices(db: Db, organizations: Organization[], count: number, random: () => number): Promise<void> {
  const pick = picker(random);
  const year = new Date().getUTCFullYear();
  const from = Date.UTC(year - 2, 0, 1);
  const span = Math.max(1, Math.floor((Date.now() - from) / 86_400_000));
  await inBatches(db, count, (i): Insertable<InvoicesTable> => {
    const organization = organizations[(i * 32_452_843) % organizations.length] ?? organizations[0];
    if (!organization) throw new Error('no organizations');
    const issued = day(from, random, span);
    const status = pick(invoiceStatuses);
    const net = 100 * Math.floor(100 + random() * 20_000);
    const tax = Math.round(net * 0.21);
    const number = `FB-${String(i + 1).padStart(8, '0')}`;
    return {
      id: newId(), number, number_norm: number.toLowerCase(), organization_id: organization.id, quote_id: null, status, issue_date: issued.slice(0, 10),
      due_date: new Date(Date.parse(issued) + 30 * 86_400_000).toISOString().slice(0, 10), currency: pick(currencies), net_total: net, tax_total: tax,
      total: net + tax, paid_amount: status === 'paid' ? net + tax : status === 'partly_paid' ? Math.floor((net + tax) / 2) : 0, delivery: null,
      delivery_email: null, language: 'es', notes: null, created_at: issued, updated_at: issued, created_by: organization.owner, updated_by: organization.owner, version: 1,
    };
  }, async (trx, chunk) => {
    await trx.insertInto('invoices').values(chunk).execute();
    await writeRecordTerms(trx, 'invoice', chunk.flatMap((row) => row.id ?? []));
  });
}

/** The parts the dataset already holds. */
export async function countersPresent(db: Db): Promise<CounterPart[]> {
  const holds = async (query: Promise<unknown>) => (await query) !== undefined;
  const one = sql<number>`1`.as('one');
  const present: CounterPart[] = [];
  if (await holds(db.selectFrom('projects').select(one).limit(1).executeTakeFirst())) present.push('projects');
  if (await holds(db.selectFrom('activities').select(one).where('type', '=', 'task').where('project_id', 'is not', null).limit(1).executeTakeFirst())) present.push('tasks');
  if (await holds(db.selectFrom('agreements').select(one).limit(1).executeTakeFirst())) present.push('agreements');
  if (await holds(db.selectFrom('invoices').select(one).limit(1).executeTakeFirst())) present.push('invoices');
  return present;
}

/**
 * Adds to a generated dataset the counted records it lacks, in proportion to its size (the
 * figures of counterSizes at a million accounts), on its organizations and by their owners.
 */
export async function generateCounters(handle: DatabaseHandle, size: number, log: (line: string) => void, parts: readonly CounterPart[] = counterParts): Promise<void> {
  const { db } = handle;
  const started = Date.now();
  const present = new Set(await countersPresent(db));
  const wanted = parts.filter((part) => !present.has(part));
  if (wanted.length === 0) return;
  const share = (count: number) => Math.max(1, Math.round((count * size) / 1_000_000));
  const random = rng(22);
  const organizations = (await db.selectFrom('accounts').innerJoin('account_owners', 'account_owners.account_id', 'accounts.id')
    .select(['accounts.id', 'account_owners.user_id as owner']).where('accounts.kind', '=', 'organization').orderBy('accounts.id').execute())
    .filter((row, index, rows) => rows[index - 1]?.id !== row.id);
  const indexes = await secondaryIndexes(handle, tables);
  await dropIndexes(handle, indexes);
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
  let projectRows = wanted.includes('projects') ? await projects(db, organizations, share(counterSizes.projects), random) : [];
  if (projectRows.length > 0) log(`  ${projectRows.length.toLocaleString('en')} projects (${elapsed()})`);
  if (wanted.includes('tasks')) {
    if (projectRows.length === 0) {
      const byId = new Map(organizations.map((organization) => [organization.id, organization]));
      projectRows = (await db.selectFrom('projects').select(['id', 'organization_id']).orderBy('id').execute())
        .flatMap((row) => { const organization = byId.get(row.organization_id); return organization ? [{ id: row.id, organization }] : []; });
    }
    await tasks(db, organizations, projectRows, share(counterSizes.tasks), random);
    log(`  ${share(counterSizes.tasks).toLocaleString('en')} tasks (${elapsed()})`);
  }
  if (wanted.includes('agreements')) {
    await agreements(db, organizations, share(counterSizes.agreements), random);
    log(`  ${share(counterSizes.agreements).toLocaleString('en')} agreements (${elapsed()})`);
  }
  if (wanted.includes('invoices')) {
    await invoices(db, organizations, share(counterSizes.invoices), random);
    log(`  ${share(counterSizes.invoices).toLocaleString('en')} invoices (${elapsed()})`);
  }
  const indexStart = Date.now();
  await createIndexes(handle, indexes);
  log(`  indexes rebuilt in ${((Date.now() - indexStart) / 1000).toFixed(1)} s; counted records built in ${elapsed()}`);
}

// `tsx bench/generate-counters.ts --size=1000000 --dialect=sqlite [--parts=invoices]` completes a dataset generate.ts built.
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' }, dialect: { type: 'string', default: 'sqlite' }, parts: { type: 'string', default: counterParts.join(',') } } });
  const size = Number(values.size);
  const handle = await openBench(values.dialect === 'postgres' ? 'postgres' : 'sqlite', `data-${size}`, false);
  await generateCounters(handle, size, console.log, counterParts.filter((part) => values.parts.split(',').includes(part)));
  await handle.close();
}
