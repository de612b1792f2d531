/** Query keys of agreements: everything under one root, so a change refreshes list, page and tabs together. */
export const agreementKeys = {
  all: ['agreements'] as const,
  list: (params: object) => ['agreements', 'list', params] as const,
  one: (id: string) => ['agreements', 'one', id] as const,
  history: (id: string) => ['agreements', 'history', id] as const,
  templates: (includeInactive: boolean) => ['agreements', 'templates', includeInactive] as const,
  bulkJob: (jobId: string) => ['agreements', 'bulk', jobId, 'job'] as const,
  bulkReport: (jobId: string) => ['agreements', 'bulk', jobId, 'rows'] as const,
  bulkRows: (jobId: string, outcome: string | null) => ['agreements', 'bulk', jobId, 'rows', outcome] as const,
};
