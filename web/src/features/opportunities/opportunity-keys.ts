/** Query keys of opportunities: everything under one root, so a change refreshes list, board and page together. */
export const opportunityKeys = {
  all: ['opportunities'] as const,
  list: (params: object) => ['opportunities', 'list', params] as const,
  board: (params: object) => ['opportunities', 'board', params] as const,
  column: (stage: string, params: object) => ['opportunities', 'column', stage, params] as const,
  one: (id: string) => ['opportunities', 'one', id] as const,
  history: (id: string) => ['opportunities', 'history', id] as const,
};
