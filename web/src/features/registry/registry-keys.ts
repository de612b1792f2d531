export const registryKeys = {
  all: ['registry'] as const,
  countries: ['registry', 'countries'] as const,
  search: (q: string, countries: string) => ['registry', 'search', q, countries] as const,
  settings: ['registry', 'settings'] as const,
};
