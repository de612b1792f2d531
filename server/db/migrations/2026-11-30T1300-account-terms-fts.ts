import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// SQLite only. A list's search filter (`q`) matched each word against the account's search terms
// (account_terms) as a range of the term index: a common word leads nowhere (40,000 accounts for
// "garcia" at a million), so an admin's page walked the name index probing the word per account
// and sampled the table for its total, and several words read the intersection of their ranges
// whole ("maria lopez": 60,000 entries, 27 ms), and a team's common word checked every one of
// its 50,000 portfolio rows. account_terms_fts holds one document per live account: its terms,
// whole (the ascii tokenizer with the characters terms keep, @ . + _ - and the ' an e-mail may
// hold, as token characters, so a term is one token and a word matches it as a prefix, as the
// range did), and its holders (the
// portfolio_accounts.holder_id of each owner and each owner's team, as `~` + id: `~` never occurs
// in a term or a query word, so no search matches a holder). FTS5 intersects words, and a word
// with a holder, from posting lists in rowid order, and counts a word's matches without reading
// an account. The rowid is the account's account_fts_keys.seq (see 2026-11-23T1200).
// Prefix indexes for 1 to 8 characters: a prefix without one merges the lists of every term
// starting with it (each e-mail is a term of its own) before the first match, and the list's
// filter matches a word of one letter as a prefix too ("maria l" as it is typed).
//
// Kept by triggers, like the rest of the search index, so no write path can forget it: a
// document is rebuilt (deleted and inserted whole; the table is contentless) when the account is
// inserted, leaves or comes back from the bin, when one of its terms or owners is inserted or
// deleted, and when an owner moves team. Rebuilt that way for each of an import's rows, as its
// account, terms and owner arrive one statement after another, an import ran 2-3 times slower.
// So a writer names the accounts it is about to write in account_terms_fts_pending first: the
// triggers only note that a named account's terms or owners changed, and deleting its row, once
// everything is written, writes its document once, and only if they did (an edit that leaves
// the terms as they were costs the index nothing). A writer that never names its accounts there
// is kept in step row by row, as before; one that names them and does not delete them leaves them
// out of step until it does (the app deletes them in the same transaction, see
// withSearchDocumentsOnce). (Terms written before their accounts with foreign keys deferred did the
// same for the terms, but SQLite then looks for orphans in every table that references accounts
// on each account inserted: quadratic.)
// account_fts_insert and account_fts_delete are replaced by versions that also write and delete
// the document: they create and delete the key, and triggers on one event run in no order SQLite
// documents.

const doc = (account: string) => `coalesce((select group_concat(t.term, ' ') from account_terms t where t.account_id = ${account}), '')
  || ' ' || coalesce((select group_concat('~' || h.holder, ' ') from (
    select o.user_id as holder from account_owners o where o.account_id = ${account}
    union select u.team_id from account_owners o join users u on u.id = o.user_id where o.account_id = ${account} and u.team_id is not null
  ) h), '')`;

/** The documents of the live accounts whose id is `id` (`= new.id`, `in (…)`), or of all live accounts. */
const insertDocs = (id = 'is not null') => `insert into account_terms_fts (rowid, doc)
  select k.seq, ${doc('a.id')} from accounts a join account_fts_keys k on k.account_id = a.id
  where a.id ${id} and a.discarded_at is null`;

/** Whether account `account` is in a batch whose documents are written when it leaves account_terms_fts_pending. */
const pending = (account: string) => `exists (select 1 from account_terms_fts_pending p where p.account_id = ${account})`;

const deleteDocs = (id: string) =>
  `delete from account_terms_fts where rowid in (select k.seq from account_fts_keys k where k.account_id ${id})`;

/** The documents of the accounts whose id is `id`, written afresh. */
const rebuild = (id: string) => `${deleteDocs(id)}; ${insertDocs(id)};`;

