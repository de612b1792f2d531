/** Query keys of the tags feature. */
export const tagKeys = {
  all: ['tags'] as const,
  list: (q: string) => ['tags', 'list', q] as const,
  counted: (q: string) => ['tags', 'counted', q] as const,
  detail: (id: string) => ['tags', 'detail', id] as const,
  ofAccount: (accountId: string) => ['tags', 'account', accountId] as const,
};
