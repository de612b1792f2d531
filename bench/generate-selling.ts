import { generateNKeysBetween } from 'fractional-indexing';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { DatabaseHandle } from '@server/db/connect';
import type { NewCampaignMember } from '@server/db/campaign-tables';
import type { ActivityRow, Db, NewOpportunity } from '@server/db/database';
import type { QuoteLinesTable, QuotesTable } from '@server/db/sales-tables';
import { inChunks } from '@server/lib/chunks';
import { newId } from '@server/lib/ids';
import { normalizeText } from '@server/lib/normalize';
import { quoteMoney, type TotalsLine } from '@server/modules/quotes/quote-totals';
import { openBench } from './open';
import { createIndexes, dropIndexes, picker, rng, secondaryIndexes } from './dataset';

/** The selling records the bench measures, on top of generate.ts's accounts (issues 19 and 21). */
export const sellingSizes = { opportunities: 100_000, campaigns: 200, largestCampaign: 50_000, quotes: 200_000, linesPerQuote: 10, longQuoteLines: 200 };

// Activities keep their indexes: the few linked ones added cost less than rebuilding two million rows' indexes.
const tables = ['opportunities', 'campaign_members', 'quotes', 'quote_lines'];
const stages = [['qualification', 10, 'open'], ['needs_analysis', 20, 'open'], ['proposal', 50, 'open'], ['negotiation', 80, 'open'], ['won', 100, 'won'], ['lost', 0, 'lost']] as const;
const stageWeights = [0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5];
const memberStatuses = ['to_contact', 'to_contact', 'to_contact', 'contacted', 'contacted', 'interested', 'not_interested', 'converted'];
const lostReasons = ['price', 'competitor', 'no_budget', 'no_decision', 'timing'];
const currencies = ['EUR', 'EUR', 'EUR', 'EUR', 'USD', 'PEN'];
const quoteStatuses = ['draft', 'draft', 'sent', 'sent', 'sent', 'sent', 'accepted', 'accepted', 'declined', 'superseded'] as const;

type Account = { id: string; kind: string; name_norm: string; owner: string };

const day = (base: number, random: () => number, spanDays: number) => new Date(base + Math.floor(random() * spanDays) * 86_400_000).toISOString();

/** A campaign's size: one of 50,000, then falling off, so the 200 hold about a million members between them. */
const campaignSize = (index: number, accounts: number) => Math.min(Math.floor(accounts / 4), Math.max(50, Math.round(sellingSizes.largestCampaign * Math.exp(-index / 20))));

async function opportunities(db: Db, accounts: Account[], random: () => number): Promise<Array<{ id: string; owner: string; organization: string }>> {
  const pick = picker(random);
  const organizations = accounts.filter((account) => account.kind === 'organization');
  const made: Array<{ id: string; owner: string; organization: string }> = [];
  const rows: NewOpportunity[] = [];
  const perStage = new Map<string, number>();
  const chosen = Array.from({ length: Math.min(sellingSizes.opportunities, organizations.length * 3) }, (_, i) => {
    const stage = stages[pick(stageWeights)] ?? stages[0];
    perStage.set(stage[0], (perStage.get(stage[0]) ?? 0) + 1);
    return { organization: organizations[Math.floor((i * organizations.length) / sellingSizes.opportunities) % organizations.length], stage };
  });
  // Each column's cards get rank keys in one go, as a board that was dragged into order would hold.
  const keys = new Map([...perStage].map(([stage, n]) => [stage, generateNKeysBetween(null, null, n)]));
  const created = Date.parse('2025-01-01T00:00:00Z');
  for (const { organization, stage } of chosen) {
    if (!organization) continue;
    const [key, probability, status] = stage;
    const at = day(created, random, 700);
    const id = newId();
    const name = `Oportunidad ${made.length + 1} ${organization.name_norm.split(' ')[0] ?? ''}`;
    rows.push({
      id, organization_id: organization.id, name, name_norm: normalizeText(name), amount: 1000 * Math.floor(1 + random() * 5000), currency: pick(currencies),
      expected_close_on: day(Date.parse('2026-01-01T00:00:00Z'), random, 540).slice(0, 10), probability, source: null, owner_id: organization.owner,
      stage: key, status, position: keys.get(key)?.pop() ?? 'a0', lost_reason: status === 'lost' ? pick(lostReasons) : null, lost_note: null, notes: null,
      closed_at: status === 'open' ? null : day(Date.parse('2025-06-01T00:00:00Z'), random, 550), created_at: at, updated_at: at, created_by: organization.owner,
      updated_by: organization.owner, version: 1, campaign_id: null,
    });
    made.push({ id, owner: organization.owner, organization: organization.id });
  }
  await inChunks(rows, (chunk) => db.insertInto('opportunities').values(chunk).execute());
  return made;
}

