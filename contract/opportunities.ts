import { z } from 'zod';
import { listValueSchema, userRefSchema } from './accounts';
import { idSchema, listQueryBase, listResponse, optionalText } from './common';
import { probabilitySchema, stageOutcomeSchema } from './lists';
import { currencySchema, minorUnitsSchema, moneySchema } from './money';
import { addAssigneeAsOwnerSchema } from './requests';

/**
 * An opportunity (seed 001): a need of an organization worked for months through the people of
 * that organization. Its stage is an item of the `opportunity_stage` list (the pipeline), and its
 * status is that stage's outcome: moving it to a won or lost stage wins or loses it.
 */
export const opportunityStatuses = ['open', 'won', 'lost'] as const;
export const opportunityStatusSchema = stageOutcomeSchema;
export type OpportunityStatus = z.infer<typeof opportunityStatusSchema>;

const dateOnly = z.iso.date();

/** A person of the organization taking part, with their role (an `opportunity_role` item). */
export const opportunityPersonInputSchema = z.object({ personId: idSchema, role: listValueSchema.nullable().optional() });
export type OpportunityPersonInput = z.input<typeof opportunityPersonInputSchema>;

const editable = {
  name: z.string().trim().min(1).max(200),
  /** Integer minor units of `currency`; null while unknown. */
  amount: minorUnitsSchema.nullable().optional(),
  currency: currencySchema,
  expectedCloseOn: dateOnly,
  /** 0–100; the stage's default when omitted (and again whenever the stage changes, unless sent with it). */
  probability: probabilitySchema.optional(),
  source: listValueSchema.nullable().optional(),
  /** The responsible user; the actor when omitted. They must see the organization (see assign-work). */
  ownerId: idSchema.optional(),
  /** The pipeline's first open stage when omitted. */
  stage: listValueSchema.optional(),
  lostReason: listValueSchema.nullable().optional(),
  lostNote: optionalText(2000),
  notes: optionalText(10_000),
};

export const opportunityCreateSchema = z.object({
  organizationId: idSchema,
  ...editable,
  people: z.array(opportunityPersonInputSchema).max(50).optional(),
  addAssigneeAsOwner: addAssigneeAsOwnerSchema,
});
export type OpportunityCreate = z.input<typeof opportunityCreateSchema>;

/** The fields sent change; the organization never does (an opportunity is that organization's). */
export const opportunityUpdateSchema = z.object({
  version: z.number().int().min(1),
  ...editable,
  name: editable.name.optional(),
  currency: currencySchema.optional(),
  expectedCloseOn: dateOnly.optional(),
  addAssigneeAsOwner: addAssigneeAsOwnerSchema,
});
export type OpportunityUpdate = z.input<typeof opportunityUpdateSchema>;

/**
 * A move on the board: to `stage`, right after card `afterId` and before card `beforeId` of that
 * column (either or both may be left out: after the last card when both are). One write.
 */
export const opportunityMoveSchema = z.object({
  version: z.number().int().min(1),
  stage: listValueSchema,
  afterId: idSchema.nullable().optional(),
  beforeId: idSchema.nullable().optional(),
  lostReason: listValueSchema.nullable().optional(),
  lostNote: optionalText(2000),
});
export type OpportunityMove = z.input<typeof opportunityMoveSchema>;

export const opportunityPersonParamsSchema = z.object({ id: idSchema, personId: idSchema });
export const opportunityTagParamsSchema = z.object({ id: idSchema, tagId: idSchema });
export const opportunityPersonRoleSchema = z.object({ role: listValueSchema.nullable() });

const organizationRefSchema = z.object({ id: idSchema, name: z.string() });

