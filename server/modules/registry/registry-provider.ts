import type {
  RegistryCompany, RegistryCountry, RegistryStatus, RegistrySubUnit, RegistrySuggestion, RiskSignal,
} from '@contract/registry';
import { z } from 'zod';
import type { Db } from '@server/db/database';
import { withoutUnsafeText } from '@server/lib/safe-text';
import type { RegistryConfig } from './registry-config';

/** What an adapter may use for one call: where the register is, its credentials, and how long to wait. */
export type ProviderContext = {
  db: Db;
  config: RegistryConfig;
  credentials: RegistryCredentials;
  timeoutMs: number;
  signal?: AbortSignal;
};

/** Credentials of the registers, from the environment or the settings page (opened, in memory only). */
export type RegistryCredentials = {
  gbKey: string | null;
  seClientId: string | null;
  seClientSecret: string | null;
  dkContact: string | null;
};

/** A company and the register's answer it was read from (kept for audit). */
export type CompanyAnswer = {
  company: RegistryCompany;
  raw: unknown;
  /** Sub-units, when the same answer carries them (Denmark's production units). */
  subUnits?: RegistrySubUnit[];
};

export type SubUnitsAnswer = { subUnits: RegistrySubUnit[]; raw: unknown };

/** A company's risk signals as its register reports them now. */
export type StatusAnswer = { signals: RiskSignal[]; raw: unknown };

/**
 * One company register. Every call throws RegistryError on failure (not found, gone, over quota,
 * timed out, malformed…); a paid provider would be one more implementation.
 */
export interface RegistryProvider {
  country: RegistryCountry;
  /** Sweden answers by number only. */
  searchByName: boolean;
  subUnits: boolean;
  /** Whether the credentials it needs are there. */
  configured: (credentials: RegistryCredentials) => boolean;
  /** The number in the register's own form, or null when it cannot be one of its numbers. */
  normalizeNumber: (input: string) => string | null;
  search: (ctx: ProviderContext, name: string) => Promise<RegistrySuggestion[]>;
  fetchByNumber: (ctx: ProviderContext, number: string) => Promise<CompanyAnswer>;
  listSubUnits: (ctx: ProviderContext, number: string) => Promise<SubUnitsAnswer>;
  fetchStatus: (ctx: ProviderContext, number: string) => Promise<StatusAnswer>;
}

/** The badge a company's signals give it. */
export function statusOf(signals: RiskSignal[]): RegistryStatus {
  if (signals.some((signal) => signal.code === 'deregistered')) return 'closed';
  if (signals.some((signal) => signal.severity === 'high')) return 'risk';
  if (signals.length > 0) return 'warning';
  return 'active';
}

/** A signal from a register. */
export function registrySignal(
  country: RegistryCountry, code: RiskSignal['code'], severity: RiskSignal['severity'], since: string | null | undefined, detail: string | null | undefined,
): RiskSignal {
  return { code, severity, source: `registry:${country}`, since: since ?? null, detail: detail ?? null };
}

/** The suggestion line of a company. */
export const suggestionOf = (company: RegistryCompany): RegistrySuggestion => ({
  country: company.country,
  number: company.number,
  name: company.name,
  city: company.address?.city ?? company.postalAddress?.city ?? company.address?.region ?? null,
  legalForm: company.legalForm,
  status: company.status,
  statusText: company.statusText,
});

/** Text, or null for blanks and the registers' placeholders; characters no database stores alike are dropped. */
export function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = withoutUnsafeText(value).trim();
  return trimmed === '' || trimmed === '-' ? null : trimmed;
}

/** A register's own number for a company: letters and digits only (anything else is not an answer we trust). */
export const registryNumber = z.string().regex(/^[0-9A-Za-z]{1,20}$/);
