import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Global search over accounts: a full-text index of each live account's name (its accent-free
// twin name_norm), e-mails and tax id (tax_id_norm, and country + tax_id_norm for the VAT form).
// The database keeps it current by itself, so no write path (single writes, discard/restore,
// purge, the bulk inserts of imports and the data generator, bulk actions, raw SQL) can forget it.
//
// Both dialects tokenise the same way: every run of letters or digits is a token, everything else
// (the JSON quotes of `emails`, "@", ".", "-") separates tokens. So "p12345@gmail.example" is
// found by "p1234" and by "gmail", "B-10012345" is "b" "10012345" or, as the app also asks, the
// compact "b10012345". Names are indexed through name_norm, which the app already folds to lower
// case without accents, so "angela" finds "Ángela" on PostgreSQL without the unaccent extension.
//
// SQLite: an FTS5 table can only be keyed by an integer rowid, and accounts has a text primary
// key, so its implicit rowid is not stable (VACUUM may renumber it) and cannot be the key.
// account_fts_keys gives every account a permanent integer (INTEGER PRIMARY KEY AUTOINCREMENT
// survives VACUUM and is never reused, so an old index entry can never point at another account)
// and the FTS5 table uses it as its rowid. The FTS5 table is contentless with contentless_delete:
// it stores only the index (the text is in accounts already) and still deletes by rowid, so the
// triggers need no copy of the old text. Discarded accounts are taken out of the index and put
// back on restore; the key row stays for the account's whole life.
// Prefix indexes for 2 to 8 characters: for a prefix without one, FTS5 merges the posting lists of
// every token starting with it before it returns a single row, so the cost grows with how common
// the word is (at 1M accounts: "garcia" 3 ms, "example", in every e-mail, 114 ms); with one, it
// reads the prefix's own list lazily and stops at the LIMIT (under 0.1 ms). They double the index
// (90 to 190 MB at 1M accounts); longer words are rare enough that merging them is cheap.
//
// PostgreSQL: a GIN index on an expression, the immutable function account_search_document(),
// partial on live accounts. An expression index (not a stored column) keeps `select *` on accounts
// as lean as before, and the function is the one definition the queries call, so they always
// match the index. A GIN index only answers with a bitmap of every match, so its cost grows with
// how common a word is (at 1M accounts "garcia", 40,000 matches, 35 ms; "ma" 110 ms). For the
// query typed most (one word, as you type) account_words holds the same words in a B-tree, read
// in order and only as far as the LIMIT; words of several-word queries are intersected by GIN.
// Kept by triggers: statement-level ones for inserts and deletes (one statement per multi-row
// insert of an import or the generator, or per undo), a row-level one for the updates that change
// an indexed value. The price is size and write time: at 1M accounts 6.8M rows, 1.7 GB.
// pg_trgm (fuzzy matching) is not used: prefix search needs only these indexes, and CREATE
// EXTENSION needs privileges a hosted database may not grant.

