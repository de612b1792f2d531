import { sql, type Kysely } from 'kysely';

// Migrations stand alone: they never import app code, and they never change after they land.
//
// An agent's quotes list reads its portfolio's accounts' quotes and sorts them (server/lib/
// portfolio-drive.ts), and every scoped count reads them up to the cap. Through quotes_account_idx
// each quote with a status, a validity or a number to check was a row read: an agent's accepted
// quotes page 1 took 22 ms raw, a team's count 136 ms. quotes_portfolio_idx holds every column
// those pages filter, sort and return, so the portfolio's quotes are read from it alone. It is not
// partial: a portfolio holds live accounts only, so those reads need no liveness check.
//
// `sent` and `expired` are the stored `sent` split by the validity date: counting either read
// every sent quote's row (most of them long expired). quotes_validity_idx answers both by range.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('quotes_portfolio_idx').on('quotes')
    .columns(['account_id', 'status', 'issue_date', 'valid_until', 'number', 'updated_at', 'id']).execute();
  await db.schema.createIndex('quotes_validity_idx').on('quotes').columns(['status', 'valid_until', 'issue_date', 'id'])
    .where(sql.ref('account_discarded_at'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('quotes_validity_idx').ifExists().execute();
  await db.schema.dropIndex('quotes_portfolio_idx').ifExists().execute();
}
