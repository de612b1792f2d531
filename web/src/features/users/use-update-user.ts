import { userSchema, type UserUpdate } from '@contract/users';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { userKeys } from './user-keys';

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserUpdate) => apiJson(userSchema, `/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      await queryClient.invalidateQueries({ queryKey: userKeys.teams });
    },
  });
}
