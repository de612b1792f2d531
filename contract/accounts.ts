import { z } from 'zod';
import { idSchema, listQueryBase, listResponse, optionalText } from './common';
import { currencySchema } from './money';

export const accountKinds = ['organization', 'person'] as const;
export const accountKindSchema = z.enum(accountKinds);
export type AccountKind = z.infer<typeof accountKindSchema>;

/** The key of a configurable-list item: built-in stages (lead, prospect, customer) or admin-defined ones. */
export const listValueSchema = z.string().trim().regex(/^[a-z0-9_]{1,60}$/);

/** Built-in stages; admins add more (supplier, partner…) in the `account_stage` list. */
export const accountStages = ['lead', 'prospect', 'customer'] as const;
export const accountStageSchema = listValueSchema;
export type AccountStage = string;

export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/);

export const addressSchema = z.object({
  street: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(100),
  region: optionalText(100),
  country: countrySchema.nullable().optional().or(z.literal('').transform(() => null)),
});
export type Address = z.infer<typeof addressSchema>;

/** An address as the API returns it (no input transforms, so responses serialise as they are). */
const addressOutSchema = z.object({
  street: z.string().nullable().optional(),
  postalCode: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  region: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
});
export const addressesOutSchema = z.object({
  visit: addressOutSchema.optional(),
  postal: addressOutSchema.optional(),
  billing: addressOutSchema.optional(),
});

export const addressKinds = ['visit', 'postal', 'billing'] as const;
export const addressesSchema = z.object({
  visit: addressSchema.optional(),
  postal: addressSchema.optional(),
  billing: addressSchema.optional(),
});
export type Addresses = z.infer<typeof addressesSchema>;

/** How invoices reach the customer (seed 003): e-mail with a tracking link, e-mail with a PDF, or paper. */
export const invoiceDeliveries = ['email_link', 'email_pdf', 'paper'] as const;
export const invoiceDeliverySchema = z.enum(invoiceDeliveries);
export type InvoiceDelivery = z.infer<typeof invoiceDeliverySchema>;

/**
 * The account overview counters (seed 003). Each later module adds its key here and its
 * counter in server/modules/accounts/overview.repo.ts (open activities, projects, agreements…).
 */
export const overviewCounterKeys = ['openActivities', 'contacts', 'documents', 'activeProjects', 'openTasks', 'unsignedAgreements', 'invoicedThisYear'] as const;
export const overviewCounterSchema = z.enum(overviewCounterKeys);
export type OverviewCounter = z.infer<typeof overviewCounterSchema>;
export const accountOverviewSchema = z.object({
  openActivities: z.number().int().optional(),
  contacts: z.number().int().optional(),
  documents: z.number().int().optional(),
  activeProjects: z.number().int().optional(),
  openTasks: z.number().int().optional(),
  /** Agreements sent and not yet signed by both parties. */
  unsignedAgreements: z.number().int().optional(),
  /** Issued (not draft, not cancelled) invoices' totals this calendar year, one entry per currency, largest first. */
  invoicedThisYear: z.array(z.object({ amount: z.number().int(), currency: z.string() })).optional(),
});
export type AccountOverview = z.infer<typeof accountOverviewSchema>;

const emailItem = z.string().trim().toLowerCase().pipe(z.email().max(254));
const phoneItem = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^\+?[0-9 ()./-]+$/);

/** A calendar day, YYYY-MM-DD, that exists (no 2026-02-30). */
export const isoDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, { params: { code: 'invalid_date' } });

/** The person's own details (seed 002's "más información"); organizations have none. */
export const personFieldKeys = ['birthDate', 'nationalId', 'preferredChannel', 'language'] as const;
const personFields = {
  /** A birth date between 1900 and today. */
  birthDate: isoDateSchema
    .refine((value) => value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10), { params: { code: 'out_of_range' } })
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  nationalId: optionalText(40),
  /** An item key of the `contact_channel` list. */
  preferredChannel: listValueSchema.nullable().optional(),
  /** ISO 639-1, lower case: the language to write to this person in. */
  language: z.string().trim().toLowerCase().regex(/^[a-z]{2}$/).nullable().optional().or(z.literal('').transform(() => null)),
};

