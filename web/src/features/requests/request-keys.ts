import type { RequestListParams } from '@contract/requests';

export const requestKeys = {
  all: ['requests'] as const,
  list: (params: RequestListParams | Readonly<Partial<Record<string, string>>>) => ['requests', 'list', params] as const,
};
