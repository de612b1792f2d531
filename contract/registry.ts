import { z } from 'zod';
import { accountCreateSchema } from './accounts';
import { idSchema } from './common';
import { projectStartSchema } from './projects';

/**
 * Company registers Cartera can ask (seed 003: Norway, Sweden, Denmark, Great Britain; seed 001's
 * Peru from SUNAT's public file). The country picks the register and its host; nobody sends a URL.
 */
export const registryCountries = ['NO', 'SE', 'DK', 'GB', 'PE'] as const;
export const registryCountrySchema = z.enum(registryCountries);
export type RegistryCountry = z.infer<typeof registryCountrySchema>;
export const isRegistryCountry = (value: string): value is RegistryCountry => registryCountries.some((country) => country === value);

/** What a register or Cartera's own data says is wrong with a company; the risk level is the worst one. */
export const riskSignalCodes = [
  'bankruptcy', 'liquidation', 'forced_dissolution', 'insolvency', 'deregistered', 'strike_off',
  'suspended', 'overdue_accounts', 'overdue_filing', 'not_located', 'credit_warning', 'overdue_invoices',
] as const;
export const riskSignalCodeSchema = z.enum(riskSignalCodes);
export type RiskSignalCode = z.infer<typeof riskSignalCodeSchema>;

export const riskLevels = ['unknown', 'none', 'medium', 'high'] as const;
export const riskLevelSchema = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export const riskSignalSchema = z.object({
  code: riskSignalCodeSchema,
  severity: z.enum(['medium', 'high']),
  /** Where it comes from: a register (`registry:NO`) or Cartera's own data (`own:invoices`). */
  source: z.string(),
  /** When it started, as the source says (a date), if it says. */
  since: z.string().nullable(),
  /** The source's own words ("Konkurs", "liquidation", "BAJA DEFINITIVA"). */
  detail: z.string().nullable(),
});
export type RiskSignal = z.infer<typeof riskSignalSchema>;

/** The badge of a suggestion: operating, with warnings, in an insolvency process, or closed. */
export const registryStatuses = ['active', 'warning', 'risk', 'closed'] as const;
export const registryStatusSchema = z.enum(registryStatuses);
export type RegistryStatus = z.infer<typeof registryStatusSchema>;

export const registryAddressSchema = z.object({
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
});
export type RegistryAddress = z.infer<typeof registryAddressSchema>;

/** One line of the suggestions: enough to recognise the company. */
export const registrySuggestionSchema = z.object({
  country: registryCountrySchema,
  number: z.string(),
  name: z.string(),
  city: z.string().nullable(),
  legalForm: z.string().nullable(),
  status: registryStatusSchema,
  /** The register's own word for the status, when it is not plainly active. */
  statusText: z.string().nullable(),
});
export type RegistrySuggestion = z.infer<typeof registrySuggestionSchema>;

/** Why a ticked country gave no suggestions this time (the form shows a quiet note). */
export const registrySkipReasons = ['timeout', 'unavailable', 'quota', 'number_only', 'not_configured', 'not_loaded'] as const;
export const registrySkipSchema = z.object({ country: registryCountrySchema, reason: z.enum(registrySkipReasons) });
export type RegistrySkip = z.infer<typeof registrySkipSchema>;

const countriesParam = z
  .string()
  .trim()
  .max(40)
  .transform((value, ctx) => {
    const codes = [...new Set(value.toUpperCase().split(',').map((code) => code.trim()).filter((code) => code !== ''))];
    const parsed = z.array(registryCountrySchema).min(1).safeParse(codes);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'invalid_value', params: { code: 'invalid_value' } });
      return z.NEVER;
    }
    return parsed.data;
  });

export const registrySearchQuerySchema = z.strictObject({
  q: z.string().trim().min(2).max(100),
  countries: countriesParam,
});
export type RegistrySearchQuery = z.output<typeof registrySearchQuerySchema>;

export const registrySearchResultSchema = z.object({
  items: z.array(registrySuggestionSchema),
  skipped: z.array(registrySkipSchema),
});
export type RegistrySearchResult = z.infer<typeof registrySearchResultSchema>;

