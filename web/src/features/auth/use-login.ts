import { meSchema, type Login } from '@contract/auth';
import { useMutation } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { rememberSession } from './session';

export function useLogin() {
  return useMutation({
    mutationFn: (credentials: Login) => apiJson(meSchema, '/auth/login', { method: 'POST', body: credentials }),
    onSuccess: rememberSession,
  });
}
