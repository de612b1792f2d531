import type { RegistryCountry, RegistrySetting, RegistrySettingUpdate } from '@contract/registry';
import { startFixtureServer, type FixtureServer } from '@server/test/fixture-server';
import { testApp, type Client, type TestApp } from '@server/test/test-app';
import { expectOk } from '@server/test/state';

export const testSecretKey = 'test-secret-key-of-at-least-32-characters-long';

/** The registers' environment pointing at a local fixture server (each register under its own path). */
export function registryEnv(fixtures: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CARTERA_REGISTRY_NO_URL: `${fixtures}/enhetsregisteret/api`,
    CARTERA_REGISTRY_DK_URL: `${fixtures}/cvr/api`,
    CARTERA_REGISTRY_GB_URL: `${fixtures}/ch`,
    CARTERA_REGISTRY_SE_URL: `${fixtures}/vardefulla-datamangder/v1`,
    CARTERA_REGISTRY_SE_TOKEN_URL: `${fixtures}/oauth2/token`,
    CARTERA_REGISTRY_PE_URL: `${fixtures}/sunat/padron_reducido_ruc.txt`,
    CARTERA_REGISTRY_PE_BRANCHES_URL: `${fixtures}/sunat/padron_reducido_local_anexo.txt`,
    CARTERA_REGISTRY_SEARCH_TIMEOUT_MS: '400',
    CARTERA_REGISTRY_LOOKUP_TIMEOUT_MS: '600',
    CARTERA_SECRET_KEY: testSecretKey,
    ...extra,
  };
}

export type RegistryTest = { t: TestApp; fixtures: FixtureServer; admin: Client; close: () => Promise<void> };

/** A test app whose registers are a local fixture server, with an admin to set them up. */
export async function registryTestApp(extraEnv: Record<string, string> = {}): Promise<RegistryTest> {
  const fixtures = await startFixtureServer();
  const t = await testApp(registryEnv(fixtures.url, extraEnv));
  const admin = await t.user({ role: 'admin', scope: 'all' });
  return {
    t,
    fixtures,
    admin,
    close: async () => {
      await t.close();
      await fixtures.close();
    },
  };
}

/** Changes a register's settings as the admin, at its current version. */
export async function setRegistry(admin: Client, country: RegistryCountry, change: Omit<RegistrySettingUpdate, 'version'>): Promise<RegistrySetting> {
  const settings = expectOk<{ items: RegistrySetting[] }>(await admin.get('/api/v1/registry/settings'));
  const current = settings.items.find((item) => item.country === country);
  return expectOk<RegistrySetting>(await admin.put(`/api/v1/registry/settings/${country}`, { version: current?.version ?? 1, ...change }));
}