export async function up(db: Kysely<any>): Promise<void> {
  await dialectOf(db).up(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await dialectOf(db).down(db);
}

type Steps = { up: (db: Kysely<any>) => Promise<void>; down: (db: Kysely<any>) => Promise<void> };

const dialectOf = (db: Kysely<any>): Steps => (db.getExecutor().adapter instanceof PostgresAdapter ? postgres : sqlite);

// The third FTS5 column: the tax id as stored and in its VAT form (country prefix), as the list filter's terms.
const taxIds = (row: 'new' | 'a') => sql.raw(`coalesce(${row}.tax_id_norm, '') || ' ' || coalesce(${row}.country || ${row}.tax_id_norm, '')`);

const sqlite: Steps = {
  async up(db) {
    await sql`create table account_fts_keys (
      seq integer primary key autoincrement,
      account_id text not null unique
    )`.execute(db);
    await sql`create virtual table account_fts using fts5(
      name, emails, tax_ids,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8'
    )`.execute(db);

    await sql`create trigger account_fts_insert after insert on accounts begin
      insert into account_fts_keys (account_id) values (new.id);
      insert into account_fts (rowid, name, emails, tax_ids)
        select k.seq, new.name_norm, new.emails, ${taxIds('new')} from account_fts_keys k
        where k.account_id = new.id and new.discarded_at is null;
    end`.execute(db);
    // Only when an indexed value (or liveness) really changes: most updates touch other columns.
    await sql`create trigger account_fts_update after update of name_norm, emails, tax_id_norm, country, discarded_at on accounts
    when old.name_norm is not new.name_norm or old.emails is not new.emails or old.tax_id_norm is not new.tax_id_norm
      or old.country is not new.country or (old.discarded_at is null) <> (new.discarded_at is null)
    begin
      delete from account_fts where old.discarded_at is null
        and rowid = (select k.seq from account_fts_keys k where k.account_id = old.id);
      insert into account_fts (rowid, name, emails, tax_ids)
        select k.seq, new.name_norm, new.emails, ${taxIds('new')} from account_fts_keys k
        where k.account_id = new.id and new.discarded_at is null;
    end`.execute(db);
    await sql`create trigger account_fts_delete after delete on accounts begin
      delete from account_fts where old.discarded_at is null
        and rowid = (select k.seq from account_fts_keys k where k.account_id = old.id);
      delete from account_fts_keys where account_id = old.id;
    end`.execute(db);

    // Accounts that exist already, keyed in id order (UUIDv7: creation order).
    await sql`insert into account_fts_keys (account_id) select id from accounts order by id`.execute(db);
    await sql`insert into account_fts (rowid, name, emails, tax_ids)
      select k.seq, a.name_norm, a.emails, ${taxIds('a')} from account_fts_keys k
      join accounts a on a.id = k.account_id where a.discarded_at is null`.execute(db);
    await sql`insert into account_fts (account_fts) values ('optimize')`.execute(db);
  },
  async down(db) {
    for (const trigger of ['account_fts_insert', 'account_fts_update', 'account_fts_delete']) {
      await sql`drop trigger if exists ${sql.ref(trigger)}`.execute(db);
    }
    await sql`drop table if exists account_fts`.execute(db);
    await sql`drop table if exists account_fts_keys`.execute(db);
  },
};

const postgres: Steps = {
  async up(db) {
    // Declared immutable (and it is: to_tsvector with an explicit configuration, regexp_replace)
    // so it may be indexed. Punctuation becomes spaces so e-mails and hosts split into words as on
    // SQLite instead of staying one "email" token. PL/pgSQL because PostgreSQL never inlines it, so
    // the declared cost counts (a SET search_path would do the same but costs ~40% more per call).
    // COST 10000: the planner has no statistics for prefixes, guesses that 2% of rows match, and
    // with a LIMIT would rather scan the table computing this function for every row until enough
    // match; for a rare prefix that is every row (30 s at 1M accounts). Costed this high, it
    // always reads an index instead.
    await sql`create function account_search_document(name_norm text, emails text, tax_id_norm text, country text)
      returns tsvector language plpgsql immutable parallel safe cost 10000
      as $$ begin
        return pg_catalog.to_tsvector('pg_catalog.simple'::pg_catalog.regconfig, pg_catalog.regexp_replace(
          name_norm || ' ' || emails || ' ' || coalesce(tax_id_norm, '') || ' ' || coalesce(country || tax_id_norm, ''),
          '[[:punct:][:space:]]+', ' ', 'g'));
      end $$`.execute(db);
    await sql`create index accounts_search_idx on accounts
      using gin (account_search_document(name_norm, emails, tax_id_norm, country))
      where discarded_at is null`.execute(db);

    // No foreign key: it would cost a lookup of the account per word written; the delete trigger
    // removes an account's words instead. Filled before its indexes exist, which is faster.
    await sql`create table account_words (word text collate "C" not null, account_id text not null)`.execute(db);
    await sql`insert into account_words (word, account_id)
      select word, a.id from accounts a
      cross join unnest(tsvector_to_array(account_search_document(a.name_norm, a.emails, a.tax_id_norm, a.country))) as word
      where a.discarded_at is null`.execute(db);
    await sql`alter table account_words add constraint account_words_pk primary key (word, account_id)`.execute(db);
    await sql`create index account_words_account_idx on account_words (account_id, word)`.execute(db);

    await sql`create function account_words_insert() returns trigger language plpgsql as $$ begin
        insert into account_words (word, account_id)
          select word, n.id from new_rows n
          cross join unnest(tsvector_to_array(account_search_document(n.name_norm, n.emails, n.tax_id_norm, n.country))) as word
          where n.discarded_at is null;
        return null;
      end $$`.execute(db);
    await sql`create trigger account_words_insert after insert on accounts
      referencing new table as new_rows for each statement execute function account_words_insert()`.execute(db);
    await sql`create function account_words_update() returns trigger language plpgsql as $$ begin
        delete from account_words where account_id = old.id;
        if new.discarded_at is null then
          insert into account_words (word, account_id)
            select word, new.id
            from unnest(tsvector_to_array(account_search_document(new.name_norm, new.emails, new.tax_id_norm, new.country))) as word;
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger account_words_update after update of name_norm, emails, tax_id_norm, country, discarded_at on accounts
      for each row when (old.name_norm is distinct from new.name_norm or old.emails is distinct from new.emails
        or old.tax_id_norm is distinct from new.tax_id_norm or old.country is distinct from new.country
        or (old.discarded_at is null) <> (new.discarded_at is null))
      execute function account_words_update()`.execute(db);
    await sql`create function account_words_delete() returns trigger language plpgsql as $$ begin
        delete from account_words w using old_rows o where w.account_id = o.id;
        return null;
      end $$`.execute(db);
    await sql`create trigger account_words_delete after delete on accounts
      referencing old table as old_rows for each statement execute function account_words_delete()`.execute(db);
  },
  async down(db) {
    for (const trigger of ['account_words_insert', 'account_words_update', 'account_words_delete']) {
      await sql`drop trigger if exists ${sql.ref(trigger)} on accounts`.execute(db);
      await sql`drop function if exists ${sql.ref(trigger)}()`.execute(db);
    }
    await sql`drop table if exists account_words`.execute(db);
    await sql`drop index if exists accounts_search_idx`.execute(db);
    await sql`drop function if exists account_search_document(text, text, text, text)`.execute(db);
  },
};
