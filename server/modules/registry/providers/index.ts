import type { RegistryCountry } from '@contract/registry';
import type { RegistryProvider } from '../registry-provider';
import { britainProvider } from './britain.provider';
import { denmarkProvider } from './denmark.provider';
import { norwayProvider } from './norway.provider';
import { peruProvider } from './peru.provider';
import { swedenProvider } from './sweden.provider';

/** One adapter per country; the country alone decides which register (and host) is asked. */
export const registryProviders: Record<RegistryCountry, RegistryProvider> = {
  NO: norwayProvider,
  SE: swedenProvider,
  DK: denmarkProvider,
  GB: britainProvider,
  PE: peruProvider,
};
