import { majorText } from '@contract/money';
import type { RiskSignal } from '@contract/registry';
import type { Db } from '@server/db/database';
import type { CreditSignalSource, SourceAnswer } from '@server/modules/credit/credit-sources';
import { overdueSums } from './invoices.repo';
import { today } from '@server/lib/time';

/** Overdue this many days (the oldest one) and the signal is high rather than medium. */
export const highAfterDays = 60;

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * Cartera's own invoices as a credit signal (`own:invoices`, `overdue_invoices`): an organization
 * with issued invoices past due and unpaid. It answers for accounts that have issued invoices (so a
 * paid-up one loses the signal) and says nothing of the others. The check is the system's, not a
 * user's, so no portfolio applies; invoices of a discarded organization are not read.
 */
export const invoiceSignalSource: CreditSignalSource = {
  key: 'own:invoices',
  check: async (db: Db, _config, accounts) => {
    const answers = new Map<string, SourceAnswer>();
    const ids = accounts.map((account) => account.id);
    if (ids.length === 0) return answers;
    const day = today();
    const billed = await db.selectFrom('invoices').select('organization_id').distinct()
      .where('organization_id', 'in', ids).where('organization_discarded_at', 'is', null).where('status', 'in', ['issued', 'partly_paid', 'paid']).execute();
    for (const row of billed) answers.set(row.organization_id, { signals: [], checkedAs: null });
    const overdue = await overdueSums(db.selectFrom('invoices').where('organization_id', 'in', ids).where('organization_discarded_at', 'is', null), day).execute();
    const byAccount = new Map<string, typeof overdue>();
    for (const row of overdue) byAccount.set(row.organization_id, [...(byAccount.get(row.organization_id) ?? []), row]);
    for (const [accountId, rows] of byAccount) {
      const since = rows.map((row) => row.since).sort()[0] ?? day;
      const count = rows.reduce((sum, row) => sum + Number(row.invoices), 0);
      // Per currency, never summed across them: "2 · EUR 1210.00 · USD 7.00".
      const detail = [String(count), ...rows.map((row) => `${row.currency} ${majorText(Number(row.owed), row.currency)}`)].join(' · ');
      const signal: RiskSignal = { code: 'overdue_invoices', severity: daysBetween(since, day) > highAfterDays ? 'high' : 'medium', source: 'own:invoices', since, detail };
      answers.set(accountId, { signals: [signal], checkedAs: null });
    }
    return answers;
  },
};
