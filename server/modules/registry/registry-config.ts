import { z } from 'zod';
import type { RegistryCountry } from '@contract/registry';

const url = (fallback: string) => z.url({ protocol: /^https?$/ }).default(fallback).or(z.literal('').transform(() => fallback));
const optional = z.string().trim().min(1).max(500).optional().or(z.literal('').transform(() => undefined));

/** The registers' environment: base URLs (the public hosts unless set; tests point them at a local server) and credentials. */
export const registryEnv = {
  CARTERA_REGISTRY_NO_URL: url('https://data.brreg.no/enhetsregisteret/api'),
  CARTERA_REGISTRY_DK_URL: url('https://cvrapi.dk/api'),
  CARTERA_REGISTRY_GB_URL: url('https://api.company-information.service.gov.uk'),
  CARTERA_REGISTRY_SE_URL: url('https://gw.api.bolagsverket.se/vardefulla-datamangder/v1'),
  CARTERA_REGISTRY_SE_TOKEN_URL: url('https://portal.api.bolagsverket.se/oauth2/token'),
  CARTERA_REGISTRY_PE_URL: url('https://www2.sunat.gob.pe/padron_reducido_ruc.zip'),
  CARTERA_REGISTRY_PE_BRANCHES_URL: url('https://www2.sunat.gob.pe/padron_reducido_local_anexo.zip'),
  CARTERA_REGISTRY_GB_KEY: optional,
  CARTERA_REGISTRY_SE_CLIENT_ID: optional,
  CARTERA_REGISTRY_SE_CLIENT_SECRET: optional,
  CARTERA_REGISTRY_DK_CONTACT: optional,
  /** How long a name search waits for each register (the form never waits longer). */
  CARTERA_REGISTRY_SEARCH_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(2000),
  CARTERA_REGISTRY_LOOKUP_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(8000),
};

type RegistryEnv = z.output<z.ZodObject<typeof registryEnv>>;

export type RegistryConfig = {
  urls: Record<Exclude<RegistryCountry, 'PE'>, string> & { seToken: string; pe: string; peBranches: string };
  /** Credentials set in the environment; they win over the ones stored from the settings page. */
  env: { gbKey: string | null; seClientId: string | null; seClientSecret: string | null; dkContact: string | null };
  searchTimeoutMs: number;
  lookupTimeoutMs: number;
};

const trimSlash = (value: string): string => value.replace(/\/+$/, '');

export function registryConfigOf(e: RegistryEnv): RegistryConfig {
  return {
    urls: {
      NO: trimSlash(e.CARTERA_REGISTRY_NO_URL),
      DK: trimSlash(e.CARTERA_REGISTRY_DK_URL),
      GB: trimSlash(e.CARTERA_REGISTRY_GB_URL),
      SE: trimSlash(e.CARTERA_REGISTRY_SE_URL),
      seToken: e.CARTERA_REGISTRY_SE_TOKEN_URL,
      pe: e.CARTERA_REGISTRY_PE_URL,
      peBranches: e.CARTERA_REGISTRY_PE_BRANCHES_URL,
    },
    env: {
      gbKey: e.CARTERA_REGISTRY_GB_KEY ?? null,
      seClientId: e.CARTERA_REGISTRY_SE_CLIENT_ID ?? null,
      seClientSecret: e.CARTERA_REGISTRY_SE_CLIENT_SECRET ?? null,
      dkContact: e.CARTERA_REGISTRY_DK_CONTACT ?? null,
    },
    searchTimeoutMs: e.CARTERA_REGISTRY_SEARCH_TIMEOUT_MS,
    lookupTimeoutMs: e.CARTERA_REGISTRY_LOOKUP_TIMEOUT_MS,
  };
}
