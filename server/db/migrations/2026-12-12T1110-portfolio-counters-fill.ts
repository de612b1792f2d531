import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// A new portfolio row (an owner added, an account imported or restored) takes its account's
// counters (2026-12-12T1100-account-counters). That trigger ran an UPDATE for every row inserted,
// though a new account has counted nothing: up to 5% of an import's CPU time on SQLite (10,000
// accounts in two portfolios each: 175-180 µs an account without it, 183-187 with it). SQLite now
// asks first, in the trigger's WHEN; PostgreSQL copies once per statement, over the rows the statement inserted
// (an import's 1,000 owners: one statement, not 1,000 function calls).

const counters = ['active_projects', 'open_tasks', 'open_tasks_shared', 'unsigned_agreements', 'invoiced_this_year'];
const nonzero = (alias: string) => `(${counters.map((column) => `${alias}.${column} <> 0`).join(' or ')})`;
const copied = `(${counters.join(', ')}) = (select ${counters.map((column) => `a.${column}`).join(', ')} from accounts a where a.id = p.id)`;

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw('drop function if exists portfolio_counters_filled() cascade').execute(db);
    await sql.raw(`create function portfolio_counters_filled() returns trigger language plpgsql as $$ begin
      update portfolio_accounts p set ${copied} from added n join accounts a on a.id = n.id
        where p.holder_id = n.holder_id and p.id = n.id and ${nonzero('a')};
      return null; end $$`).execute(db);
    await sql.raw(`create trigger portfolio_counters_filled after insert on portfolio_accounts
      referencing new table as added for each statement execute function portfolio_counters_filled()`).execute(db);
    return;
  }
  await sql.raw('drop trigger if exists portfolio_counters_filled').execute(db);
  await sql.raw(`create trigger portfolio_counters_filled after insert on portfolio_accounts
    when exists (select 1 from accounts a where a.id = new.id and ${nonzero('a')}) begin
    update portfolio_accounts as p set ${copied} where p.holder_id = new.holder_id and p.id = new.id;
  end`).execute(db);
}

// Going back past 2026-12-12T1100 drops this trigger with that migration's.
export async function down(): Promise<void> {}
