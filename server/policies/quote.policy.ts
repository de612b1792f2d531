import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { portfolioReach } from '@server/db/portfolio';
import type { PortfolioDrive } from '@server/lib/portfolio-drive';
import { accountScopeOf } from './account.policy';
import { isAdmin, type Actor } from './actor';

export type QuoteAction = 'read' | 'create' | 'update' | 'send' | 'decide' | 'revise' | 'export';
export type QuoteSettingsAction = 'manage';

/**
 * The quotes the actor may see, as a condition on a quotes table under `alias`: exactly those of
 * the accounts they see (the portfolio rule), read like opportunityScope: the account's liveness
 * copied onto the quote, and an agent's portfolio read the `drive` way (see pageDriveFor): as a set
 * (a portfolio holds live accounts only, so the account's index answers alone), or checked quote by
 * quote as a walk of the live quotes' indexes meets them. Every list, count, export, PDF and page of
 * quotes goes through this.
 */
export function quoteScope(actor: Actor, alias = 'quotes', drive: PortfolioDrive = 'portfolio'): RawBuilder<SqlBool> {
  const live = sql<SqlBool>`${sql.ref(`${alias}.account_discarded_at`)} is null`;
  const scope = accountScopeOf(actor);
  if (scope.sees === 'all') return live;
  const held = portfolioReach(scope.holder, drive, sql.ref(`${alias}.account_id`));
  return drive === 'portfolio' ? held : sql<SqlBool>`(${live} and ${held})`;
}

/** Quotes follow their account: whoever sees it (quoteScope decides, in SQL) quotes it, sends and revises. */
export function canQuote(actor: Actor, action: QuoteAction): boolean {
  switch (action) {
    case 'read':
    case 'create':
    case 'update':
    case 'send':
    case 'decide':
    case 'revise':
    case 'export':
      return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'agent';
  }
}

/** Numbering, validity and the company on the PDF are an admin's. */
export const canQuoteSettings = (actor: Actor, _action: QuoteSettingsAction): boolean => isAdmin(actor);
