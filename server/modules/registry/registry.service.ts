import {
  registryCompanySchema, registryCountries, registrySubUnitSchema,
  type RegistryCountry, type RegistryCountryInfo, type RegistryLookup, type RegistrySearchQuery, type RegistrySearchResult,
  type RegistrySkip, type RegistrySubUnit, type RegistrySuggestion,
} from '@contract/registry';
import { z } from 'zod';
import type { Config } from '@server/config';
import type { Db } from '@server/db/database';
import { AppError, fieldError } from '@server/lib/errors';
import { newId } from '@server/lib/ids';
import { nowIso } from '@server/lib/time';
import { authorize, type Actor } from '@server/policies';
import { registryProviders } from './providers';
import { RegistryError } from './registry-http';
import { suggestionOf, type ProviderContext, type RegistryProvider } from './registry-provider';
import { registryAccess, type RegistryAccess } from './registry-settings.service';
import { findOwnLookup, insertLookup, type LookupRow } from './registry.repo';

/** The flag ticks of the form: the registers an admin turned on and that have their credentials. */
export async function availableCountries(db: Db, config: Config, actor: Actor): Promise<RegistryCountryInfo[]> {
  authorize(actor, { domain: 'registry', action: 'search' });
  const access = await registryAccess(db, config);
  return registryCountries.filter((country) => access.enabled.has(country)).map((country) => ({
    country,
    searchByName: registryProviders[country].searchByName,
    subUnits: registryProviders[country].subUnits,
  }));
}

const contextOf = (db: Db, config: Config, access: RegistryAccess, timeoutMs: number, signal?: AbortSignal): ProviderContext => ({
  db, config: config.registry, credentials: access.credentials, timeoutMs, ...(signal ? { signal } : {}),
});

function skipReason(error: unknown): RegistrySkip['reason'] {
  if (!(error instanceof RegistryError)) return 'unavailable';
  switch (error.failure) {
    case 'timeout':
      return 'timeout';
    case 'quota':
      return 'quota';
    case 'unauthorized':
      return 'not_configured';
    case 'not_loaded':
      return 'not_loaded';
    default:
      return 'unavailable';
  }
}

/** A typed organisation number is looked up directly; something number-like that is not this country's format finds nothing. */
async function searchOne(provider: RegistryProvider, ctx: ProviderContext, q: string): Promise<RegistrySuggestion[]> {
  const number = provider.normalizeNumber(q);
  if (number) {
    try {
      const { company } = await provider.fetchByNumber(ctx, number);
      return [suggestionOf(company)];
    } catch (error) {
      if (error instanceof RegistryError && (error.failure === 'not_found' || error.failure === 'gone')) return [];
      throw error;
    }
  }
  const digits = q.replace(/\D/g, '').length;
  if (digits >= 6 && digits >= q.replace(/[\s.-]/g, '').length - 2) return [];
  if (!provider.searchByName) throw new SearchSkip('number_only');
  return provider.search(ctx, q);
}

class SearchSkip extends Error {
  constructor(readonly reason: RegistrySkip['reason']) {
    super(reason);
  }
}

/**
 * Asks every ticked register at once, each within the search timeout; a slow, down or over-quota
 * register is skipped with its reason, never holding the others up.
 */
export async function searchRegistries(db: Db, config: Config, actor: Actor, query: RegistrySearchQuery, signal?: AbortSignal): Promise<RegistrySearchResult> {
  authorize(actor, { domain: 'registry', action: 'search' });
  const access = await registryAccess(db, config);
  const ctx = contextOf(db, config, access, config.registry.searchTimeoutMs, signal);
  const settled = await Promise.all(query.countries.map(async (country): Promise<{ country: RegistryCountry; items: RegistrySuggestion[] } | RegistrySkip> => {
    if (!access.enabled.has(country)) return { country, reason: 'not_configured' };
    try {
      return { country, items: await searchOne(registryProviders[country], ctx, query.q) };
    } catch (error) {
      return { country, reason: error instanceof SearchSkip ? error.reason : skipReason(error) };
    }
  }));
  return {
    items: settled.flatMap((entry) => ('items' in entry ? entry.items : [])),
    skipped: settled.flatMap((entry) => ('reason' in entry ? [entry] : [])),
  };
}

function lookupError(error: unknown): AppError {
  if (error instanceof RegistryError) {
    if (error.failure === 'not_found' || error.failure === 'gone' || error.failure === 'bad_request') return new AppError('not_found');
    if (error.failure === 'quota') return new AppError('registry_quota');
  }
  return new AppError('registry_unavailable');
}

/**
 * One company by its number, with its departments; the register's answer is kept (registry_lookups)
 * so the account created from it records exactly what the register said, and when.
 */
export async function lookupCompany(db: Db, config: Config, actor: Actor, country: RegistryCountry, input: string, signal?: AbortSignal): Promise<RegistryLookup> {
  authorize(actor, { domain: 'registry', action: 'search' });
  const access = await registryAccess(db, config);
  if (!access.enabled.has(country)) throw new AppError('not_found');
  const provider = registryProviders[country];
  const number = provider.normalizeNumber(input);
  if (!number) throw fieldError('number', 'invalid_format');
  const ctx = contextOf(db, config, access, config.registry.lookupTimeoutMs, signal);
  let answer: Awaited<ReturnType<RegistryProvider['fetchByNumber']>>;
  try {
    answer = await provider.fetchByNumber(ctx, number);
  } catch (error) {
    throw lookupError(error);
  }
  let subUnits: RegistrySubUnit[] = answer.subUnits ?? [];
  let subUnitsRaw: unknown = null;
  if (provider.subUnits && !answer.subUnits) {
    // Departments are a bonus: a failure there still gives the company.
    const listed = await provider.listSubUnits(ctx, number).catch(() => null);
    subUnits = listed?.subUnits ?? [];
    subUnitsRaw = listed?.raw ?? null;
  }
  const row: LookupRow = {
    id: newId(),
    country,
    number: answer.company.number,
    fetched_at: nowIso(),
    raw: JSON.stringify({ company: answer.raw, subUnits: subUnitsRaw }),
    mapped: JSON.stringify({ company: answer.company, subUnits }),
    created_by: actor.id,
  };
  await insertLookup(db, row);
  return { lookupId: row.id, fetchedAt: row.fetched_at, company: answer.company, subUnits };
}

const mappedSchema = z.object({ company: registryCompanySchema, subUnits: z.array(registrySubUnitSchema) });

/** A lookup the actor made, with its company and departments as they were answered. */
export async function ownLookup(db: Db, actor: Actor, id: string) {
  const row = await findOwnLookup(db, id, actor.id);
  if (!row) throw fieldError('lookupId', 'unknown_lookup');
  const mapped = mappedSchema.safeParse(JSON.parse(row.mapped));
  if (!mapped.success) throw fieldError('lookupId', 'unknown_lookup');
  const raw = z.object({ company: z.unknown(), subUnits: z.unknown() }).safeParse(JSON.parse(row.raw));
  return { row, company: mapped.data.company, subUnits: mapped.data.subUnits, raw: raw.success ? raw.data : { company: null, subUnits: null } };
}
