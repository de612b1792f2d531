import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// A list's search filter (`q`) on a portfolio probed account_terms for each row walked: an
// agent's "garcia" probed 5,000 accounts (10.6 ms on SQLite: 2-3.5 µs a probe), and a team's
// exact count read the word's 40,000 accounts and looked each up in the portfolio (45 ms SQLite,
// 100 ms PostgreSQL). Portfolio rows now carry the account's search terms (`words`,
// ' term1 term2 ', as tag_ids carries tags), so a word is checked on the row: a term starts with
// the word where ' ' || word occurs in `words` (terms hold no spaces).
// Kept by triggers: a portfolio row gets its words when it is inserted (an owner added, a team
// joined, an account restored), and an account's rows are refreshed when its terms are inserted
// or deleted (terms change by delete and insert; updating them in place is refused below, as for
// owners and tags in 2026-11-29T2300).

const message = 'rows that portfolios follow are inserted and deleted, never updated';

/** The terms of account `account` as a portfolio row holds them: ' t1 t2 ', or '' for none. */
const wordsOf = (pg: boolean, account: string) =>
  `coalesce((select ' ' || ${pg ? "string_agg(t.term, ' ')" : "group_concat(t.term, ' ')"} || ' ' from account_terms t where t.account_id = ${account}), '')`;

async function sqliteTriggers(db: Kysely<any>): Promise<void> {
  // SQLite cannot set a column of the row being inserted: the new row is completed right after.
  await sql.raw(`create trigger portfolio_words_filled after insert on portfolio_accounts begin
    update portfolio_accounts set words = ${wordsOf(false, 'new.id')} where holder_id = new.holder_id and id = new.id;
  end`).execute(db);
  for (const [event, row] of [['insert', 'new'], ['delete', 'old']] as const) {
    await sql.raw(`create trigger portfolio_terms_${event === 'insert' ? 'added' : 'removed'} after ${event} on account_terms begin
      update portfolio_accounts set words = ${wordsOf(false, `${row}.account_id`)} where id = ${row}.account_id;
    end`).execute(db);
  }
  await sql.raw(`create trigger account_terms_not_updated before update of account_id, term on account_terms begin select raise(abort, '${message}'); end`).execute(db);
}

async function postgresTriggers(db: Kysely<any>): Promise<void> {
  // A row trigger before insert sets the column on the row itself (no second write).
  await sql.raw(`create function portfolio_words_filled() returns trigger language plpgsql as $$ begin
    new.words := ${wordsOf(true, 'new.id')}; return new; end $$`).execute(db);
  await sql.raw('create trigger portfolio_words_filled before insert on portfolio_accounts for each row execute function portfolio_words_filled()').execute(db);
  // `in (…)`, not `= any(array(…))`: measured on the bench's raw import (one connection, so the
  // functions soon run on generic plans), the array form halved its rate (3,100 → 1,600 rows/s).
  for (const [event, transition, changed] of [['insert', 'new table as added', 'added'], ['delete', 'old table as removed', 'removed']] as const) {
    const name = `portfolio_terms_${changed}`;
    await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin
      update portfolio_accounts p set words = ${wordsOf(true, 'p.id')} where p.id in (select distinct account_id from ${changed});
      return null; end $$`).execute(db);
    await sql.raw(`create trigger ${name} after ${event} on account_terms referencing ${transition} for each statement execute function ${name}()`).execute(db);
  }
  // portfolio_source_updated() is 2026-11-29T2300's: it refuses the update.
  await sql.raw('create trigger account_terms_not_updated before update of account_id, term on account_terms for each row execute function portfolio_source_updated()').execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql.raw("alter table portfolio_accounts add column words text not null default ''").execute(db);
  await sql.raw(`update portfolio_accounts set words = ${wordsOf(pg, 'portfolio_accounts.id')}`).execute(db);
  if (pg) {
    await postgresTriggers(db);
    // PostgreSQL reads a portfolio's rows from the heap in no order (a team's 50,000 counted for a
    // word: 124 ms); from this index alone, 20 ms. SQLite's rows lie together already.
    await sql.raw('create index portfolio_accounts_words_idx on portfolio_accounts (holder_id) include (words)').execute(db);
  } else {
    await sqliteTriggers(db);
  }
}

const triggers = ['portfolio_words_filled', 'portfolio_terms_added', 'portfolio_terms_removed'];

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const name of triggers) {
    if (pg) await sql.raw(`drop function if exists ${name}() cascade`).execute(db);
    else await sql.raw(`drop trigger if exists ${name}`).execute(db);
  }
  await sql.raw(pg ? 'drop trigger if exists account_terms_not_updated on account_terms' : 'drop trigger if exists account_terms_not_updated').execute(db);
  await db.schema.dropIndex('portfolio_accounts_words_idx').ifExists().execute();
  await sql.raw('alter table portfolio_accounts drop column words').execute(db);
}