/** The editable fields of an account, shared by create and update. */
const accountFields = {
  name: z.string().trim().min(1).max(200).optional(),
  firstName: z.string().trim().min(1).max(100).optional(),
  lastName: optionalText(100),
  stage: accountStageSchema.optional(),
  taxId: optionalText(40),
  industry: listValueSchema.nullable().optional(),
  source: listValueSchema.nullable().optional(),
  website: optionalText(300),
  emails: z.array(emailItem).max(10).optional(),
  phones: z.array(phoneItem).max(10).optional(),
  addresses: addressesSchema.optional(),
  notes: optionalText(10_000),
  invoiceDelivery: invoiceDeliverySchema.nullable().optional(),
  invoiceEmail: z.string().trim().toLowerCase().pipe(z.email().max(254)).nullable().optional().or(z.literal('').transform(() => null)),
  creditDays: z.number().int().min(0).max(365).nullable().optional(),
  teamId: idSchema.nullable().optional(),
  /** The parent organization of a department or subsidiary (organizations only). */
  parentId: idSchema.nullable().optional(),
  ...personFields,
};

export const accountCreateSchema = z
  .object({
    kind: accountKindSchema,
    ...accountFields,
    ownerIds: z.array(idSchema).max(20).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'organization' && !value.name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'required', params: { code: 'required' } });
    }
    if (value.kind === 'person' && !value.firstName) {
      ctx.addIssue({ code: 'custom', path: ['firstName'], message: 'required', params: { code: 'required' } });
    }
    if (value.kind === 'organization') {
      for (const key of personFieldKeys) {
        if (value[key] !== undefined && value[key] !== null) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'not_for_kind', params: { code: 'not_for_kind' } });
        }
      }
    }
  });
export type AccountCreate = z.input<typeof accountCreateSchema>;

export const accountUpdateSchema = z.object({ version: z.number().int().min(1), ...accountFields });
export type AccountUpdate = z.input<typeof accountUpdateSchema>;

export const accountOwnersSchema = z.object({
  version: z.number().int().min(1),
  ownerIds: z.array(idSchema).max(20),
});

export const userRefSchema = z.object({ id: idSchema, name: z.string() });
export type UserRef = z.infer<typeof userRefSchema>;

/** What the actor may do with the record; the web hides buttons from this, never decides. */
export const accountAbilitiesSchema = z.object({
  update: z.boolean(),
  discard: z.boolean(),
});