/** A card on the board and a row of the list: what both show. */
export const opportunityCardSchema = z.object({
  id: idSchema,
  name: z.string(),
  organization: organizationRefSchema,
  amount: z.number().int().nullable(),
  currency: z.string(),
  expectedCloseOn: z.string(),
  probability: z.number().int(),
  stage: z.string(),
  status: opportunityStatusSchema,
  owner: userRefSchema,
  /** The next scheduled activity's due time, and when the last one took place. */
  nextActivityDueAt: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  /** Open, and its next activity is overdue or nothing happened for the pipeline's stale days. */
  stale: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type OpportunityCard = z.infer<typeof opportunityCardSchema>;

export const opportunityPersonSchema = z.object({
  person: z.object({ id: idSchema, name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  role: z.string().nullable(),
  /** Their position in the organization (the contact link's). */
  position: z.string().nullable(),
});
export type OpportunityPerson = z.infer<typeof opportunityPersonSchema>;

export const opportunitySchema = opportunityCardSchema.extend({
  source: z.string().nullable(),
  lostReason: z.string().nullable(),
  lostNote: z.string().nullable(),
  notes: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Only the people the actor may see: a person outside their portfolio is left out. */
  people: z.array(opportunityPersonSchema),
  tags: z.array(z.object({ id: idSchema, name: z.string(), color: z.string().nullable() })),
  createdBy: userRefSchema.nullable(),
  /** The campaign whose converted member it came from (every campaign is everyone's to read). */
  campaign: organizationRefSchema.nullable(),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

/** Filters the list, the board and the grouped counts share. */
export const opportunityFilterParams = {
  q: z.string().trim().min(1).max(100).optional(),
  ownerId: idSchema.optional(),
  organizationId: idSchema.optional(),
  tagId: idSchema.optional(),
  source: listValueSchema.optional(),
  /** Expected close on or after / on or before (ISO dates). */
  closeFrom: dateOnly.optional(),
  closeTo: dateOnly.optional(),
};
const listOnlyFilters = {
  stage: listValueSchema.optional(),
  status: opportunityStatusSchema.optional(),
  /** Won or lost at or after / before these instants, for this lost reason, in this currency (the dashboard's charts link here). */
  closedFrom: z.iso.datetime({ offset: true }).optional(),
  closedTo: z.iso.datetime({ offset: true }).optional(),
  lostReason: listValueSchema.optional(),
  currency: currencySchema.optional(),
  /** Those whose owner is in this team. */
  teamId: idSchema.optional(),
};
export const opportunityFiltersSchema = z.object({ ...opportunityFilterParams, ...listOnlyFilters });
export type OpportunityFilters = z.infer<typeof opportunityFiltersSchema>;

export const opportunitySorts = ['-createdAt', 'createdAt', '-updatedAt', 'updatedAt', 'expectedCloseOn', '-expectedCloseOn', 'name', '-name'] as const;
export const opportunitySortSchema = z.enum(opportunitySorts);

export const opportunityListQuerySchema = z.object({
  ...listQueryBase,
  sort: opportunitySortSchema.default('-createdAt'),
  ...opportunityFilterParams,
  ...listOnlyFilters,
});
export type OpportunityListQuery = z.infer<typeof opportunityListQuerySchema>;
export type OpportunityListParams = Omit<z.input<typeof opportunityListQuerySchema>, 'limit'> & { limit?: number };
export const opportunityListSchema = listResponse(opportunityCardSchema);

/** The board's first screen: every column's count and totals per currency, and its first cards. */
export const boardQuerySchema = z.object({ ...opportunityFilterParams, cards: z.coerce.number().int().min(1).max(50).default(20) });
export type BoardQuery = z.infer<typeof boardQuerySchema>;

export const boardColumnSchema = z.object({
  stage: z.string(),
  /** Every card of the column under the filters, counted in SQL: exact. */
  count: z.number().int(),
  /** Amounts summed per currency over the same cards, never across currencies. */
  sums: z.array(moneySchema),
  cards: z.array(opportunityCardSchema),
  nextCursor: z.string().nullable(),
});
export type BoardColumn = z.infer<typeof boardColumnSchema>;
export const boardSchema = z.object({ staleDays: z.number().int(), columns: z.array(boardColumnSchema) });
export type Board = z.infer<typeof boardSchema>;

/** A column's next cards, in board order, under the board's filters. */
export const boardColumnQuerySchema = z.object({ ...listQueryBase, limit: z.coerce.number().int().min(1).max(100).default(20), stage: listValueSchema, ...opportunityFilterParams });
export type BoardColumnQuery = z.infer<typeof boardColumnQuerySchema>;

/** The opportunities list counted per stage or status, amounts summed per currency, under its filters. */
export const opportunityGroupings = ['stage', 'status'] as const;
export const opportunityGroupQuerySchema = z.object({ ...opportunityFilterParams, ...listOnlyFilters, by: z.enum(opportunityGroupings) });
export type OpportunityGroupQuery = z.infer<typeof opportunityGroupQuerySchema>;

/** The pipeline's own settings; its stages are the `opportunity_stage` list. */
export const pipelineSchema = z.object({ staleDays: z.number().int(), version: z.number().int() });
export type Pipeline = z.infer<typeof pipelineSchema>;
export const pipelineUpdateSchema = z.object({ version: z.number().int().min(1), staleDays: z.number().int().min(1).max(365) });
export type PipelineUpdate = z.input<typeof pipelineUpdateSchema>;
