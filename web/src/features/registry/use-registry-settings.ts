import { jobSchema } from '@contract/imports';
import { registryJobStartedSchema, registrySettingSchema, registrySettingsSchema, type RegistryCountry, type RegistrySettingUpdate } from '@contract/registry';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '@web/app/api-client';
import { registryKeys } from './registry-keys';

export function useRegistrySettings() {
  return useQuery({
    queryKey: registryKeys.settings,
    queryFn: ({ signal }) => apiJson(registrySettingsSchema, '/registry/settings', { signal }),
  });
}

/** Saves one register's settings; the form's countries follow. */
export function useUpdateRegistrySetting(country: RegistryCountry) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegistrySettingUpdate) => apiJson(registrySettingSchema, `/registry/settings/${country}`, { method: 'PUT', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

export function useStartPeruLoad() {
  return useMutation({
    mutationFn: () => apiJson(registryJobStartedSchema, '/registry/settings/PE/load', { method: 'POST' }),
  });
}

/** A background job followed while it runs (every two seconds), then the settings refreshed. */
export function useJob(jobId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['jobs', jobId],
    queryFn: async ({ signal }) => {
      const job = await apiJson(jobSchema, `/jobs/${encodeURIComponent(jobId ?? '')}`, { signal });
      if (job.status !== 'queued' && job.status !== 'running') await queryClient.invalidateQueries({ queryKey: registryKeys.all });
      return job;
    },
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'queued' && query.state.data.status !== 'running' ? false : 2000),
  });
}