async function campaigns(db: Db, accounts: Account[], random: () => number): Promise<Array<{ id: string; members: Account[] }>> {
  const pick = picker(random);
  const made: Array<{ id: string; members: Account[] }> = [];
  for (let c = 0; c < sellingSizes.campaigns; c += 1) {
    const id = newId();
    const starts = day(Date.parse('2024-01-01T00:00:00Z'), random, 1000);
    const name = `Campaña ${c + 1}`;
    await db.insertInto('campaigns').values({
      id, name, name_norm: normalizeText(name), product: 'Servicio', price: 10_000, currency: 'EUR', starts_on: starts.slice(0, 10),
      ends_on: new Date(Date.parse(starts) + 60 * 86_400_000).toISOString().slice(0, 10), status: pick(['planned', 'active', 'finished']), description: null,
      created_at: starts, updated_at: starts, created_by: null, updated_by: null, version: 1,
    }).execute();
    // Members spread over the whole table (every step-th account from a random start): an agent sees their share of each.
    const size = campaignSize(c, accounts.length);
    const step = Math.floor(accounts.length / size);
    const start = Math.floor(random() * accounts.length);
    const members = Array.from({ length: size }, (_, k) => accounts[(start + k * step) % accounts.length]).filter((account): account is Account => account !== undefined);
    const rows: NewCampaignMember[] = members.map((account) => ({
      id: newId(), campaign_id: id, account_id: account.id, account_name_norm: account.name_norm, status: pick(memberStatuses), responsible_id: account.owner,
      note: null, opportunity_id: null, added_at: starts, added_by: null, updated_at: starts, updated_by: null, version: 1,
    }));
    await db.transaction().execute((trx) => inChunks(rows, (chunk) => trx.insertInto('campaign_members').values(chunk).execute()));
    made.push({ id, members });
  }
  return made;
}

function lineOf(random: () => number, position: number): { totals: TotalsLine; row: Omit<QuoteLinesTable, 'quote_id' | 'net' | 'tax'> } {
  const totals: TotalsLine = {
    kind: 'item', quantityMilli: 1000 * (1 + Math.floor(random() * 20)), unitPrice: 500 + Math.floor(random() * 100_000),
    discountBp: random() < 0.3 ? 1000 : null, discountAmount: null, taxBp: random() < 0.5 ? 1800 : 2100,
  };
  return {
    totals,
    row: {
      id: newId(), position, kind: 'item', product_id: null, description: `Servicio de consultoría, partida ${position + 1}`, quantity_milli: totals.quantityMilli,
      unit: 'unit', unit_price: totals.unitPrice, discount_bp: totals.discountBp, discount_amount: null, tax_bp: totals.taxBp,
    },
  };
}

