import type { Db } from '@server/db/database';
import { accountScope, type Actor } from '@server/policies';

const perKind = 10;

/** Visible accounts whose normalised tax id is this one (the partial tax-id index serves it). */
export async function accountsWithTaxId(db: Db, actor: Actor, taxIdNorm: string, excludeId: string | undefined): Promise<string[]> {
  let query = db.selectFrom('accounts').select('accounts.id').where('accounts.tax_id_norm', '=', taxIdNorm).where(accountScope(actor));
  if (excludeId) query = query.where('accounts.id', '!=', excludeId);
  return (await query.limit(perKind).execute()).map((row) => row.id);
}

/** Visible accounts with one of these exact search terms (e-mails, phone forms): the terms' primary key serves it. */
export async function accountsWithTerms(db: Db, actor: Actor, terms: string[], excludeId: string | undefined): Promise<string[]> {
  if (terms.length === 0) return [];
  let query = db
    .selectFrom('account_terms')
    .innerJoin('accounts', 'accounts.id', 'account_terms.account_id')
    .select('accounts.id')
    .distinct()
    .where('account_terms.term', 'in', terms)
    .where(accountScope(actor));
  if (excludeId) query = query.where('accounts.id', '!=', excludeId);
  return (await query.limit(perKind).execute()).map((row) => row.id);
}

/** The rows to show for matched ids, through the portfolio once more. */
export const visibleSummaries = (db: Db, actor: Actor, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('accounts')
        .select(['accounts.id', 'accounts.kind', 'accounts.name', 'accounts.stage'])
        .where('accounts.id', 'in', ids)
        .where(accountScope(actor))
        .orderBy('accounts.name_norm')
        .orderBy('accounts.id')
        .execute();
