import { sql, PostgresAdapter, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// The company list sorts and filters by its counters (issue 22): active projects, open tasks,
// unsigned agreements (sent, or signed by the customer only), invoiced this year. Counted per row of a page they cost nothing, but a sort needs an index, so
// each counter is kept on its account, and on the account's portfolio rows (an agent's list walks
// those in page order), by triggers in the same transaction as the write that changes it: exact
// whatever is written at once. The triggers add and subtract (`n = n + 1`), never recount: on
// PostgreSQL a recount in a statement that waited for another's row lock would read the count
// from before that other write committed, and lose it.
//
// - open_tasks counts every scheduled task, private ones too (for whoever sees them all);
//   open_tasks_shared only those not private (for everyone else, see the accounts list engine).
// - account_invoiced holds issued invoices' totals per account, year and currency (never added
//   across currencies): the "invoiced above X in currency C this year" filter reads its index.
// - accounts.invoiced_this_year mirrors one row of it: the year and currency named in
//   account_counter_basis (this year, the base currency of quote_settings), the column the list
//   sorts by. When the year turns or the base currency changes, a job moves the basis and
//   recounts the column (server/modules/accounts/counters/).

const counters = ['active_projects', 'open_tasks', 'open_tasks_shared', 'unsigned_agreements', 'invoiced_this_year'];
const counted = "('issued', 'partly_paid', 'paid')";
const openTask = (row: string) => `(${row}.type = 'task' and ${row}.status = 'scheduled')`;
const shared = (row: string) => `(case when ${row}.is_private then 0 else 1 end)`;
const active = (row: string) => `(${row}.status = 'active')`;
const unsigned = (row: string) => `(${row}.status in ('sent', 'signed_by_customer'))`;
const billed = (row: string) => `(${row}.status in ${counted})`;
const yearOf = (row: string) => `substr(${row}.issue_date, 1, 4)`;

type Trigger = { name: string; table: string; event: 'insert' | 'update' | 'delete'; columns?: string[]; when?: string; body: string };

function triggers(pg: boolean): Trigger[] {
  const differ = (a: string, b: string) => (pg ? `${a} is distinct from ${b}` : `${a} is not ${b}`);
  const changed = (columns: string[]) => `(${columns.map((column) => differ(`old.${column}`, `new.${column}`)).join(' or ')})`;
  const tasks = (row: string, sign: '+' | '-') =>
    `update accounts set open_tasks = open_tasks ${sign} 1, open_tasks_shared = open_tasks_shared ${sign} ${shared(row)} where id = ${row}.account_id and ${openTask(row)};`;
  const projects = (row: string, sign: '+' | '-') =>
    `update accounts set active_projects = active_projects ${sign} 1 where id = ${row}.organization_id and ${active(row)};`;
  const agreements = (row: string, sign: '+' | '-') =>
    `update accounts set unsigned_agreements = unsigned_agreements ${sign} 1 where id = ${row}.organization_id and ${unsigned(row)};`;
  const invoiceKey = (row: string) => `account_id = ${row}.organization_id and year = ${yearOf(row)} and currency = ${row}.currency`;
  // Subtracting only ever meets a row the adding made (ON DELETE CASCADE may have taken it with its account).
  const unbill = `update account_invoiced set amount = amount - old.total where ${invoiceKey('old')} and ${billed('old')};`;
  const bill = `insert into account_invoiced (account_id, year, currency, amount)
    select new.organization_id, ${yearOf('new')}, new.currency, new.total where ${billed('new')}
    on conflict (account_id, year, currency) do update set amount = account_invoiced.amount + excluded.amount;`;
  const basis = (row: string) => `exists (select 1 from account_counter_basis b where b.year = ${row}.year and b.currency = ${row}.currency)`;
  const mirror = (delta: string, row: string) => `update accounts set invoiced_this_year = invoiced_this_year + ${delta} where id = ${row}.account_id and ${basis(row)};`;
  const taskColumns = ['account_id', 'type', 'status', 'is_private'];
  const projectColumns = ['organization_id', 'status'];
  const agreementColumns = ['organization_id', 'status'];
  const invoiceColumns = ['organization_id', 'status', 'issue_date', 'currency', 'total'];
  return [
    { name: 'account_counters_task_added', table: 'activities', event: 'insert', when: openTask('new'), body: tasks('new', '+') },
    { name: 'account_counters_task_removed', table: 'activities', event: 'delete', when: openTask('old'), body: tasks('old', '-') },
    {
      name: 'account_counters_task_changed', table: 'activities', event: 'update', columns: taskColumns,
      when: `(${openTask('old')} or ${openTask('new')}) and ${changed(taskColumns)}`, body: `${tasks('old', '-')} ${tasks('new', '+')}`,
    },
    { name: 'account_counters_project_added', table: 'projects', event: 'insert', when: active('new'), body: projects('new', '+') },
    { name: 'account_counters_project_removed', table: 'projects', event: 'delete', when: active('old'), body: projects('old', '-') },
    {
      name: 'account_counters_project_changed', table: 'projects', event: 'update', columns: projectColumns,
      when: `(${active('old')} or ${active('new')}) and ${changed(projectColumns)}`, body: `${projects('old', '-')} ${projects('new', '+')}`,
    },
    { name: 'account_counters_agreement_added', table: 'agreements', event: 'insert', when: unsigned('new'), body: agreements('new', '+') },
    { name: 'account_counters_agreement_removed', table: 'agreements', event: 'delete', when: unsigned('old'), body: agreements('old', '-') },
    {
      name: 'account_counters_agreement_changed', table: 'agreements', event: 'update', columns: agreementColumns,
      when: `(${unsigned('old')} or ${unsigned('new')}) and ${changed(agreementColumns)}`, body: `${agreements('old', '-')} ${agreements('new', '+')}`,
    },
    // PostgreSQL wants `select … where` in an upsert whose source is one row: written so on both.
    { name: 'account_counters_invoice_added', table: 'invoices', event: 'insert', when: billed('new'), body: bill },
    { name: 'account_counters_invoice_removed', table: 'invoices', event: 'delete', when: billed('old'), body: unbill },
    {
      name: 'account_counters_invoice_changed', table: 'invoices', event: 'update', columns: invoiceColumns,
      when: `(${billed('old')} or ${billed('new')}) and ${changed(invoiceColumns)}`, body: `${unbill} ${bill}`,
    },
    // A trigger's WHEN cannot read another table on PostgreSQL: the basis is checked in the update.
    { name: 'account_counters_invoiced_added', table: 'account_invoiced', event: 'insert', body: mirror('new.amount', 'new') },
    { name: 'account_counters_invoiced_changed', table: 'account_invoiced', event: 'update', columns: ['amount'], body: mirror('new.amount - old.amount', 'new') },
    { name: 'account_counters_invoiced_removed', table: 'account_invoiced', event: 'delete', body: mirror('- old.amount', 'old') },
    {
      name: 'portfolio_counters_changed', table: 'accounts', event: 'update', columns: counters, when: changed(counters),
      body: `update portfolio_accounts set ${counters.map((column) => `${column} = new.${column}`).join(', ')} where id = new.id;`,
    },
    {
      // A new portfolio row (an owner added, an account restored) starts at zero; most accounts have nothing to copy.
      name: 'portfolio_counters_filled', table: 'portfolio_accounts', event: 'insert',
      body: `update portfolio_accounts set (${counters.join(', ')}) = (select ${counters.map((column) => `a.${column}`).join(', ')} from accounts a where a.id = new.id)
        where holder_id = new.holder_id and id = new.id
          and exists (select 1 from accounts a where a.id = new.id and (${counters.map((column) => `a.${column} <> 0`).join(' or ')}));`,
    },
  ];
}

async function createTriggers(db: Kysely<any>, pg: boolean): Promise<void> {
  for (const { name, table, event, columns, when, body } of triggers(pg)) {
    const on = `after ${event}${columns ? ` of ${columns.join(', ')}` : ''} on ${table}`;
    if (pg) {
      await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`).execute(db);
      await sql.raw(`create trigger ${name} ${on} for each row ${when ? `when (${when})` : ''} execute function ${name}()`).execute(db);
    } else {
      await sql.raw(`create trigger ${name} ${on} ${when ? `when ${when}` : ''} begin ${body} end`).execute(db);
    }
  }
}

/** The counters as they stand, before any trigger keeps them. */
async function backfill(db: Kysely<any>, year: string): Promise<void> {
  await sql.raw(`update accounts set active_projects = (select count(*) from projects p where p.organization_id = accounts.id and ${active('p')})
    where id in (select p.organization_id from projects p where ${active('p')})`).execute(db);
  await sql.raw(`update accounts set (open_tasks, open_tasks_shared) = (select count(*), coalesce(sum(${shared('t')}), 0) from activities t where t.account_id = accounts.id and ${openTask('t')})
    where id in (select t.account_id from activities t where ${openTask('t')})`).execute(db);
  await sql.raw(`update accounts set unsigned_agreements = (select count(*) from agreements g where g.organization_id = accounts.id and ${unsigned('g')})
    where id in (select g.organization_id from agreements g where ${unsigned('g')})`).execute(db);
  await sql.raw(`insert into account_invoiced (account_id, year, currency, amount)
    select i.organization_id, ${yearOf('i')}, i.currency, sum(i.total) from invoices i where ${billed('i')} group by i.organization_id, ${yearOf('i')}, i.currency`).execute(db);
  await sql`insert into account_counter_basis (id, year, currency, recounted_at)
    values ('default', ${year}, coalesce((select base_currency from quote_settings where id = 'default'), 'EUR'), ${new Date().toISOString()})`.execute(db);
  await sql.raw(`update accounts set invoiced_this_year = (select m.amount from account_invoiced m join account_counter_basis b on b.year = m.year and b.currency = m.currency where m.account_id = accounts.id)
    where id in (select m.account_id from account_invoiced m join account_counter_basis b on b.year = m.year and b.currency = m.currency)`).execute(db);
  await sql.raw(`update portfolio_accounts set (${counters.join(', ')}) = (select ${counters.map((column) => `a.${column}`).join(', ')} from accounts a where a.id = portfolio_accounts.id)
    where id in (select a.id from accounts a where ${counters.map((column) => `a.${column} <> 0`).join(' or ')})`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const money = pg ? 'bigint' : 'integer';
  for (const table of ['accounts', 'portfolio_accounts']) {
    for (const column of counters) {
      await sql.raw(`alter table ${table} add column ${column} ${column === 'invoiced_this_year' ? money : 'integer'} not null default 0`).execute(db);
    }
  }
  await sql.raw(`create table account_invoiced (
    account_id text not null references accounts (id) on delete cascade,
    year text not null, currency text not null, amount ${money} not null,
    primary key (account_id, year, currency)
  )${pg ? '' : ' without rowid'}`).execute(db);
  // "Invoiced above X in C this year": a range of one (year, currency).
  await db.schema.createIndex('account_invoiced_amount_idx').on('account_invoiced').columns(['year', 'currency', 'amount', 'account_id']).execute();
  await db.schema.createTable('account_counter_basis')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // Null while a move of the basis is being recounted.
    .addColumn('recounted_at', 'text')
    .execute();
  // Each counter sorts as the list's other columns do: ties by name, then id; live accounts only
  // (SQLite carries discarded_at so a count reads the index alone, see 2026-11-29T1000).
  for (const column of counters) {
    await db.schema.createIndex(`accounts_${column}_idx`).on('accounts').columns([column, 'name_norm', 'id', ...(pg ? [] : ['discarded_at'])])
      .where(sql<boolean>`discarded_at is null`).execute();
    await db.schema.createIndex(`portfolio_accounts_${column}_idx`).on('portfolio_accounts').columns(['holder_id', column, 'name_norm', 'id']).execute();
  }
  await backfill(db, String(new Date().getUTCFullYear()));
  await createTriggers(db, pg);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const { name } of triggers(pg)) {
    if (pg) await sql.raw(`drop function if exists ${name}() cascade`).execute(db);
    else await sql.raw(`drop trigger if exists ${name}`).execute(db);
  }
  for (const column of counters) {
    await db.schema.dropIndex(`accounts_${column}_idx`).ifExists().execute();
    await db.schema.dropIndex(`portfolio_accounts_${column}_idx`).ifExists().execute();
  }
  await db.schema.dropTable('account_counter_basis').ifExists().execute();
  await db.schema.dropTable('account_invoiced').ifExists().execute();
  for (const table of ['accounts', 'portfolio_accounts']) {
    for (const column of counters) await sql.raw(`alter table ${table} drop column ${column}`).execute(db);
  }
}
