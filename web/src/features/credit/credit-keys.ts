export const creditKeys = {
  all: ['credit'] as const,
  account: (id: string) => ['credit', id] as const,
};
