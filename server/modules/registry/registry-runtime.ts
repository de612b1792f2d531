import type { Config } from '@server/config';

// Background jobs are handlers without the app (server/jobs/job-kinds.ts), yet the registry jobs
// need the registers' URLs and keys. buildApp hands its config over here; the worker runs in the
// same process as the app, so the jobs read the same config the routes do.
let current: Config | null = null;

export function useRegistryConfig(config: Config): void {
  current = config;
}

export function registryRuntimeConfig(): Config {
  if (!current) throw new Error('the registry config is not set: buildApp sets it at start-up');
  return current;
}
