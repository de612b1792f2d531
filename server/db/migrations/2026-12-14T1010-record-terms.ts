import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// The projects, invoices and agreements lists searched with `like '%…%'` over the record's own
// text and its company's name: every row of the table read for each search (an admin's invoice
// search took 600-865 ms at 20,000 invoices under load). record_terms holds each record's own
// search terms by kind (a project's name, an invoice's number, an agreement's title and
// reference), so a search word is a range of an index, as the accounts list's account_terms are;
// the company's words are its account_terms, which stay current when it is renamed or merged.
// The repositories that write those records keep the terms; a trigger forgets a deleted record's
// (an organization's purge cascades to its records). Existing records get theirs here, computed
// as the app computes them (record-terms.repo.ts: the words folded, and the parts of a word
// like "FAC-2026-0012").

const kinds = [
  { kind: 'project', table: 'projects', texts: ['name'] },
  { kind: 'invoice', table: 'invoices', texts: ['number'] },
  { kind: 'agreement', table: 'agreements', texts: ['title', 'reference'] },
] as const;

const words = (text: string): string[] => text.normalize('NFKD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
  .split(/[^\p{L}\p{N}@.+_-]+/u).filter((word) => word.length > 0);
const compact = (word: string): string => word.replace(/[^\p{L}\p{N}]/gu, '');

function termsOf(texts: Array<string | null>): string[] {
  const terms = new Set<string>();
  for (const word of texts.flatMap((text) => words(text ?? ''))) {
    terms.add(word);
    terms.add(compact(word));
    for (const piece of [...word.matchAll(/[\p{L}\p{N}]+/gu)].slice(1)) {
      const tail = word.slice(piece.index);
      terms.add(tail);
      terms.add(compact(tail));
    }
  }
  return [...terms].filter((term) => term.length > 0 && term.length <= 200);
}

const batch = 2_000;

async function backfill(db: Kysely<any>): Promise<void> {
  for (const { kind, table, texts } of kinds) {
    let after = '';
    for (;;) {
      const rows: Array<Record<string, string | null>> = await db.selectFrom(table).select(['id', ...texts]).where('id', '>', after).orderBy('id').limit(batch).execute();
      if (rows.length === 0) break;
      const terms = rows.flatMap((row) => termsOf(texts.map((column) => row[column] ?? null)).map((term) => ({ kind, term, record_id: row.id })));
      // 3 parameters a row: well under either database's limit per statement.
      for (let i = 0; i < terms.length; i += 5_000) await db.insertInto('record_terms').values(terms.slice(i, i + 5_000)).execute();
      after = String(rows[rows.length - 1]?.id);
    }
  }
}

async function triggers(db: Kysely<any>, pg: boolean): Promise<void> {
  if (pg) {
    await sql.raw(`create function record_terms_forget() returns trigger language plpgsql as $$
      begin delete from record_terms where kind = tg_argv[0] and record_id = old.id; return null; end $$`).execute(db);
  }
  for (const { kind, table } of kinds) {
    await sql.raw(pg
      ? `create trigger ${table}_record_terms_forget after delete on ${table} for each row execute function record_terms_forget('${kind}')`
      : `create trigger ${table}_record_terms_forget after delete on ${table} begin delete from record_terms where kind = '${kind}' and record_id = old.id; end`).execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('record_terms')
    .addColumn('kind', 'text', (c) => c.notNull())
    // Byte order on PostgreSQL, as account_terms: a word prefix is the range [word, word + U+10FFFF).
    .addColumn('term', pg ? sql`text collate "C"` : sql`text`, (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_terms_pk', ['kind', 'term', 'record_id'])
    .execute();
  await db.schema.createIndex('record_terms_record_idx').on('record_terms').columns(['record_id', 'kind']).execute();
  await backfill(db);
  await triggers(db, pg);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const { table } of kinds) await sql.raw(`drop trigger if exists ${table}_record_terms_forget${pg ? ` on ${table}` : ''}`).execute(db);
  if (pg) await sql.raw('drop function if exists record_terms_forget()').execute(db);
  await db.schema.dropTable('record_terms').ifExists().execute();
}
