import { z } from 'zod';
import type { RegistryAddress, RegistryCompany, RiskSignal } from '@contract/registry';
import { RegistryError, registryFetch, registryUrl } from '../registry-http';
import { type ProviderContext, registryNumber, type RegistryProvider, registrySignal, statusOf, text } from '../registry-provider';

// Bolagsverket's open data API ("värdefulla datamängder"): OAuth2 client credentials, lookup by
// organisation number only (no name search).

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().optional() });

const codeText = z.object({ kod: z.string().nullish(), klartext: z.string().nullish() }).nullish();

const organisationSchema = z.object({
  organisationsidentitet: z.object({ identitetsbeteckning: registryNumber }),
  organisationsnamn: z.object({ organisationsnamnLista: z.array(z.object({ namn: z.string().nullish() })).nullish() }).nullish(),
  organisationsform: codeText,
  postadressOrganisation: z.object({
    postadress: z.object({
      utdelningsadress: z.string().nullish(),
      postnummer: z.string().nullish(),
      postort: z.string().nullish(),
      land: z.string().nullish(),
    }).nullish(),
  }).nullish(),
  // The published example has a text here; the schema an object or a list of them. Any is read as text.
  naringsgrenOrganisation: z.unknown().optional(),
  avregistreradOrganisation: z.object({ avregistreringsdatum: z.string().nullish() }).nullish(),
  avregistreringsorsak: codeText,
  pagaendeAvvecklingsEllerOmstruktureringsforfarande: z.object({
    pagaendeAvvecklingsEllerOmstruktureringsforfarandeLista: z.array(z.object({
      kod: z.string().nullish(),
      klartext: z.string().nullish(),
      fromDatum: z.string().nullish(),
    })).nullish(),
  }).nullish(),
});
type Organisation = z.infer<typeof organisationSchema>;
const answerSchema = z.object({ organisationer: z.array(organisationSchema).nullish() });

/** Each process keeps its own token until shortly before it expires (any process can fetch one). */
const tokens = new Map<string, { token: string; expiresAt: number }>();

async function token(ctx: ProviderContext): Promise<string> {
  const { seClientId: id, seClientSecret: secret } = ctx.credentials;
  if (!id || !secret) throw new RegistryError('unauthorized');
  const key = `${ctx.config.urls.seToken}|${id}|${secret}`;
  const cached = tokens.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.token;
  const answer = await registryFetch(new URL(ctx.config.urls.seToken), {
    method: 'POST',
    timeoutMs: ctx.timeoutMs,
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'vardefulla-datamangder:read' }).toString(),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const parsed = tokenSchema.safeParse(answer.body);
  if (!parsed.success) throw new RegistryError('malformed');
  tokens.set(key, { token: parsed.data.access_token, expiresAt: Date.now() + Math.max(0, (parsed.data.expires_in ?? 300) - 30) * 1000 });
  return parsed.data.access_token;
}

function industryOf(value: unknown): string | null {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map(industryOf).filter(Boolean).join('; ') || null;
  if (typeof value === 'object' && value !== null) {
    const parsed = z.object({ sni: z.unknown().optional(), kod: z.string().nullish(), klartext: z.string().nullish() }).safeParse(value);
    if (!parsed.success) return null;
    if (parsed.data.sni !== undefined) return industryOf(parsed.data.sni);
    return [text(parsed.data.kod), text(parsed.data.klartext)].filter(Boolean).join(' ') || null;
  }
  return null;
}

/** Bankruptcy (KK), liquidation (LI…) or other ongoing winding-up, and deregistration. */
export function swedenSignals(organisation: Organisation): RiskSignal[] {
  const signals: RiskSignal[] = [];
  const ongoing = organisation.pagaendeAvvecklingsEllerOmstruktureringsforfarande?.pagaendeAvvecklingsEllerOmstruktureringsforfarandeLista ?? [];
  for (const process of ongoing) {
    const code = (process.kod ?? '').toUpperCase();
    const kind = code.startsWith('KK') ? 'bankruptcy' : code.startsWith('LI') ? 'liquidation' : 'insolvency';
    signals.push(registrySignal('SE', kind, 'high', process.fromDatum, process.klartext ?? process.kod));
  }
  const removed = organisation.avregistreradOrganisation?.avregistreringsdatum;
  if (removed) signals.push(registrySignal('SE', 'deregistered', 'high', removed, organisation.avregistreringsorsak?.klartext ?? 'Avregistrerad'));
  return signals;
}

function companyOf(organisation: Organisation): RegistryCompany {
  const signals = swedenSignals(organisation);
  const post = organisation.postadressOrganisation?.postadress;
  const address: RegistryAddress | null = post
    ? { street: text(post.utdelningsadress), postalCode: text(post.postnummer), city: text(post.postort), region: null, country: 'SE' }
    : null;
  const number = organisation.organisationsidentitet.identitetsbeteckning;
  return {
    country: 'SE',
    number,
    name: text(organisation.organisationsnamn?.organisationsnamnLista?.[0]?.namn) ?? number,
    legalForm: text(organisation.organisationsform?.klartext),
    status: statusOf(signals),
    statusText: signals[0]?.detail ?? null,
    address,
    postalAddress: null,
    employees: null,
    industry: industryOf(organisation.naringsgrenOrganisation),
    website: null,
    phone: null,
    email: null,
    signals,
  };
}

async function lookup(ctx: ProviderContext, number: string): Promise<{ organisation: Organisation; raw: unknown }> {
  const bearer = await token(ctx);
  const answer = await registryFetch(registryUrl(ctx.config.urls.SE, ['organisationer']), {
    method: 'POST',
    timeoutMs: ctx.timeoutMs,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ identitetsbeteckning: number }),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const parsed = answerSchema.safeParse(answer.body);
  if (!parsed.success) throw new RegistryError('malformed');
  const [organisation] = parsed.data.organisationer ?? [];
  if (!organisation) throw new RegistryError('not_found');
  return { organisation, raw: answer.body };
}

export const swedenProvider: RegistryProvider = {
  country: 'SE',
  searchByName: false,
  subUnits: false,
  configured: (credentials) => credentials.seClientId !== null && credentials.seClientSecret !== null,
  normalizeNumber: (input) => {
    const digits = input.replace(/[\s.-]/g, '').replace(/^SE/i, '');
    if (/^\d{10}$/.test(digits)) return digits;
    // Twelve digits: the "16" prefix of the long form, or the VAT number's "01" suffix.
    if (/^16\d{10}$/.test(digits)) return digits.slice(2);
    return /^\d{10}01$/.test(digits) ? digits.slice(0, 10) : null;
  },
  search: async () => [],
  fetchByNumber: async (ctx, number) => {
    const { organisation, raw } = await lookup(ctx, number);
    return { company: companyOf(organisation), raw, subUnits: [] };
  },
  listSubUnits: async () => ({ subUnits: [], raw: null }),
  fetchStatus: async (ctx, number) => {
    const { organisation, raw } = await lookup(ctx, number);
    return { signals: swedenSignals(organisation), raw };
  },
};
