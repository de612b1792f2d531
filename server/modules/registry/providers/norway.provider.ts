import { z } from 'zod';
import type { RegistryAddress, RegistryCompany, RiskSignal } from '@contract/registry';
import { RegistryError, registryFetch, registryUrl } from '../registry-http';
import { type ProviderContext, registryNumber, type RegistryProvider, registrySignal, statusOf, suggestionOf, text } from '../registry-provider';

// Brønnøysund's Enhetsregisteret (data.brreg.no/enhetsregisteret/api): open, no key.

const addressSchema = z.object({
  adresse: z.array(z.string().nullable()).nullish(),
  postnummer: z.string().nullish(),
  poststed: z.string().nullish(),
  kommune: z.string().nullish(),
  landkode: z.string().nullish(),
}).nullish();

const codeSchema = z.object({ kode: z.string().nullish(), beskrivelse: z.string().nullish() }).nullish();

const enhetSchema = z.object({
  organisasjonsnummer: registryNumber,
  navn: z.string().nullish(),
  organisasjonsform: codeSchema,
  forretningsadresse: addressSchema,
  postadresse: addressSchema,
  beliggenhetsadresse: addressSchema,
  antallAnsatte: z.union([z.number(), z.string()]).nullish(),
  naeringskode1: codeSchema,
  hjemmeside: z.string().nullish(),
  telefon: z.string().nullish(),
  mobil: z.string().nullish(),
  epostadresse: z.string().nullish(),
  konkurs: z.boolean().nullish(),
  konkursdato: z.string().nullish(),
  underAvvikling: z.boolean().nullish(),
  underAvviklingDato: z.string().nullish(),
  underTvangsavviklingEllerTvangsopplosning: z.boolean().nullish(),
  tvangsavvikletPgaManglendeSlettingDato: z.string().nullish(),
  tvangsopplostPgaManglendeDagligLederDato: z.string().nullish(),
  tvangsopplostPgaManglendeRevisorDato: z.string().nullish(),
  tvangsopplostPgaManglendeRegnskapDato: z.string().nullish(),
  tvangsopplostPgaMangelfulltStyreDato: z.string().nullish(),
  sisteInnsendteAarsregnskap: z.union([z.string(), z.number()]).nullish(),
  slettedato: z.string().nullish(),
  nedleggelsesdato: z.string().nullish(),
});
type Enhet = z.infer<typeof enhetSchema>;

const enheterSchema = z.object({ _embedded: z.object({ enheter: z.array(enhetSchema).nullish() }).nullish() });
const underenheterSchema = z.object({ _embedded: z.object({ underenheter: z.array(enhetSchema).nullish() }).nullish() });

const goneSchema = z.object({ organisasjonsnummer: z.string().nullish(), slettedato: z.string().nullish() });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new RegistryError('malformed');
  return result.data;
}

function addressOf(address: z.infer<typeof addressSchema>): RegistryAddress | null {
  if (!address) return null;
  const street = (address.adresse ?? []).map(text).filter((line): line is string => line !== null).join(', ');
  return { street: street || null, postalCode: text(address.postnummer), city: text(address.poststed), region: null, country: text(address.landkode) ?? 'NO' };
}

/** Accounts for year Y are due by the end of July of Y+1: a company whose latest filed year is older is late. */
function accountsOverdue(latest: string | number | null | undefined, today: Date): boolean {
  const year = Number(latest);
  if (!latest || !Number.isInteger(year)) return false;
  const due = today.getUTCMonth() >= 7 ? today.getUTCFullYear() - 1 : today.getUTCFullYear() - 2;
  return year < due;
}

