/** Query keys of projects: everything under one root, so a change refreshes list, page and tabs together. */
export const projectKeys = {
  all: ['projects'] as const,
  list: (params: object) => ['projects', 'list', params] as const,
  one: (id: string) => ['projects', 'one', id] as const,
  history: (id: string) => ['projects', 'history', id] as const,
};
