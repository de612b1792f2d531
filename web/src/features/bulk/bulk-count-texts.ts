import type { TFunction } from 'i18next';
import { formatNumber, totalPrecision, type TotalPrecision } from '@web/components/format';

/** A text's key for each precision of the count: `key`, `keyMoreThan` and `keyAbout`. */
const worded = (key: string): Record<TotalPrecision, string> => ({ exact: key, lowerBound: `${key}MoreThan`, estimate: `${key}About` });

/** Gives a text at the count's precision, with the count as `count` and formatted as `total`. */
function wording(t: TFunction, count: number, countIsEstimate: boolean): (key: string) => string {
  const precision = totalPrecision(count, countIsEstimate);
  const values = { count, total: formatNumber(count) };
  return (key) => t(worded(key)[precision], values);
}

/**
 * The action modal's "it will apply to N accounts" and its button. When N is the list's
 * estimated total ("everything matching" a large filter) they say "about" or "more than".
 */
export function bulkCountTexts(t: TFunction, count: number, countIsEstimate: boolean): { appliesTo: string; apply: string } {
  const say = wording(t, count, countIsEstimate);
  return { appliesTo: say('bulk:modal.appliesTo'), apply: say('bulk:modal.apply') };
}

/** The discard confirmation's title and button, worded the same way. */
export function bulkDiscardTexts(t: TFunction, count: number, countIsEstimate: boolean): { title: string; confirm: string } {
  const say = wording(t, count, countIsEstimate);
  return { title: say('bulk:discard.title'), confirm: say('bulk:discard.confirm') };
}
