import type { passwordChangeSchema } from '@contract/auth';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiVoid } from '@web/app/api-client';

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: z.input<typeof passwordChangeSchema>) => apiVoid('/me/password', { method: 'POST', body: input }),
  });
}
