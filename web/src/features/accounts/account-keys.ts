import type { AccountListText } from './account-list-url';

/** Query keys of the accounts feature: invalidating `all` refreshes lists, records, contacts and history. */
export const accountKeys = {
  all: ['accounts'] as const,
  list: (filters: AccountListText) => ['accounts', 'list', filters] as const,
  detail: (id: string) => ['accounts', 'detail', id] as const,
  contacts: (id: string) => ['accounts', 'contacts', id] as const,
  timeline: (id: string) => ['accounts', 'timeline', id] as const,
  search: (kind: string, q: string) => ['accounts', 'search', kind, q] as const,
};
