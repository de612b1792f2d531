import { meSchema, type meUpdateSchema } from '@contract/auth';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiJson } from '@web/app/api-client';
import { rememberSession } from './session';

export function useUpdateMe() {
  return useMutation({
    mutationFn: (input: z.input<typeof meUpdateSchema>) => apiJson(meSchema, '/me', { method: 'PATCH', body: input }),
    onSuccess: rememberSession,
  });
}
