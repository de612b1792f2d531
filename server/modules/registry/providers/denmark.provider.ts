import { z } from 'zod';
import type { RegistryCompany, RiskSignal } from '@contract/registry';
import { RegistryError, registryFetch, registryUrl } from '../registry-http';
import { type ProviderContext, registryNumber, type RegistryProvider, registrySignal, statusOf, suggestionOf, text } from '../registry-provider';

// The public CVR API (cvrapi.dk): one best match per question, a descriptive User-Agent required
// ("App - Provider - Contact"; without one it answers QUOTA_EXCEEDED), `{"error": …}` on failure.

const numberOrText = z.union([z.number(), z.string()]).nullish();

const unitSchema = z.object({
  pno: numberOrText,
  main: z.boolean().nullish(),
  name: z.string().nullish(),
  address: z.string().nullish(),
  zipcode: numberOrText,
  city: z.string().nullish(),
  employees: numberOrText,
  enddate: z.string().nullish(),
});

const companySchema = z.object({
  vat: z.union([z.number().int().nonnegative(), registryNumber]),
  name: z.string().nullish(),
  address: z.string().nullish(),
  zipcode: numberOrText,
  city: z.string().nullish(),
  phone: numberOrText,
  email: z.string().nullish(),
  startdate: z.string().nullish(),
  enddate: z.string().nullish(),
  employees: numberOrText,
  industrycode: numberOrText,
  industrydesc: z.string().nullish(),
  companydesc: z.string().nullish(),
  creditbankrupt: z.boolean().nullish(),
  creditstatus: numberOrText,
  creditstartdate: z.string().nullish(),
  productionunits: z.array(unitSchema).nullish(),
});
type Company = z.infer<typeof companySchema>;

const errorSchema = z.object({ error: z.string() });

/** "23/04 - 1980" → "1980-04-23". */
function isoDate(value: string | null | undefined): string | null {
  const match = value ? /^(\d{2})\/(\d{2}) - (\d{4})$/.exec(value.trim()) : null;
  return match ? `${match[3]}-${match[2]}-${match[1]}` : (value ?? null);
}

function failureOfError(code: string): RegistryError {
  if (code === 'NOT_FOUND') return new RegistryError('not_found');
  if (code === 'QUOTA_EXCEEDED') return new RegistryError('quota');
  if (code.startsWith('INVALID')) return new RegistryError('bad_request');
  return new RegistryError('unavailable');
}

export function denmarkSignals(company: Company): RiskSignal[] {
  const signals: RiskSignal[] = [];
  if (company.creditbankrupt) signals.push(registrySignal('DK', 'bankruptcy', 'high', isoDate(company.creditstartdate), 'Konkurs'));
  else if (text(company.creditstatus)) signals.push(registrySignal('DK', 'credit_warning', 'medium', isoDate(company.creditstartdate), text(company.creditstatus)));
  if (company.enddate) signals.push(registrySignal('DK', 'deregistered', 'high', isoDate(company.enddate), 'Ophørt'));
  return signals;
}

function companyOf(company: Company): RegistryCompany {
  const signals = denmarkSignals(company);
  const address = { street: text(company.address), postalCode: text(company.zipcode), city: text(company.city), region: null, country: 'DK' };
  return {
    country: 'DK',
    number: String(company.vat).padStart(8, '0'),
    name: text(company.name) ?? String(company.vat),
    legalForm: text(company.companydesc),
    status: statusOf(signals),
    statusText: signals[0]?.detail ?? null,
    address,
    postalAddress: null,
    employees: text(company.employees),
    industry: [text(company.industrycode), text(company.industrydesc)].filter(Boolean).join(' ') || null,
    website: null,
    phone: text(company.phone),
    email: text(company.email),
    signals,
  };
}

async function ask(ctx: ProviderContext, query: Record<string, string>): Promise<{ company: Company; raw: unknown }> {
  const contact = ctx.credentials.dkContact ?? 'no contact set';
  let raw: unknown;
  try {
    raw = (await registryFetch(registryUrl(ctx.config.urls.DK, [], { ...query, country: 'dk' }), {
      timeoutMs: ctx.timeoutMs,
      headers: { 'user-agent': `Cartera CRM - company lookup - ${contact}` },
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    })).body;
  } catch (error) {
    const answered = error instanceof RegistryError ? errorSchema.safeParse(error.body) : null;
    throw answered?.success ? failureOfError(answered.data.error) : error;
  }
  const failed = errorSchema.safeParse(raw);
  if (failed.success) throw failureOfError(failed.data.error);
  const parsed = companySchema.safeParse(raw);
  if (!parsed.success) throw new RegistryError('malformed');
  return { company: parsed.data, raw };
}

function subUnitsOf(company: Company) {
  return (company.productionunits ?? [])
    .filter((unit) => !unit.enddate && text(unit.pno))
    .map((unit) => ({
      number: text(unit.pno) ?? '',
      name: text(unit.name) ?? text(unit.pno) ?? '',
      address: { street: text(unit.address), postalCode: text(unit.zipcode), city: text(unit.city), region: null, country: 'DK' },
      employees: text(unit.employees),
    }));
}

export const denmarkProvider: RegistryProvider = {
  country: 'DK',
  searchByName: true,
  subUnits: true,
  configured: () => true,
  normalizeNumber: (input) => {
    const digits = input.replace(/[\s.-]/g, '').replace(/^DK/i, '');
    return /^\d{8}$/.test(digits) ? digits : null;
  },
  search: async (ctx, name) => {
    try {
      const { company } = await ask(ctx, { search: name });
      return [suggestionOf(companyOf(company))];
    } catch (error) {
      if (error instanceof RegistryError && error.failure === 'not_found') return [];
      throw error;
    }
  },
  fetchByNumber: async (ctx, number) => {
    const { company, raw } = await ask(ctx, { vat: number });
    return { company: companyOf(company), raw, subUnits: subUnitsOf(company) };
  },
  listSubUnits: async (ctx, number) => {
    const { company, raw } = await ask(ctx, { vat: number });
    return { subUnits: subUnitsOf(company), raw };
  },
  fetchStatus: async (ctx, number) => {
    const { company, raw } = await ask(ctx, { vat: number });
    return { signals: denmarkSignals(company), raw };
  },
};
