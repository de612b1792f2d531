/** Query keys of quotes: one root, so any change refreshes the list, the page and the account's and opportunity's sections together. */
export const quoteKeys = {
  all: ['quotes'] as const,
  list: (params: object) => ['quotes', 'list', params] as const,
  one: (id: string) => ['quotes', 'one', id] as const,
  totals: (input: object) => ['quotes', 'totals', input] as const,
};
