import { isRegistryCountry, type RiskSignal } from '@contract/registry';
import type { Config } from '@server/config';
import type { Db } from '@server/db/database';
import { invoiceSignalSource } from '@server/modules/invoices/invoice-credit-source';
import { registryProviders } from '@server/modules/registry/providers';
import { RegistryError } from '@server/modules/registry/registry-http';
import { registryAccess } from '@server/modules/registry/registry-settings.service';
import { companyLinksOf, type WatchedAccount } from './credit.repo';

/** What one source says about one account: its signals now, or why it could not say. */
export type SourceAnswer = { signals: RiskSignal[]; checkedAs: string | null } | { error: string };

/**
 * A source of credit signals. The free registers are one; Cartera's own overdue invoices another
 * (source `own:invoices`, code `overdue_invoices`, see invoice-credit-source.ts), and a paid rating
 * service (Creditsafe-like) a third. Each answers for a
 * batch of accounts; an account it has nothing to say about gets no entry.
 */
export interface CreditSignalSource {
  /** The prefix of its signals' `source` ("registry", "own:invoices"). */
  key: string;
  check: (db: Db, config: Config, accounts: WatchedAccount[]) => Promise<Map<string, SourceAnswer>>;
}

/** Where an account is found in a register: the entry it was created from, else its country and tax id. */
async function entriesOf(db: Db, accounts: WatchedAccount[], enabled: Set<string>) {
  const links = await companyLinksOf(db, accounts.map((account) => account.id));
  return new Map(accounts.flatMap((account) => {
    const link = links.get(account.id);
    const country = link?.country ?? account.country;
    if (!country || !isRegistryCountry(country) || !enabled.has(country)) return [];
    const number = registryProviders[country].normalizeNumber(link?.number ?? account.tax_id ?? '');
    return number ? [[account.id, { country, number }] as const] : [];
  }));
}

/** The public registers' status flags (bankruptcy, liquidation, forced dissolution, deregistration, UK status, late filings). */
export const registrySignalSource: CreditSignalSource = {
  key: 'registry',
  check: async (db, config, accounts) => {
    const access = await registryAccess(db, config);
    const entries = await entriesOf(db, accounts, access.enabled);
    const answers = new Map<string, SourceAnswer>();
    // One at a time: the registers' quotas are per client (Companies House: 600 per 5 minutes).
    for (const [accountId, { country, number }] of entries) {
      const ctx = { db, config: config.registry, credentials: access.credentials, timeoutMs: config.registry.lookupTimeoutMs };
      try {
        const { signals } = await registryProviders[country].fetchStatus(ctx, number);
        answers.set(accountId, { signals, checkedAs: `${country} ${number}` });
      } catch (error) {
        answers.set(accountId, { error: `${error instanceof RegistryError ? error.failure : 'unavailable'}: ${country} ${number}` });
      }
    }
    return answers;
  },
};

/** Every source the check asks: the registers and Cartera's own overdue invoices. Add paid providers here. */
export const creditSignalSources: CreditSignalSource[] = [registrySignalSource, invoiceSignalSource];
