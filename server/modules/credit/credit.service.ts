import { creditMonitoringUpdateSchema, type AccountCredit, type CreditMonitoring, type CreditMonitoringUpdate } from '@contract/credit';
import { isRegistryCountry, riskLevelSchema } from '@contract/registry';
import type { Db } from '@server/db/database';
import { parseJsonColumn } from '@server/lib/json';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { writeAudit } from '@server/modules/audit/audit.repo';
import { requireVisibleAccount } from '@server/modules/accounts/accounts.service';
import { registryProviders } from '@server/modules/registry/providers';
import { enqueueCreditCheck } from './credit-check.job';
import { signalsSchema } from './credit-check.service';
import { companyLinksOf, creditEventsOf, creditOf, saveMonitoring } from './credit.repo';

const monitoringOf = (value: string | null | undefined): CreditMonitoring => (value === 'on' || value === 'off' ? value : 'auto');
const levelOf = (value: string | null | undefined) => riskLevelSchema.catch('unknown').parse(value ?? 'unknown');

/** An account's credit watch as its page shows it: monitored or not, its risk, signals and history. */
export async function getCredit(db: Db, actor: Actor, accountId: string): Promise<AccountCredit> {
  authorize(actor, { domain: 'credit', action: 'read' });
  const account = await requireVisibleAccount(db, actor, accountId);
  const [row, events, links] = await Promise.all([creditOf(db, accountId), creditEventsOf(db, accountId, 50), companyLinksOf(db, [accountId])]);
  const monitoring = monitoringOf(row?.monitoring);
  const link = links.get(accountId);
  const country = link?.country ?? account.country;
  const number = country && isRegistryCountry(country) ? registryProviders[country].normalizeNumber(link?.number ?? account.tax_id ?? '') : null;
  return {
    monitoring,
    monitored: account.kind === 'organization' && (monitoring === 'on' || (monitoring === 'auto' && account.stage === 'customer')),
    riskLevel: levelOf(row?.risk_level),
    signals: row ? parseJsonColumn(row.signals, signalsSchema, []) : [],
    checkedAt: row?.checked_at ?? null,
    changedAt: row?.changed_at ?? null,
    checkError: row?.check_error ?? null,
    checkedAs: number && country ? `${country} ${number}` : null,
    history: events.map((event) => ({
      id: event.id,
      at: event.at,
      source: event.source,
      levelBefore: levelOf(event.level_before),
      levelAfter: levelOf(event.level_after),
      signalsBefore: parseJsonColumn(event.signals_before, signalsSchema, []),
      signalsAfter: parseJsonColumn(event.signals_after, signalsSchema, []),
    })),
  };
}

/** Watches an account by hand, stops watching it, or lets its stage decide; the timeline records it. */
export async function setMonitoring(db: Db, actor: Actor, accountId: string, input: CreditMonitoringUpdate): Promise<AccountCredit> {
  const data = creditMonitoringUpdateSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    await requireVisibleAccount(trx, actor, accountId);
    authorize(actor, { domain: 'credit', action: 'setMonitoring' });
    const before = monitoringOf((await creditOf(trx, accountId))?.monitoring);
    if (before === data.monitoring) return;
    await saveMonitoring(trx, accountId, data.monitoring === 'auto' ? null : data.monitoring, nowIso());
    await writeAudit(trx, {
      actorId: actor.id, entity: 'account', entityId: accountId, accountId, action: 'monitoring_changed',
      changes: [{ field: 'creditMonitoring', before, after: data.monitoring }],
    });
  });
  return getCredit(db, actor, accountId);
}

/** Queues a check of one account now (whoever may see it); the job's id to follow. */
export async function checkNow(db: Db, actor: Actor, accountId: string): Promise<string> {
  await requireVisibleAccount(db, actor, accountId);
  authorize(actor, { domain: 'credit', action: 'check' });
  return enqueueCreditCheck(db, actor.id, [accountId]);
}

/** Queues a check of every watched account now (admins). */
export async function checkAll(db: Db, actor: Actor): Promise<string> {
  authorize(actor, { domain: 'credit', action: 'checkAll' });
  return enqueueCreditCheck(db, actor.id);
}
