import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// SQLite only. A list searched for several words ("maria lopez") reads the accounts whose terms
// start with every word: the intersection of each word's range of account_terms. SQLite reads
// every range whole into a temporary index (20,000 and 40,000 entries at a million accounts:
// 11.5 ms of a 15 ms budget). An FTS5 index of the same terms intersects compressed posting lists
// instead (2 ms for the same 907 accounts).
//
// One document per account, its terms separated by spaces, keyed by the account's permanent
// number in account_fts_keys (2026-11-23T1200: FTS5 rows need an integer key that VACUUM cannot
// renumber). The `ascii` tokenizer with every ASCII punctuation character as a token character
// splits only at spaces (and control characters, which terms never hold), so each term is exactly
// one token and `"word"*` matches where a term starts with the word, as the terms' ranges do.
// Terms are lower case already; non-ASCII characters are always token characters. Prefix indexes
// as in account_fts: a prefix of 2 to 8 characters reads its own posting list.
//
// Kept by triggers on account_terms, whose rows change only by insert and delete
// (2026-11-30T0200): each rewrites the account's document from its terms (an account has about
// eight, so a full replacement of them rewrites it sixteen times; contentless_delete makes the
// rewrite a tombstone plus an insert). Discarded accounts keep their terms and so their document,
// as the ranges did; the list checks liveness on the account. An account deleted for good loses
// its key row, and the document with it.
//
// PostgreSQL keeps intersecting the ranges: its hash of the two ranges is cheaper, and a GIN
// index on these terms would gather every term a prefix starts (each e-mail is a term of its own).

const punctuation = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).filter((ch) => !/[a-z0-9]/i.test(ch)).join('');
// The option as FTS5 reads it ('…' with quotes doubled), inside the SQL's "…" (doubled again).
const tokenize = `ascii tokenchars '${punctuation.replaceAll("'", "''")}'`.replaceAll('"', '""');

const documentOf = (account: string) =>
  `select k.seq, group_concat(t.term, ' ') from account_fts_keys k join account_terms t on t.account_id = k.account_id where k.account_id = ${account} group by k.seq`;

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql.raw(`create virtual table account_terms_fts using fts5(
    terms, content = '', contentless_delete = 1, tokenize = "${tokenize}", prefix = '2 3 4 5 6 7 8'
  )`).execute(db);
  await sql.raw(`insert into account_terms_fts (rowid, terms)
    select k.seq, group_concat(t.term, ' ') from account_fts_keys k join account_terms t on t.account_id = k.account_id group by k.seq`).execute(db);
  await sql.raw("insert into account_terms_fts (account_terms_fts) values ('optimize')").execute(db);
  await sql.raw(`create trigger account_terms_fts_added after insert on account_terms begin
    insert or replace into account_terms_fts (rowid, terms) ${documentOf('new.account_id')};
  end`).execute(db);
  await sql.raw(`create trigger account_terms_fts_removed after delete on account_terms begin
    delete from account_terms_fts where rowid = (select k.seq from account_fts_keys k where k.account_id = old.account_id);
    insert into account_terms_fts (rowid, terms) ${documentOf('old.account_id')};
  end`).execute(db);
  await sql.raw(`create trigger account_terms_fts_forgotten after delete on account_fts_keys begin
    delete from account_terms_fts where rowid = old.seq;
  end`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const name of ['account_terms_fts_added', 'account_terms_fts_removed', 'account_terms_fts_forgotten']) {
    await sql.raw(`drop trigger if exists ${name}`).execute(db);
  }
  await sql.raw('drop table if exists account_terms_fts').execute(db);
}