// 2026-11-23T1200's definitions, restored by down().
const taxIds = (row: string) => `coalesce(${row}.tax_id_norm, '') || ' ' || coalesce(${row}.country || ${row}.tax_id_norm, '')`;
const ftsInsert = `insert into account_fts_keys (account_id) values (new.id);
  insert into account_fts (rowid, name, emails, tax_ids)
    select k.seq, new.name_norm, new.emails, ${taxIds('new')} from account_fts_keys k
    where k.account_id = new.id and new.discarded_at is null;`;
const ftsDelete = `delete from account_fts where old.discarded_at is null
    and rowid = (select k.seq from account_fts_keys k where k.account_id = old.id);
  delete from account_fts_keys where account_id = old.id;`;

async function keyTriggers(db: Kysely<any>, withDocs: boolean): Promise<void> {
  await sql.raw('drop trigger account_fts_insert').execute(db);
  await sql.raw('drop trigger account_fts_delete').execute(db);
  await sql.raw(`create trigger account_fts_insert after insert on accounts begin
    ${ftsInsert}
    ${withDocs ? `${insertDocs('= new.id')} and not ${pending('new.id')};` : ''}
  end`).execute(db);
  await sql.raw(`create trigger account_fts_delete after delete on accounts begin
    ${withDocs ? `${deleteDocs('= old.id')};` : ''}
    ${ftsDelete}
  end`).execute(db);
}

const rowTriggers = ['terms_added', 'terms_removed', 'owners_added', 'owners_removed'].flatMap((name) => [`account_terms_fts_${name}`, `account_terms_fts_${name}_held`]);
const triggers = ['account_terms_fts_written', 'account_terms_fts_liveness', ...rowTriggers, 'account_terms_fts_team_changed'];

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql.raw(`create virtual table account_terms_fts using fts5(
    doc, content = '', contentless_delete = 1, detail = none,
    tokenize = "ascii tokenchars '@.+_-~'''", prefix = '1 2 3 4 5 6 7 8'
  )`).execute(db);
  await sql.raw('create table account_terms_fts_pending (account_id text primary key, changed integer not null default 0) without rowid').execute(db);
  await sql.raw(`create trigger account_terms_fts_written after delete on account_terms_fts_pending when old.changed
    begin ${rebuild('= old.account_id')} end`).execute(db);
  await keyTriggers(db, true);
  await sql.raw(`create trigger account_terms_fts_liveness after update of discarded_at on accounts
    when (old.discarded_at is null) <> (new.discarded_at is null) begin ${rebuild('= new.id')} end`).execute(db);
  for (const [table, event, row, name] of [
    ['account_terms', 'insert', 'new', 'terms_added'], ['account_terms', 'delete', 'old', 'terms_removed'],
    ['account_owners', 'insert', 'new', 'owners_added'], ['account_owners', 'delete', 'old', 'owners_removed'],
  ] as const) {
    await sql.raw(`create trigger account_terms_fts_${name} after ${event} on ${table} when not ${pending(`${row}.account_id`)}
      begin ${rebuild(`= ${row}.account_id`)} end`).execute(db);
    await sql.raw(`create trigger account_terms_fts_${name}_held after ${event} on ${table} when ${pending(`${row}.account_id`)}
      begin update account_terms_fts_pending set changed = 1 where account_id = ${row}.account_id and changed = 0; end`).execute(db);
  }
  await sql.raw(`create trigger account_terms_fts_team_changed after update of team_id on users when old.team_id is not new.team_id begin
    ${rebuild('in (select o.account_id from account_owners o where o.user_id = new.id)')} end`).execute(db);
  await sql.raw(insertDocs()).execute(db);
  await sql.raw("insert into account_terms_fts (account_terms_fts) values ('optimize')").execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  for (const name of triggers) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  await keyTriggers(db, false);
  await sql.raw('drop table if exists account_terms_fts').execute(db);
  await sql.raw('drop table if exists account_terms_fts_pending').execute(db);
}
