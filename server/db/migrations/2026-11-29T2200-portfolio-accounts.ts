import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// An agent's list (5,000 of 1,000,000 accounts) either walked the accounts' sort index checking
// ownership on each account (about 200 others per account of theirs) or read all 5,000 accounts
// and sorted them: 16-30 ms on SQLite, 23-49 ms on PostgreSQL, and a team's 50,000 up to 0.6 s.
// `portfolio_accounts` holds one row per live account in each portfolio, the owner's and the
// owner's team's (`holder_id`), with the columns a list filters and sorts on copied from the
// account, so a portfolio is read in page order from its own indexes and counted without reading
// an account. Discarded accounts leave it (and come back when restored): no list shows them, and
// checking each row for it cost a tenth of a team's walk.
// Its rows carry the account's tags too (`tag_ids`, ' id1 id2 '), so a tag filter, the most common
// segment, is checked on the row rather than probed in account_tags for each account walked
// (an agent's Newsletter list: 5,000 probes, 7 ms on SQLite and 25-35 ms on PostgreSQL).
// Triggers keep it in step inside the same transaction as the write that changes it: owners added
// or removed, a user moving team, an account's listed columns or tags changing. It is derived
// data: the owners and tags tables stay the record of who owns what and what is tagged how.

/**
 * Columns copied from accounts: every column filter and sort key of the accounts list. Those a
 * count checks come first (with tag_ids): SQLite reads a row's columns in order.
 */
const copied = ['kind', 'stage', 'city_norm', 'country', 'industry_norm', 'source', 'team_id', 'parent_id', 'name_norm', 'created_at', 'updated_at'];
const list = (prefix: string) => copied.map((column) => `${prefix}${column}`).join(', ');
const columns = `holder_id, id, ${list('')}, tag_ids`;

/** The owner rows of the accounts whose ids `accounts` selects. */
const ownersOf = (accounts: string) => `(select account_id, user_id from account_owners where account_id in (${accounts}))`;

/** The tags of account `account` as a portfolio row holds them: ' id1 id2 ', or '' for none. */
const tagsOf = (pg: boolean, account: string) =>
  `coalesce((select ' ' || ${pg ? "string_agg(t.tag_id, ' ')" : "group_concat(t.tag_id, ' ')"} || ' ' from account_tags t where t.account_id = ${account}), '')`;

/** The owner's row and the owner's team's row for owner rows `o` (a table, alias or transition table). */
const holdingsOf = (pg: boolean, owners: string) => [
  `select o.user_id, a.id, ${list('a.')}, ${tagsOf(pg, 'a.id')} from ${owners} o join accounts a on a.id = o.account_id where a.discarded_at is null`,
  `select u.team_id, a.id, ${list('a.')}, ${tagsOf(pg, 'a.id')} from ${owners} o join users u on u.id = o.user_id join accounts a on a.id = o.account_id
    where a.discarded_at is null and u.team_id is not null`,
];

/**
 * Rows of teams `teams` (ids) for accounts `accounts` (ids) that no owner in that team holds any
 * more. (A team being deleted is already gone when its users' team is set to null.)
 */
const orphanedTeamRows = (accounts: string, teams = 'select id from teams') => `delete from portfolio_accounts
  where id in (${accounts}) and holder_id in (${teams})
    and not exists (select 1 from account_owners o join users u on u.id = o.user_id where o.account_id = portfolio_accounts.id and u.team_id = portfolio_accounts.holder_id)`;

const copyFrom = (row: string) => copied.map((column) => `${column} = ${row}.${column}`).join(', ');

