import { registryLookupSchema, type RegistryCountry } from '@contract/registry';
import { useMutation } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';

/** One company with its departments, when the user picks a suggestion. */
export function useRegistryLookup() {
  return useMutation({
    mutationFn: ({ country, number }: { country: RegistryCountry; number: string }) =>
      apiJson(registryLookupSchema, `/registry/${country}/${encodeURIComponent(number)}`),
  });
}
