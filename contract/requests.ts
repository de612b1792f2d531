import { z } from 'zod';
import { accountCreateSchema, accountKindSchema, listValueSchema, userRefSchema } from './accounts';
import { idSchema, listQueryBase, listResponse, optionalText, queryBoolean } from './common';
import { monthWindow } from './list-query';

/**
 * A request (solicitud): what a lead asked for. Every list-valued field holds an item key of
 * its configurable list (request_interest, request_group, request_channel, source,
 * request_status), like an account's stage: keys survive renames.
 */
const requestFields = {
  requestedAt: z.iso.datetime({ offset: true }).optional(),
  interest: listValueSchema.nullable().optional(),
  group: listValueSchema.nullable().optional(),
  channel: listValueSchema.nullable().optional(),
  source: listValueSchema.nullable().optional(),
  status: listValueSchema.nullable().optional(),
  handled: z.boolean().optional(),
  reason: optionalText(500),
  notes: optionalText(10_000),
  responsibleId: idSchema.nullable().optional(),
};

/**
 * The client confirmed that a responsible user who cannot see the account becomes one of its
 * owners; without it such an assignment is refused (assignee_cannot_see_account).
 */
export const addAssigneeAsOwnerSchema = z.boolean().optional();

export const requestCreateSchema = z.object({ accountId: idSchema, ...requestFields, addAssigneeAsOwner: addAssigneeAsOwnerSchema });
export type RequestCreate = z.input<typeof requestCreateSchema>;

export const requestUpdateSchema = z.object({ version: z.number().int().min(1), ...requestFields, addAssigneeAsOwner: addAssigneeAsOwnerSchema });
export type RequestUpdate = z.input<typeof requestUpdateSchema>;

export const accountRefSchema = z.object({ id: idSchema, kind: accountKindSchema, name: z.string(), stage: z.string() });
export type AccountRef = z.infer<typeof accountRefSchema>;

export const requestSchema = z.object({
  id: idSchema,
  account: accountRefSchema,
  requestedAt: z.string(),
  interest: z.string().nullable(),
  group: z.string().nullable(),
  channel: z.string().nullable(),
  source: z.string().nullable(),
  status: z.string().nullable(),
  handled: z.boolean(),
  reason: z.string().nullable(),
  notes: z.string().nullable(),
  responsible: userRefSchema.nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Request = z.infer<typeof requestSchema>;

export const requestSorts = ['-requestedAt', 'requestedAt'] as const;

export const requestListQuerySchema = z.object({
  ...listQueryBase,
  sort: z.enum(requestSorts).default('-requestedAt'),
  accountId: idSchema.optional(),
  interest: listValueSchema.optional(),
  group: listValueSchema.optional(),
  channel: listValueSchema.optional(),
  source: listValueSchema.optional(),
  status: listValueSchema.optional(),
  handled: queryBoolean.optional(),
  responsibleId: idSchema.optional(),
  /** Those whose responsible user is in this team. */
  teamId: idSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** "Show only the latest": each lead's newest request among those the other filters leave. */
  latestOnly: queryBoolean.optional(),
});
export type RequestListQuery = z.infer<typeof requestListQuerySchema>;
export type RequestListParams = Omit<z.input<typeof requestListQuerySchema>, 'limit'> & { limit?: number };
export const requestListSchema = listResponse(requestSchema);

/** What the requests list can be grouped by: a count per status, channel or month (of requestedAt) under its filters. */
export const requestGroupings = ['status', 'channel', 'month'] as const;
export const requestGroupQuerySchema = requestListQuerySchema.omit({ limit: true, cursor: true, sort: true })
  .extend({ by: z.enum(requestGroupings) })
  .superRefine(monthWindow);
export type RequestGroupQuery = z.infer<typeof requestGroupQuerySchema>;

/** "New lead": the person or organization (stage lead) and its first request, in one step. */
export const leadCreateSchema = z.object({
  account: accountCreateSchema,
  request: z.object(requestFields),
});
export type LeadCreate = z.input<typeof leadCreateSchema>;
export const leadCreatedSchema = z.object({ accountId: idSchema, request: requestSchema });

/** Qualifying a lead makes it a customer; its open requests can be marked handled at once. */
export const qualifySchema = z.object({ version: z.number().int().min(1), markRequestsHandled: z.boolean().default(false) });
export type QualifyInput = z.input<typeof qualifySchema>;
export const unqualifySchema = z.object({ version: z.number().int().min(1) });
