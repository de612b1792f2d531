import type { TFunction } from 'i18next';
import { formatNumber, totalPrecision, type TotalPrecision } from '@web/components/format';

const appliesTo = {
  exact: 'bulk:modal.appliesTo',
  lowerBound: 'bulk:modal.appliesToMoreThan',
  estimate: 'bulk:modal.appliesToAbout',
} as const satisfies Record<TotalPrecision, string>;

const apply = {
  exact: 'bulk:modal.apply',
  lowerBound: 'bulk:modal.applyMoreThan',
  estimate: 'bulk:modal.applyAbout',
} as const satisfies Record<TotalPrecision, string>;

const discardTitle = {
  exact: 'bulk:discard.title',
  lowerBound: 'bulk:discard.titleMoreThan',
  estimate: 'bulk:discard.titleAbout',
} as const satisfies Record<TotalPrecision, string>;

const discardConfirm = {
  exact: 'bulk:discard.confirm',
  lowerBound: 'bulk:discard.confirmMoreThan',
  estimate: 'bulk:discard.confirmAbout',
} as const satisfies Record<TotalPrecision, string>;

/**
 * The action modal's "it will apply to N accounts" and its button. When N is the list's
 * estimated total ("everything matching" a large filter) they say "about" or "more than".
 */
export function bulkCountTexts(t: TFunction, count: number, countIsEstimate: boolean): { appliesTo: string; apply: string } {
  const precision = totalPrecision(count, countIsEstimate);
  const values = { count, total: formatNumber(count) };
  return { appliesTo: t(appliesTo[precision], values), apply: t(apply[precision], values) };
}

/** The discard confirmation's title and button, worded the same way. */
export function bulkDiscardTexts(t: TFunction, count: number, countIsEstimate: boolean): { title: string; confirm: string } {
  const precision = totalPrecision(count, countIsEstimate);
  const values = { count, total: formatNumber(count) };
  return { title: t(discardTitle[precision], values), confirm: t(discardConfirm[precision], values) };
}
