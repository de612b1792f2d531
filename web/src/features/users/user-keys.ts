export const userKeys = {
  all: ['users'] as const,
  list: (q: string, active: string) => ['users', 'list', q, active] as const,
  teams: ['teams'] as const,
};
