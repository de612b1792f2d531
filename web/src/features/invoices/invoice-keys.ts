/** Query keys of invoices: everything under one root, so a change refreshes list, page and tabs together. */
export const invoiceKeys = {
  all: ['invoices'] as const,
  list: (params: object) => ['invoices', 'list', params] as const,
  one: (id: string) => ['invoices', 'one', id] as const,
  overdue: (organizationId: string) => ['invoices', 'overdue', organizationId] as const,
};
