import { accountFilterParams, accountListQuerySchema, overviewCounterKeys, type AccountFilterField, type OverviewCounter } from '@contract/accounts';
import { accountColumns, defaultAccountColumns } from '@contract/saved-views';
import type { ListText, ListUrlSpec } from '@web/components/list-kit/use-list-url';

/** The accounts list's URL: the contract's list query, and the table's columns. */
export const accountListUrl = {
  schema: accountListQuerySchema,
  columns: { all: accountColumns, defaults: defaultAccountColumns },
} satisfies ListUrlSpec<typeof accountListQuerySchema, (typeof accountColumns)[number]>;

/** The accounts list's query as the URL spells it: what the API, the export and a saved view take. */
export type AccountListText = ListText;

/** Every filter the bar offers: the contract's filter parameters (the registry's), but the search `q`, which has its own box. */
export const accountFilterKeys: readonly AccountFilterField[] = Object.keys(accountFilterParams).filter(
  (key): key is AccountFilterField => Object.hasOwn(accountFilterParams, key) && key !== 'q',
);

const isCounter = (key: string): key is OverviewCounter => overviewCounterKeys.some((counter) => counter === key);

/** The counter a sort orders by, if it is one ('-invoicedThisYear' → invoicedThisYear). */
export function sortedCounter(sort: string | undefined): OverviewCounter | null {
  const field = (sort ?? '').replace(/^-/, '');
  return isCounter(field) ? field : null;
}

/** The counters a counter filter reads. */
const filteredCounters: Partial<Record<AccountFilterField, OverviewCounter>> = {
  openTasksAbove: 'openTasks', invoicedAbove: 'invoicedThisYear', invoicedCurrency: 'invoicedThisYear',
};

/**
 * The counters the list shows: those picked, and those it is sorted or filtered by (a list ordered
 * by a number it does not show reads as disordered), in the picker's order.
 */
export function shownCounters(text: ListText): OverviewCounter[] {
  const picked = new Set((text.counters ?? '').split(',').filter(isCounter));
  const sorted = sortedCounter(text.sort);
  if (sorted) picked.add(sorted);
  for (const [key, counter] of Object.entries(filteredCounters)) if (text[key]) picked.add(counter);
  return overviewCounterKeys.filter((key) => picked.has(key));
}

/** The list's query as the API is asked it: with the counters it shows. */
export function accountsListText(text: ListText): ListText {
  const counters = shownCounters(text);
  return counters.length > 0 ? { ...text, counters: counters.join(',') } : text;
}
