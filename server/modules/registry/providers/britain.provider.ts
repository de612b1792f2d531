import { z } from 'zod';
import type { RegistryAddress, RegistryCompany, RiskSignal } from '@contract/registry';
import { RegistryError, registryFetch, registryUrl } from '../registry-http';
import { type ProviderContext, registryNumber, type RegistryProvider, registrySignal, statusOf, text } from '../registry-provider';

// Companies House public data API: the API key is the HTTP Basic user (empty password); 600
// requests per 5 minutes, then 429.

const addressSchema = z.object({
  premises: z.string().nullish(),
  address_line_1: z.string().nullish(),
  address_line_2: z.string().nullish(),
  locality: z.string().nullish(),
  region: z.string().nullish(),
  postal_code: z.string().nullish(),
  country: z.string().nullish(),
}).nullish();

const searchSchema = z.object({
  items: z.array(z.object({
    company_number: registryNumber,
    title: z.string().nullish(),
    company_status: z.string().nullish(),
    company_type: z.string().nullish(),
    address: addressSchema,
  })).nullish(),
});

const profileSchema = z.object({
  company_number: registryNumber,
  company_name: z.string().nullish(),
  company_status: z.string().nullish(),
  company_status_detail: z.string().nullish(),
  type: z.string().nullish(),
  date_of_cessation: z.string().nullish(),
  registered_office_address: addressSchema,
  sic_codes: z.array(z.string()).nullish(),
  accounts: z.object({ overdue: z.boolean().nullish() }).nullish(),
  confirmation_statement: z.object({ overdue: z.boolean().nullish() }).nullish(),
});
type Profile = z.infer<typeof profileSchema>;

const normalStatuses = new Set(['active', 'open', 'registered']);
const insolvency = new Set(['administration', 'receivership', 'insolvency-proceedings', 'voluntary-arrangement']);
const closed = new Set(['dissolved', 'converted-closed', 'removed', 'closed']);

/** company_status values other than active, strike-off proposals and overdue filings. */
export function britainSignals(status: string | null | undefined, profile?: Profile): RiskSignal[] {
  const signals: RiskSignal[] = [];
  const value = (status ?? 'active').toLowerCase();
  if (value === 'liquidation') signals.push(registrySignal('GB', 'liquidation', 'high', null, value));
  else if (insolvency.has(value)) signals.push(registrySignal('GB', 'insolvency', 'high', null, value));
  else if (closed.has(value)) signals.push(registrySignal('GB', 'deregistered', 'high', profile?.date_of_cessation, value));
  else if (!normalStatuses.has(value)) signals.push(registrySignal('GB', 'credit_warning', 'medium', null, value));
  if (profile?.company_status_detail === 'active-proposal-to-strike-off') {
    signals.push(registrySignal('GB', 'strike_off', 'high', null, profile.company_status_detail));
  }
  if (profile?.accounts?.overdue) signals.push(registrySignal('GB', 'overdue_accounts', 'medium', null, 'accounts overdue'));
  if (profile?.confirmation_statement?.overdue) signals.push(registrySignal('GB', 'overdue_filing', 'medium', null, 'confirmation statement overdue'));
  return signals;
}

function addressOf(address: z.infer<typeof addressSchema>): RegistryAddress | null {
  if (!address) return null;
  const street = [address.premises, address.address_line_1, address.address_line_2].map(text).filter(Boolean).join(', ');
  return { street: street || null, postalCode: text(address.postal_code), city: text(address.locality), region: text(address.region), country: 'GB' };
}

async function get(ctx: ProviderContext, segments: string[], query: Record<string, string> = {}): Promise<unknown> {
  const key = ctx.credentials.gbKey;
  if (!key) throw new RegistryError('unauthorized');
  const answer = await registryFetch(registryUrl(ctx.config.urls.GB, segments, query), {
    timeoutMs: ctx.timeoutMs,
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  return answer.body;
}

function profileOf(raw: unknown): Profile {
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) throw new RegistryError('malformed');
  return parsed.data;
}

function companyOf(profile: Profile): RegistryCompany {
  const signals = britainSignals(profile.company_status, profile);
  return {
    country: 'GB',
    number: profile.company_number,
    name: text(profile.company_name) ?? profile.company_number,
    legalForm: text(profile.type),
    status: statusOf(signals),
    statusText: normalStatuses.has(profile.company_status ?? 'active') ? (signals[0]?.detail ?? null) : (profile.company_status ?? null),
    address: addressOf(profile.registered_office_address),
    postalAddress: null,
    employees: null,
    industry: profile.sic_codes && profile.sic_codes.length > 0 ? `SIC ${profile.sic_codes.join(', ')}` : null,
    website: null,
    phone: null,
    email: null,
    signals,
  };
}

export const britainProvider: RegistryProvider = {
  country: 'GB',
  searchByName: true,
  subUnits: false,
  configured: (credentials) => credentials.gbKey !== null,
  normalizeNumber: (input) => {
    const compact = input.replace(/[\s.-]/g, '').toUpperCase();
    if (/^\d{6,8}$/.test(compact)) return compact.padStart(8, '0');
    return /^[A-Z]{2}\d{6}$/.test(compact) ? compact : null;
  },
  search: async (ctx, name) => {
    const parsed = searchSchema.safeParse(await get(ctx, ['search', 'companies'], { q: name, items_per_page: '10' }));
    if (!parsed.success) throw new RegistryError('malformed');
    return (parsed.data.items ?? []).map((item) => {
      const signals = britainSignals(item.company_status);
      return {
        country: 'GB' as const,
        number: item.company_number,
        name: text(item.title) ?? item.company_number,
        city: text(item.address?.locality),
        legalForm: text(item.company_type),
        status: statusOf(signals),
        statusText: normalStatuses.has(item.company_status ?? 'active') ? null : (item.company_status ?? null),
      };
    });
  },
  fetchByNumber: async (ctx, number) => {
    const raw = await get(ctx, ['company', number]);
    return { company: companyOf(profileOf(raw)), raw, subUnits: [] };
  },
  listSubUnits: async () => ({ subUnits: [], raw: null }),
  fetchStatus: async (ctx, number) => {
    const raw = await get(ctx, ['company', number]);
    const profile = profileOf(raw);
    return { signals: britainSignals(profile.company_status, profile), raw };
  },
};