async function quotes(db: Db, accounts: Account[], random: () => number): Promise<void> {
  const pick = picker(random);
  const series = new Map<number, number>();
  const batch = 2000;
  for (let start = 0; start < sellingSizes.quotes; start += batch) {
    const quoteRows: QuotesTable[] = [];
    const lineRows: QuoteLinesTable[] = [];
    for (let q = start; q < Math.min(sellingSizes.quotes, start + batch); q += 1) {
      const account = accounts[Math.floor(random() * accounts.length)];
      if (!account) continue;
      const id = newId();
      const lines = Array.from({ length: q === 0 ? sellingSizes.longQuoteLines : sellingSizes.linesPerQuote }, (_, position) => lineOf(random, position));
      const money = quoteMoney(lines.map((line) => line.totals));
      lines.forEach((line, index) => lineRows.push({ ...line.row, quote_id: id, net: money.lines[index]?.net ?? 0, tax: money.lines[index]?.tax ?? 0 }));
      const issued = day(Date.parse('2025-01-01T00:00:00Z'), random, 705);
      const status = pick(quoteStatuses);
      const year = Number(issued.slice(0, 4));
      const number = status === 'draft' ? null : (series.get(year) ?? 0) + 1;
      if (number !== null) series.set(year, number);
      const currency = pick(currencies);
      quoteRows.push({
        id, account_id: account.id, account_discarded_at: null, opportunity_id: null, contact_id: null, owner_id: account.owner, root_id: id, previous_id: null,
        revision: 1, series_year: number === null ? null : year, series_number: number, number: number === null ? null : `COT-${year}-${String(number).padStart(6, '0')}`,
        status, language: random() < 0.8 ? 'es' : 'en', currency, base_currency: 'EUR', exchange_rate: currency === 'EUR' ? null : '0.92',
        issue_date: issued.slice(0, 10), valid_until: new Date(Date.parse(issued) + 30 * 86_400_000).toISOString().slice(0, 10), payment_terms: '30 días',
        notes: null, terms: null, net_total: money.netTotal, tax_total: money.taxTotal, total: money.total, line_count: lines.length,
        sent_at: status === 'draft' ? null : issued, decided_at: status === 'accepted' || status === 'declined' ? issued : null, decided_name: null, decided_ip: null,
        decline_reason: null, token_hash: null, created_at: issued, updated_at: issued, created_by: account.owner, updated_by: account.owner, version: 1,
      });
    }
    await db.transaction().execute(async (trx) => {
      await inChunks(quoteRows, (chunk) => trx.insertInto('quotes').values(chunk).execute());
      await inChunks(lineRows, (chunk) => trx.insertInto('quote_lines').values(chunk).execute());
    });
  }
  for (const [year, last] of series) {
    await db.insertInto('quote_series').values({ year, last_number: last }).onConflict((conflict) => conflict.column('year').doUpdateSet({ last_number: last })).execute();
  }
}

/** Activities on opportunities (one for every other) and campaign members (one in twenty): what cards and member rows show. */
async function linkedActivities(db: Db, opportunityRows: Array<{ id: string; owner: string; organization: string }>, campaignRows: Array<{ id: string; members: Account[] }>, random: () => number): Promise<number> {
  const pick = picker(random);
  const rows: ActivityRow[] = [];
  const activity = (accountId: string, owner: string, link: { opportunity_id?: string; campaign_id?: string }): ActivityRow => {
    const at = day(Date.parse('2026-01-01T00:00:00Z'), random, 540);
    return {
      id: newId(), account_id: accountId, request_id: null, type: pick(['call', 'email', 'visit']), status: at < '2026-12-07' ? 'done' : 'scheduled', subject: 'Seguimiento',
      start_at: at, end_at: null, due_at: at, responsible_id: owner, opportunity_id: link.opportunity_id ?? null, campaign_id: link.campaign_id ?? null, result: null, notes: null,
      is_private: random() < 0.1, remind_at: null, reminded_at: null, done_at: null, created_at: at, updated_at: at, created_by: owner, updated_by: owner, version: 1,
    };
  };
  opportunityRows.forEach((row, i) => { if (i % 2 === 0) rows.push(activity(row.organization, row.owner, { opportunity_id: row.id })); });
  for (const campaign of campaignRows) campaign.members.forEach((member, i) => { if (i % 20 === 0) rows.push(activity(member.id, member.owner, { campaign_id: campaign.id })); });
  for (let start = 0; start < rows.length; start += 20_000) {
    const slice = rows.slice(start, start + 20_000);
    await db.transaction().execute((trx) => inChunks(slice, (chunk) => trx.insertInto('activities').values(chunk).execute()));
  }
  return rows.length;
}

