import type { RequestListParams } from '@contract/requests';

export const requestKeys = {
  all: ['requests'] as const,
  list: (params: RequestListParams) => ['requests', 'list', params] as const,
};