/** A company as the register describes it, mapped to what Cartera's form can take. */
export const registryCompanySchema = z.object({
  country: registryCountrySchema,
  number: z.string(),
  name: z.string(),
  legalForm: z.string().nullable(),
  status: registryStatusSchema,
  statusText: z.string().nullable(),
  address: registryAddressSchema.nullable(),
  postalAddress: registryAddressSchema.nullable(),
  /** A number or the register's band ("10-19"). */
  employees: z.string().nullable(),
  industry: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  signals: z.array(riskSignalSchema),
});
export type RegistryCompany = z.infer<typeof registryCompanySchema>;

/** A department of the company in the register (Norway's underenheter, Denmark's production units, Peru's branches). */
export const registrySubUnitSchema = z.object({
  number: z.string(),
  name: z.string(),
  address: registryAddressSchema.nullable(),
  employees: z.string().nullable(),
});
export type RegistrySubUnit = z.infer<typeof registrySubUnitSchema>;

export const registryNumberParamsSchema = z.strictObject({
  country: z.string().trim().toUpperCase().pipe(registryCountrySchema),
  number: z.string().trim().min(2).max(20).regex(/^[0-9A-Za-z -]+$/),
});

/** A lookup: the company, its departments, and the id under which Cartera keeps the register's answer. */
export const registryLookupSchema = z.object({
  lookupId: idSchema,
  fetchedAt: z.string(),
  company: registryCompanySchema,
  subUnits: z.array(registrySubUnitSchema),
});
export type RegistryLookup = z.infer<typeof registryLookupSchema>;

/** Creates an account from a lookup, with the ticked departments, in one transaction. */
export const registryAccountCreateSchema = z.strictObject({
  account: accountCreateSchema,
  lookupId: idSchema,
  /** Numbers of the lookup's sub-units to add as departments. */
  departments: z.array(z.string().trim().min(1).max(20)).max(200).default([]),
  /** The company's start project (seed 003), created in the same transaction. */
  startProject: projectStartSchema.optional(),
});
export type RegistryAccountCreate = z.input<typeof registryAccountCreateSchema>;

export const registryAccountCreatedSchema = z.object({
  id: idSchema,
  name: z.string(),
  departments: z.array(z.object({ id: idSchema, name: z.string() })),
});
export type RegistryAccountCreated = z.infer<typeof registryAccountCreatedSchema>;

/** The countries the form offers as flag ticks: the ones an admin turned on and that can answer. */
export const registryCountryInfoSchema = z.object({
  country: registryCountrySchema,
  searchByName: z.boolean(),
  subUnits: z.boolean(),
});
export const registryCountriesSchema = z.object({ items: z.array(registryCountryInfoSchema) });
export type RegistryCountryInfo = z.infer<typeof registryCountryInfoSchema>;

/** A register's settings as the admin page shows them; secrets never leave the server. */
export const registrySettingSchema = z.object({
  country: registryCountrySchema,
  enabled: z.boolean(),
  baseUrl: z.string(),
  /** Which credentials this register needs, whether they are set, and where from. */
  needs: z.array(z.enum(['apiKey', 'clientId', 'clientSecret', 'contact'])),
  clientId: z.string().nullable(),
  contact: z.string().nullable(),
  secretSet: z.boolean(),
  secretFromEnvironment: z.boolean(),
  /** Peru: when the public file was last loaded, and how many companies it held. */
  loadedAt: z.string().nullable(),
  loadedCount: z.number().int().nullable(),
  version: z.number().int(),
});
export type RegistrySetting = z.infer<typeof registrySettingSchema>;
export const registrySettingsSchema = z.object({
  items: z.array(registrySettingSchema),
  /** Whether CARTERA_SECRET_KEY is set: without it secrets can only come from the environment. */
  secretKeySet: z.boolean(),
});

export const registrySettingUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  enabled: z.boolean().optional(),
  clientId: z.string().trim().max(200).nullable().optional(),
  contact: z.string().trim().max(200).nullable().optional(),
  /** A new API key or client secret; null removes the stored one; absent keeps it. */
  secret: z.string().trim().min(1).max(500).nullable().optional(),
});
export type RegistrySettingUpdate = z.input<typeof registrySettingUpdateSchema>;
export const registryCountryParamsSchema = z.strictObject({ country: z.string().trim().toUpperCase().pipe(registryCountrySchema) });

export const registryJobStartedSchema = z.object({ jobId: idSchema });