/** Bankruptcy, liquidation, forced dissolution, deletion and late annual accounts, as the register states them. */
export function norwaySignals(enhet: Enhet, today = new Date()): RiskSignal[] {
  const signals: RiskSignal[] = [];
  if (enhet.konkurs) signals.push(registrySignal('NO', 'bankruptcy', 'high', enhet.konkursdato, 'Konkurs'));
  if (enhet.underAvvikling) signals.push(registrySignal('NO', 'liquidation', 'high', enhet.underAvviklingDato, 'Under avvikling'));
  const forced = [
    enhet.tvangsavvikletPgaManglendeSlettingDato, enhet.tvangsopplostPgaManglendeDagligLederDato, enhet.tvangsopplostPgaManglendeRevisorDato,
    enhet.tvangsopplostPgaManglendeRegnskapDato, enhet.tvangsopplostPgaMangelfulltStyreDato,
  ].find((date) => date);
  if (enhet.underTvangsavviklingEllerTvangsopplosning || forced) {
    signals.push(registrySignal('NO', 'forced_dissolution', 'high', forced, 'Under tvangsavvikling eller tvangsoppløsning'));
  }
  if (enhet.slettedato) signals.push(registrySignal('NO', 'deregistered', 'high', enhet.slettedato, 'Slettet'));
  if (accountsOverdue(enhet.sisteInnsendteAarsregnskap, today)) {
    signals.push(registrySignal('NO', 'overdue_accounts', 'medium', null, `Siste innsendte årsregnskap: ${String(enhet.sisteInnsendteAarsregnskap)}`));
  }
  return signals;
}

function companyOf(enhet: Enhet): RegistryCompany {
  const signals = norwaySignals(enhet);
  const code = enhet.naeringskode1;
  return {
    country: 'NO',
    number: enhet.organisasjonsnummer,
    name: text(enhet.navn) ?? enhet.organisasjonsnummer,
    legalForm: text(enhet.organisasjonsform?.beskrivelse),
    status: statusOf(signals),
    statusText: signals[0]?.detail ?? null,
    address: addressOf(enhet.forretningsadresse ?? enhet.beliggenhetsadresse),
    postalAddress: addressOf(enhet.postadresse),
    employees: enhet.antallAnsatte === null || enhet.antallAnsatte === undefined ? null : String(enhet.antallAnsatte),
    industry: code ? [text(code.kode), text(code.beskrivelse)].filter(Boolean).join(' ') || null : null,
    website: text(enhet.hjemmeside),
    phone: text(enhet.telefon) ?? text(enhet.mobil),
    email: text(enhet.epostadresse),
    signals,
  };
}

async function get(ctx: ProviderContext, segments: string[], query: Record<string, string> = {}): Promise<unknown> {
  const answer = await registryFetch(registryUrl(ctx.config.urls.NO, segments, query), { timeoutMs: ctx.timeoutMs, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  return answer.body;
}

export const norwayProvider: RegistryProvider = {
  country: 'NO',
  searchByName: true,
  subUnits: true,
  configured: () => true,
  normalizeNumber: (input) => {
    const digits = input.replace(/[\s.-]/g, '').replace(/^NO/i, '').replace(/MVA$/i, '');
    return /^\d{9}$/.test(digits) ? digits : null;
  },
  search: async (ctx, name) => {
    const body = parse(enheterSchema, await get(ctx, ['enheter'], { navn: name, size: '10' }));
    return (body._embedded?.enheter ?? []).map((enhet) => suggestionOf(companyOf(enhet)));
  },
  fetchByNumber: async (ctx, number) => {
    const raw = await get(ctx, ['enheter', number]);
    return { company: companyOf(parse(enhetSchema, raw)), raw };
  },
  listSubUnits: async (ctx, number) => {
    const raw = await get(ctx, ['underenheter'], { overordnetEnhet: number, size: '200' });
    const units = parse(underenheterSchema, raw)._embedded?.underenheter ?? [];
    return {
      raw,
      subUnits: units
        .filter((unit) => !unit.nedleggelsesdato && !unit.slettedato)
        .map((unit) => ({
          number: unit.organisasjonsnummer,
          name: text(unit.navn) ?? unit.organisasjonsnummer,
          address: addressOf(unit.beliggenhetsadresse ?? unit.postadresse),
          employees: unit.antallAnsatte === null || unit.antallAnsatte === undefined ? null : String(unit.antallAnsatte),
        })),
    };
  },
  fetchStatus: async (ctx, number) => {
    try {
      const raw = await get(ctx, ['enheter', number]);
      return { signals: norwaySignals(parse(enhetSchema, raw)), raw };
    } catch (error) {
      // Removed for legal reasons: 410 Gone with the deletion date.
      if (error instanceof RegistryError && error.failure === 'gone') {
        const gone = goneSchema.safeParse(error.body);
        const since = gone.success ? gone.data.slettedato : null;
        return { signals: [registrySignal('NO', 'deregistered', 'high', since, 'Slettet')], raw: error.body };
      }
      throw error;
    }
  },
};