/** The selling records in three parts; each can be added on its own (the board needs only opportunities). */
export const sellingParts = ['opportunities', 'campaigns', 'quotes'] as const;
export type SellingPart = (typeof sellingParts)[number];

/**
 * Adds to a generated dataset those of `parts` it does not hold yet: 100,000 opportunities on
 * organizations (owned by the organization's owner), 200 campaigns of 50 to 50,000 members spread
 * over all accounts, 200,000 quotes of 10 lines (the first of 200 lines, for the PDF), and the
 * activities linked to the opportunities and members. Their secondary indexes are dropped for the
 * load and rebuilt after it, as generate.ts does.
 */
export async function generateSelling(handle: DatabaseHandle, log: (line: string) => void, parts: readonly SellingPart[] = sellingParts): Promise<void> {
  const { db } = handle;
  const started = Date.now();
  const random = rng(19);
  const present = new Set(await sellingPresent(db));
  const wanted = new Set(parts.filter((part) => !present.has(part)));
  if (wanted.size === 0) return;
  const accounts = (await db.selectFrom('accounts').innerJoin('account_owners', 'account_owners.account_id', 'accounts.id')
    .select(['accounts.id', 'accounts.kind', 'accounts.name_norm', 'account_owners.user_id as owner']).orderBy('accounts.id').execute())
    .map((row): Account => ({ id: row.id, kind: row.kind, name_norm: row.name_norm ?? '', owner: row.owner }));
  const indexes = await secondaryIndexes(handle, tables);
  await dropIndexes(handle, indexes);
  const opportunityRows = wanted.has('opportunities') ? await opportunities(db, accounts, random) : [];
  log(`  ${opportunityRows.length.toLocaleString('en')} opportunities (${Math.round((Date.now() - started) / 1000)} s)`);
  const campaignRows = wanted.has('campaigns') ? await campaigns(db, accounts, random) : [];
  log(`  ${campaignRows.length} campaigns, ${campaignRows.reduce((n, c) => n + c.members.length, 0).toLocaleString('en')} members (${Math.round((Date.now() - started) / 1000)} s)`);
  if (wanted.has('quotes')) {
    await quotes(db, accounts, random);
    log(`  ${sellingSizes.quotes.toLocaleString('en')} quotes (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  const linked = await linkedActivities(db, opportunityRows, campaignRows, random);
  log(`  ${linked.toLocaleString('en')} linked activities (${Math.round((Date.now() - started) / 1000)} s)`);
  const indexStart = Date.now();
  await createIndexes(handle, indexes);
  log(`  indexes rebuilt in ${((Date.now() - indexStart) / 1000).toFixed(1)} s; selling data built in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** The selling parts the dataset already holds (a dataset built before them is completed by generateSelling). */
export async function sellingPresent(db: Db): Promise<SellingPart[]> {
  const holds = async (table: 'opportunities' | 'campaigns' | 'quotes') =>
    (await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst()) !== undefined;
  const present: SellingPart[] = [];
  for (const part of sellingParts) if (await holds(part)) present.push(part);
  return present;
}

// `tsx bench/generate-selling.ts --size=1000000 --dialect=sqlite [--parts=opportunities]` completes a dataset generate.ts built.
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' }, dialect: { type: 'string', default: 'sqlite' }, parts: { type: 'string', default: sellingParts.join(',') } } });
  const handle = await openBench(values.dialect === 'postgres' ? 'postgres' : 'sqlite', `data-${Number(values.size)}`, false);
  const parts = sellingParts.filter((part) => values.parts.split(',').includes(part));
  await generateSelling(handle, console.log, parts);
  await handle.close();
}