async function createTable(db: Kysely<any>, pg: boolean): Promise<void> {
  const ts = pg ? 'timestamptz' : 'text';
  const norm = pg ? 'text collate "C"' : 'text';
  // SQLite keeps the rows in primary-key order (without rowid), so a portfolio is one stretch of
  // the table; PostgreSQL's primary key carries the filter columns, for counts from the index alone.
  const key = pg
    ? 'primary key (holder_id, id) include (kind, stage, tag_ids, city_norm, country, industry_norm, source, team_id, parent_id)'
    : 'primary key (holder_id, id)';
  await sql.raw(`create table portfolio_accounts (
    holder_id text not null,
    id text not null references accounts (id) on delete cascade,
    kind text not null, stage ${norm} not null, tag_ids text not null,
    city_norm ${norm}, country ${norm}, industry_norm ${norm}, source text, team_id text, parent_id text,
    name_norm ${norm} not null, created_at ${ts} not null, updated_at ${ts} not null,
    ${key}
  )${pg ? '' : ' without rowid'}`).execute(db);
  const indexes: Array<[string, string[]]> = [
    ['portfolio_accounts_account_idx', ['id']],
    ['portfolio_accounts_name_idx', ['holder_id', 'name_norm', 'id']],
    ['portfolio_accounts_created_idx', ['holder_id', 'created_at', 'id']],
    ['portfolio_accounts_updated_idx', ['holder_id', 'updated_at', 'id']],
    ['portfolio_accounts_stage_idx', ['holder_id', 'stage', 'name_norm', 'id']],
  ];
  for (const [name, on] of indexes) await db.schema.createIndex(name).on('portfolio_accounts').columns(on).execute();
}

async function sqliteTriggers(db: Kysely<any>): Promise<void> {
  const [own, team] = holdingsOf(false, '(select new.account_id as account_id, new.user_id as user_id)');
  await sql.raw(`create trigger portfolio_owners_added after insert on account_owners begin
    insert into portfolio_accounts (${columns}) ${own} on conflict do nothing;
    insert into portfolio_accounts (${columns}) ${team} on conflict do nothing;
  end`).execute(db);
  await sql.raw(`create trigger portfolio_owners_removed after delete on account_owners begin
    delete from portfolio_accounts where holder_id = old.user_id and id = old.account_id;
    ${orphanedTeamRows('old.account_id')};
  end`).execute(db);
  for (const [event, row] of [['insert', 'new'], ['delete', 'old']]) {
    await sql.raw(`create trigger portfolio_tags_${event === 'insert' ? 'added' : 'removed'} after ${event} on account_tags begin
      update portfolio_accounts set tag_ids = ${tagsOf(false, `${row}.account_id`)} where id = ${row}.account_id;
    end`).execute(db);
  }
  await sql.raw(`create trigger portfolio_team_changed after update of team_id on users when old.team_id is not new.team_id begin
    ${orphanedTeamRows('select account_id from account_owners where user_id = new.id', 'old.team_id')};
    insert into portfolio_accounts (${columns}) select new.team_id, a.id, ${list('a.')}, ${tagsOf(false, 'a.id')}
      from account_owners o join accounts a on a.id = o.account_id where o.user_id = new.id and new.team_id is not null on conflict do nothing;
  end`).execute(db);
  await sql.raw(`create trigger portfolio_account_changed after update of ${copied.join(', ')} on accounts begin
    update portfolio_accounts set ${copyFrom('new')} where id = new.id;
  end`).execute(db);
  await sql.raw(`create trigger portfolio_account_discarded after update of discarded_at on accounts
    when old.discarded_at is null and new.discarded_at is not null begin
    delete from portfolio_accounts where id = new.id;
  end`).execute(db);
  const [ownRestored, teamRestored] = holdingsOf(false, ownersOf('new.id'));
  await sql.raw(`create trigger portfolio_account_restored after update of discarded_at on accounts
    when old.discarded_at is not null and new.discarded_at is null begin
    insert into portfolio_accounts (${columns}) ${ownRestored} on conflict do nothing;
    insert into portfolio_accounts (${columns}) ${teamRestored} on conflict do nothing;
  end`).execute(db);
}

