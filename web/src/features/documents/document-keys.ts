/** Query keys of documents: under the accounts key, so invalidating an account refreshes them too. */
export const documentKeys = {
  list: (accountId: string) => ['accounts', 'documents', accountId] as const,
};
