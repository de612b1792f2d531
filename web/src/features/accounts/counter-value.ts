import type { AccountOverview } from '@contract/accounts';
import { formatMoney } from '@web/components/format';

/** A counter as shown: a count, or sums per currency side by side (never added across currencies). */
export function counterText(value: AccountOverview[keyof AccountOverview]): string {
  if (Array.isArray(value)) return value.length === 0 ? '0' : value.map((money) => formatMoney(money.amount, money.currency)).join(' · ');
  return String(value ?? 0);
}