// PostgreSQL runs these once per statement over its transition tables, so an import's multi-row
// insert of 1,000 owners is two inserts here, not 2,000.
async function postgresTriggers(db: Kysely<any>): Promise<void> {
  const [own, team] = holdingsOf(true, 'added');
  const retag = (changed: string) => `update portfolio_accounts p set tag_ids = ${tagsOf(true, 'p.id')} where p.id in (select account_id from ${changed});`;
  const moved = 'old_users b join new_users n on n.id = b.id and b.team_id is distinct from n.team_id';
  const [restoredOwn, restoredTeam] = holdingsOf(true, ownersOf('select n.id from was b join changed n on n.id = b.id where b.discarded_at is not null and n.discarded_at is null'));
  const definitions: Array<{ name: string; on: string; event: string; transition: string; body: string }> = [
    {
      name: 'portfolio_owners_added', on: 'account_owners', event: 'insert', transition: 'new table as added',
      body: `insert into portfolio_accounts (${columns}) ${own} on conflict do nothing;
        insert into portfolio_accounts (${columns}) ${team} on conflict do nothing;`,
    },
    {
      name: 'portfolio_owners_removed', on: 'account_owners', event: 'delete', transition: 'old table as removed',
      body: `delete from portfolio_accounts p using removed r where p.holder_id = r.user_id and p.id = r.account_id;
        ${orphanedTeamRows('select account_id from removed')};`,
    },
    {
      name: 'portfolio_team_changed', on: 'users', event: 'update', transition: 'old table as old_users new table as new_users',
      body: `${orphanedTeamRows(`select o.account_id from account_owners o join ${moved} on n.id = o.user_id`, `select b.team_id from ${moved}`)};
        insert into portfolio_accounts (${columns}) select n.team_id, a.id, ${list('a.')}, ${tagsOf(true, 'a.id')}
          from ${moved} join account_owners o on o.user_id = n.id join accounts a on a.id = o.account_id
          where n.team_id is not null on conflict do nothing;`,
    },
    { name: 'portfolio_tags_added', on: 'account_tags', event: 'insert', transition: 'new table as added', body: retag('added') },
    { name: 'portfolio_tags_removed', on: 'account_tags', event: 'delete', transition: 'old table as removed', body: retag('removed') },
    {
      name: 'portfolio_account_changed', on: 'accounts', event: 'update', transition: 'old table as was new table as changed',
      body: `update portfolio_accounts p set ${copyFrom('n')} from changed n
          where p.id = n.id and (${list('p.')}) is distinct from (${list('n.')});
        delete from portfolio_accounts p using changed n where p.id = n.id and n.discarded_at is not null;
        insert into portfolio_accounts (${columns}) ${restoredOwn} on conflict do nothing;
        insert into portfolio_accounts (${columns}) ${restoredTeam} on conflict do nothing;`,
    },
  ];
  for (const { name, on, event, transition, body } of definitions) {
    await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`).execute(db);
    await sql.raw(`create trigger ${name} after ${event} on ${on} referencing ${transition} for each statement execute function ${name}()`).execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await createTable(db, pg);
  for (const select of holdingsOf(pg, 'account_owners')) {
    await sql.raw(`insert into portfolio_accounts (${columns}) ${select} on conflict do nothing`).execute(db);
  }
  await (pg ? postgresTriggers(db) : sqliteTriggers(db));
}

const triggers = ['portfolio_owners_added', 'portfolio_owners_removed', 'portfolio_tags_added', 'portfolio_tags_removed', 'portfolio_team_changed', 'portfolio_account_changed', 'portfolio_account_discarded', 'portfolio_account_restored'];

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const name of triggers) {
    if (pg) await sql.raw(`drop function if exists ${name}() cascade`).execute(db);
    else await sql.raw(`drop trigger if exists ${name}`).execute(db);
  }
  await db.schema.dropTable('portfolio_accounts').ifExists().execute();
}
