import { z } from 'zod';

/**
 * Every configurable list (picklist) Cartera has. A record stores an item's `key`, which never
 * changes; admins rename (es/en), colour, order and deactivate items.
 */
export const listKeys = [
  'account_stage',
  'industry',
  'source',
  'characteristic',
  'interest_area',
  'relationship_reason',
  'request_interest',
  'request_group',
  'request_channel',
  'request_status',
  'activity_type',
  'contact_channel',
  'opportunity_stage',
  'opportunity_lost_reason',
  'opportunity_role',
  'product_unit',
  'product_category',
  'campaign_member_status',
  'agreement_type',
] as const;
export const listKeySchema = z.enum(listKeys);
export type ListKey = z.infer<typeof listKeySchema>;

/** Built-in stages: always present, renamable, never deactivated (the app's logic relies on them). */
export const builtInStages = ['lead', 'prospect', 'customer'] as const;

/** What a pipeline stage means: a deal in it is still open, won or lost. */
export const stageOutcomes = ['open', 'won', 'lost'] as const;
export const stageOutcomeSchema = z.enum(stageOutcomes);
export type StageOutcome = z.infer<typeof stageOutcomeSchema>;

/**
 * Lists whose items carry a default probability (0–100) and an outcome: the pipeline's stages.
 * Every other list's items have neither (null), and refuse them on write.
 */
export const stageLists = ['opportunity_stage'] as const satisfies readonly ListKey[];
export const isStageList = (key: ListKey): boolean => stageLists.some((stageList) => stageList === key);
export const probabilitySchema = z.number().int().min(0).max(100);

export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/);

export const labelsSchema = z.object({
  es: z.string().trim().min(1).max(80),
  en: z.string().trim().min(1).max(80),
});

export const listItemSchema = z.object({
  id: z.uuid(),
  listKey: listKeySchema,
  key: z.string(),
  labels: z.object({ es: z.string(), en: z.string() }),
  color: z.string().nullable(),
  position: z.number().int(),
  active: z.boolean(),
  system: z.boolean(),
  version: z.number().int(),
  /** Pipeline stages only (see stageLists); null elsewhere. */
  probability: z.number().int().nullable(),
  outcome: stageOutcomeSchema.nullable(),
});
export type ListItem = z.infer<typeof listItemSchema>;

export const listItemsSchema = z.object({ items: z.array(listItemSchema) });
export const listItemsQuerySchema = z.object({
  includeInactive: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});
export const listParamsSchema = z.object({ key: listKeySchema });
export const listItemParamsSchema = z.object({ key: listKeySchema, id: z.uuid() });

export const listItemCreateSchema = z.object({
  labels: labelsSchema,
  /** Optional stable key; made from the Spanish label when omitted. */
  key: z.string().trim().regex(/^[a-z0-9_]{1,60}$/).optional(),
  color: colorSchema.nullable().optional(),
  /** Pipeline stages: the default probability (0 when omitted) and the outcome (open when omitted). */
  probability: probabilitySchema.optional(),
  outcome: stageOutcomeSchema.optional(),
});
export type ListItemCreate = z.input<typeof listItemCreateSchema>;

export const listItemUpdateSchema = z.object({
  version: z.number().int().min(1),
  labels: labelsSchema.optional(),
  color: colorSchema.nullable().optional(),
  active: z.boolean().optional(),
  probability: probabilitySchema.optional(),
  outcome: stageOutcomeSchema.optional(),
});
export type ListItemUpdate = z.input<typeof listItemUpdateSchema>;

export const listOrderSchema = z.object({ ids: z.array(z.uuid()).min(1).max(500) });

/** All lists at once, for the admin page and for caching labels in the web app. */
export const allListsSchema = z.object({ lists: z.record(z.string(), z.array(listItemSchema)) });
