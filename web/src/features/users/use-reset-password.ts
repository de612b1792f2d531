import { useMutation } from '@tanstack/react-query';
import { apiVoid } from '@web/app/api-client';

export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: (password: string) => apiVoid(`/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: { password } }),
  });
}
