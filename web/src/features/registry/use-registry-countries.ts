import { registryCountriesSchema } from '@contract/registry';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { registryKeys } from './registry-keys';

/** The registers an admin turned on: the form's flag ticks. */
export function useRegistryCountries() {
  return useQuery({
    queryKey: registryKeys.countries,
    queryFn: ({ signal }) => apiJson(registryCountriesSchema, '/registry/countries', { signal }),
    staleTime: 5 * 60_000,
    select: (data) => data.items,
  });
}