export const accountSchema = z.object({
  id: idSchema,
  kind: accountKindSchema,
  name: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  stage: z.string(),
  taxId: z.string().nullable(),
  industry: z.string().nullable(),
  source: z.string().nullable(),
  website: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  addresses: addressesOutSchema,
  city: z.string().nullable(),
  country: z.string().nullable(),
  notes: z.string().nullable(),
  invoiceDelivery: invoiceDeliverySchema.nullable(),
  invoiceEmail: z.string().nullable(),
  creditDays: z.number().int().nullable(),
  teamId: idSchema.nullable(),
  /** The logo's address, or null; changes whenever the logo does (safe to cache). */
  logoUrl: z.string().nullable(),
  overview: accountOverviewSchema,
  owners: z.array(userRefSchema),
  parentId: z.string().nullable(),
  birthDate: z.string().nullable(),
  nationalId: z.string().nullable(),
  preferredChannel: z.string().nullable(),
  language: z.string().nullable(),
  /** The parent as the actor may see it: null when there is none or it is outside their portfolio. */
  parent: z.object({ id: idSchema, name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: userRefSchema.nullable(),
  version: z.number().int(),
  abilities: accountAbilitiesSchema,
});
export type Account = z.infer<typeof accountSchema>;

export const accountListItemSchema = z.object({
  id: idSchema,
  kind: accountKindSchema,
  name: z.string(),
  stage: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  industry: z.string().nullable(),
  teamId: idSchema.nullable(),
  logoUrl: z.string().nullable(),
  /** Only the counters the list asked for (`counters=`). */
  overview: accountOverviewSchema,
  source: z.string().nullable(),
  owners: z.array(userRefSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AccountListItem = z.infer<typeof accountListItemSchema>;

/**
 * The company counters sort too (most first with a leading '-'), ties by name. Invoiced this year
 * sorts by the amount in the base currency (the quotes' settings): amounts in other currencies
 * are never added to it nor compared with it, and an account billed only in them sorts as zero.
 */
export const accountSorts = [
  'name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'stage', '-stage',
  '-activeProjects', 'activeProjects', '-openTasks', 'openTasks', '-unsignedAgreements', 'unsignedAgreements', '-invoicedThisYear', 'invoicedThisYear',
] as const;
export const accountSortSchema = z.enum(accountSorts);
export type AccountSort = z.infer<typeof accountSortSchema>;

/** A query parameter listing values of `item`, comma-separated, each once (an unknown one is invalid). */
function commaSeparated<T extends string>(item: z.ZodType<T>) {
  return z
    .string()
    .max(200)
    .optional()
    .transform((value, ctx) => {
      const keys = (value ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '');
      const parsed = z.array(item).safeParse([...new Set(keys)]);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'invalid_value', params: { code: 'invalid_value' } });
        return z.NEVER;
      }
      return parsed.data;
    });
}

/**
 * The accounts list's filters, one query parameter each, described once: the web reads its URL
 * parameters from these schemas, and the server's registry (server/modules/accounts/account-list/
 * account-filters.ts) says what each one reads; the compiler refuses one without the other.
 */
export const accountFilterParams = {
  kind: accountKindSchema,
  stage: accountStageSchema,
  ownerId: idSchema,
  city: z.string().trim().min(1).max(100),
  country: countrySchema,
  industry: listValueSchema,
  source: listValueSchema,
  teamId: idSchema,
  q: z.string().trim().min(1).max(100),
  /** Accounts with this characteristic (item key of the `characteristic` list). */
  characteristic: listValueSchema,
  /** Accounts with this interest area (item key of `interest_area`), of any kind unless interestKind says. */
  interest: listValueSchema,
  /** Accounts with an interest of this kind: in the `interest` area when it is set, else in any area. */
  interestKind: z.enum(['interest', 'disinterest', 'unmet_need']),
  tagId: idSchema,
  /** Direct departments and subsidiaries of this account. */
  parentId: idSchema,
  /** Accounts whose credit risk is medium or high (`at_risk`), or high only. */
  risk: z.enum(['at_risk', 'high']),
  /** Created at or after / before this instant (the dashboard's new accounts per month link here). */
  createdFrom: z.iso.datetime({ offset: true }),
  createdTo: z.iso.datetime({ offset: true }),
  /** More than this many open tasks, counted as the reader sees them (private ones only where they may). */
  openTasksAbove: z.coerce.number().int().min(0).max(1_000_000),
  /** Invoiced this year above this amount, in minor units of invoicedCurrency (the base currency when not given). */
  invoicedAbove: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** The currency of invoicedAbove; alone, the accounts invoiced anything in it this year. Never converted nor added across currencies. */
  invoicedCurrency: currencySchema,
};
export type AccountFilterField = keyof typeof accountFilterParams;

/** The filters alone, each optional: what a saved view, a bulk selection or an export names. */
export const accountFiltersSchema = z.object(accountFilterParams).partial();
export type AccountFilters = z.infer<typeof accountFiltersSchema>;

export const accountListQuerySchema = accountFiltersSchema.extend({
  ...listQueryBase,
  sort: accountSortSchema.default('name'),
  /** Overview counters to add as columns, comma-separated (one grouped query each per page). */
  counters: commaSeparated(overviewCounterSchema),
});
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;

/** What the accounts list can be grouped by (kanban columns, dashboard charts): a count per value under its filters. */
export const accountGroupings = ['stage', 'kind'] as const;
export const accountGroupQuerySchema = accountFiltersSchema.extend({ by: z.enum(accountGroupings) });
export type AccountGroupQuery = z.infer<typeof accountGroupQuerySchema>;

export const accountListSchema = listResponse(accountListItemSchema);

/** A discarded account as the bin shows it. */
export const binItemSchema = z.object({
  id: idSchema,
  kind: accountKindSchema,
  name: z.string(),
  discardedAt: z.string(),
  discardedBy: userRefSchema.nullable(),
  /** The account it was merged into, while that merge stands (undo the merge to bring it back). */
  mergedInto: z.object({ mergeId: idSchema, id: idSchema, name: z.string() }).nullable(),
});
export const binListSchema = listResponse(binItemSchema);
export const binQuerySchema = z.object({ ...listQueryBase });

/** What the history can be narrowed to (the web's filter chips). */
export const historyKinds = ['fields', 'owners', 'contacts', 'activities', 'documents', 'tags'] as const;
export const historyKindSchema = z.enum(historyKinds);
export type HistoryKind = z.infer<typeof historyKindSchema>;

/** What wrote many entries at once: an import, a bulk action or a merge of accounts. */
export const historyBatchKinds = ['import', 'bulk', 'merge'] as const;
export const historyBatchKindSchema = z.enum(historyBatchKinds);
export type HistoryBatchKind = z.infer<typeof historyBatchKindSchema>;
/** A batch's key: its kind and the id of the import, bulk job or merge (`import:<id>`). */
export const historyBatchIdSchema = z.string().regex(/^(import|bulk|merge):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
export const historyBatchRefSchema = z.object({ id: historyBatchIdSchema, kind: historyBatchKindSchema });

/** One entry of an account's history: who changed what, from what to what. */
export const timelineEntrySchema = z.object({
  type: z.literal('entry'),
  id: idSchema,
  at: z.string(),
  actor: userRefSchema.nullable(),
  entity: z.string(),
  entityId: idSchema,
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  /** The account at the other end of a contact or relationship, only when the reader may see it. */
  related: z.object({ id: idSchema, name: z.string(), kind: accountKindSchema }).nullable(),
  /** The import, bulk action or merge that wrote the entry, if one did. */
  batch: historyBatchRefSchema.nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** Everything one import, bulk action or merge wrote on the account, as one expandable entry. */
export const timelineBatchSchema = z.object({
  type: z.literal('batch'),
  id: historyBatchIdSchema,
  kind: historyBatchKindSchema,
  /** When its last entry was written. */
  at: z.string(),
  actor: userRefSchema.nullable(),
  /** How many entries it holds that the reader may see, and of which actions. */
  count: z.number().int(),
  actions: z.array(z.object({ action: z.string(), count: z.number().int() })),
});
export type TimelineBatch = z.infer<typeof timelineBatchSchema>;

export const timelineItemSchema = z.discriminatedUnion('type', [timelineEntrySchema, timelineBatchSchema]);
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export const timelineListSchema = listResponse(timelineItemSchema);
export const timelineQuerySchema = z.object({
  ...listQueryBase,
  /** Only these kinds of entries, comma-separated (fields, owners, contacts, activities, documents, tags). */
  kinds: commaSeparated(historyKindSchema),
  /** The entries of one batch (an expanded group), instead of the history. */
  batch: historyBatchIdSchema.optional(),
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

/** The duplicate check of the create form: any of these may be given; empty ones are ignored. */
export const duplicateQuerySchema = z.object({
  taxId: z.string().trim().max(40).optional(),
  country: countrySchema.optional().or(z.literal('').transform(() => undefined)),
  email: z.union([z.string().trim().max(254), z.array(z.string().trim().max(254)).max(10)]).optional(),
  phone: z.union([z.string().trim().max(40), z.array(z.string().trim().max(40)).max(10)]).optional(),
  /** The account being edited, which is never its own duplicate. */
  excludeId: idSchema.optional(),
});
export type DuplicateQuery = z.input<typeof duplicateQuerySchema>;

export const duplicateMatchKinds = ['taxId', 'email', 'phone'] as const;
export const duplicateSchema = z.object({
  id: idSchema,
  kind: accountKindSchema,
  name: z.string(),
  stage: z.string(),
  matched: z.array(z.enum(duplicateMatchKinds)),
});
export type Duplicate = z.infer<typeof duplicateSchema>;
export const duplicateListSchema = z.object({ items: z.array(duplicateSchema) });
