import { teamListSchema } from '@contract/users';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { userKeys } from './user-keys';

export function useTeams() {
  return useQuery({ queryKey: userKeys.teams, queryFn: ({ signal }) => apiJson(teamListSchema, '/teams', { signal }) });
}
