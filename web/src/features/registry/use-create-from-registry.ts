import { registryAccountCreatedSchema, type RegistryAccountCreate } from '@contract/registry';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { accountKeys } from '@web/features/accounts/account-keys';

/** Creates the company from the register answer, with the ticked departments, in one request. */
export function useCreateFromRegistry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegistryAccountCreate) => apiJson(registryAccountCreatedSchema, '/registry/accounts', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
