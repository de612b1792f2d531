import { meSchema, type setupSchema } from '@contract/auth';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiJson } from '@web/app/api-client';
import { queryClient } from '@web/app/query-client';
import { rememberSession, setupQueryKey } from './session';

export function useSetup() {
  return useMutation({
    mutationFn: (input: z.input<typeof setupSchema>) => apiJson(meSchema, '/setup', { method: 'POST', body: input }),
    onSuccess: async (me) => {
      queryClient.setQueryData(setupQueryKey, { needsSetup: false });
      await rememberSession(me);
    },
  });
}
