import { riskSignalSchema, type RiskLevel, type RiskSignal } from '@contract/registry';
import { z } from 'zod';
import type { Config } from '@server/config';
import type { Db } from '@server/db/database';
import { newId } from '@server/lib/ids';
import { parseJsonColumn } from '@server/lib/json';
import { nowIso } from '@server/lib/time';
import { writeAudit } from '@server/modules/audit/audit.repo';
import type { NotificationChannel } from '@server/modules/notifications/notification-channels';
import { deliver, notify } from '@server/modules/notifications/notifications.service';
import type { NotificationRow } from '@server/modules/notifications/notifications.repo';
import { creditSignalSources, type CreditSignalSource, type SourceAnswer } from './credit-sources';
import { insertCreditEvent, ownerIdsOf, saveCheck, type WatchedAccount } from './credit.repo';

export const signalsSchema = z.array(riskSignalSchema);

const order: Record<RiskLevel, number> = { unknown: 0, none: 1, medium: 2, high: 3 };

/** The worst signal decides: high, medium, or none. */
export function riskLevelOf(signals: RiskSignal[]): RiskLevel {
  return signals.reduce<RiskLevel>((level, signal) => (order[signal.severity] > order[level] ? signal.severity : level), 'none');
}

const isRiskLevel = (value: string | null): value is RiskLevel => value !== null && Object.hasOwn(order, value);
const signature = (signals: RiskSignal[]) => signals.map((signal) => `${signal.source}/${signal.code}`).sort().join(',');

export type CheckOptions = { sources?: CreditSignalSource[]; channels?: NotificationChannel[]; log?: (error: unknown, what: string) => void };

/**
 * Asks every source about these accounts and records what changed: the risk level (the worst
 * signal), its history, the account's timeline, and a notification to its owners, all in one
 * transaction per account; then the notifications go out by the other channels (e-mail). A source
 * that cannot answer keeps its previous signals, so an outage never looks like good news.
 */
export async function checkAccounts(db: Db, config: Config, accounts: WatchedAccount[], options: CheckOptions = {}): Promise<{ checked: number; changed: number }> {
  const sources = options.sources ?? creditSignalSources;
  const answers = await Promise.all(sources.map(async (source) => ({ source, answers: await source.check(db, config, accounts) })));
  let changed = 0;
  for (const account of accounts) {
    const previous = account.signals ? parseJsonColumn(account.signals, signalsSchema, []) : [];
    const levelBefore: RiskLevel = isRiskLevel(account.risk_level) ? account.risk_level : 'unknown';
    const results = answers.flatMap(({ source, answers: bySource }) => {
      const answer: SourceAnswer | undefined = bySource.get(account.id);
      return answer ? [{ source, answer }] : [];
    });
    if (results.length === 0) continue;
    const errors = results.flatMap(({ answer }) => ('error' in answer ? [answer.error] : []));
    const answered = results.flatMap(({ source, answer }) => ('signals' in answer ? [{ source, signals: answer.signals }] : []));
    const failedKeys = results.filter(({ answer }) => 'error' in answer).map(({ source }) => source.key);
    const signals = [
      ...answered.flatMap((result) => result.signals),
      ...previous.filter((signal) => failedKeys.some((key) => signal.source.startsWith(key))),
    ];
    const now = nowIso();
    const levelAfter: RiskLevel = answered.length > 0 ? riskLevelOf(signals) : levelBefore;
    const moved = answered.length > 0 && (levelAfter !== levelBefore || signature(signals) !== signature(previous));
    // A first check that finds nothing is no news.
    const news = moved && !(levelBefore === 'unknown' && levelAfter === 'none');
    const notifications: NotificationRow[] = await db.transaction().execute(async (trx) => {
      await saveCheck(trx, {
        account_id: account.id, risk_level: levelAfter, signals: JSON.stringify(answered.length > 0 ? signals : previous),
        checked_at: now, changed_at: moved ? now : account.changed_at, check_error: errors.length > 0 ? errors.join('; ').slice(0, 500) : null, updated_at: now,
      });
      if (!news) return [];
      const changedSources = [...new Set(signals.filter((signal) => !previous.some((old) => old.source === signal.source && old.code === signal.code)).concat(
        previous.filter((old) => !signals.some((signal) => signal.source === old.source && signal.code === old.code)),
      ).map((signal) => signal.source))];
      await insertCreditEvent(trx, {
        id: newId(), account_id: account.id, at: now, source: changedSources.join(',') || answered.map((result) => result.source.key).join(','),
        level_before: levelBefore, level_after: levelAfter, signals_before: JSON.stringify(previous), signals_after: JSON.stringify(signals),
      });
      await writeAudit(trx, {
        actorId: null, entity: 'account', entityId: account.id, accountId: account.id, action: 'risk_changed',
        changes: [
          { field: 'riskLevel', before: levelBefore, after: levelAfter },
          { field: 'riskSignals', before: previous.map((signal) => signal.code), after: signals.map((signal) => signal.code) },
        ],
      });
      return notify(trx, {
        userIds: await ownerIdsOf(trx, account.id),
        kind: 'credit.risk_changed',
        accountId: account.id,
        params: { levelBefore, levelAfter, signals: signals.map((signal) => ({ code: signal.code, detail: signal.detail, since: signal.since, source: signal.source })) },
      });
    });
    if (news) changed += 1;
    await deliver(db, options.channels ?? [], notifications, options.log);
  }
  return { checked: accounts.length, changed };
}
