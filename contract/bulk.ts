import { z } from 'zod';
import { accountListQuerySchema, listValueSchema } from './accounts';
import { idSchema, optionalText } from './common';
import { projectStatusSchema } from './projects';

/**
 * Which accounts a bulk action applies to: the rows ticked on screen, or everything matching
 * the list's current filters (seed 003). Either way, only accounts in the actor's portfolio.
 */
export const bulkSelectionSchema = z.union([
  z.object({ ids: z.array(idSchema).min(1).max(10_000) }),
  z.object({ filter: accountListQuerySchema.omit({ limit: true, cursor: true, counters: true }) }),
]);
export type BulkSelection = z.infer<typeof bulkSelectionSchema>;

export const bulkActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('addTag'), tagId: idSchema }),
  z.object({ type: z.literal('removeTag'), tagId: idSchema }),
  z.object({ type: z.literal('setStage'), stage: listValueSchema }),
  z.object({ type: z.literal('addOwners'), userIds: z.array(idSchema).min(1).max(20) }),
  z.object({ type: z.literal('removeOwners'), userIds: z.array(idSchema).min(1).max(20) }),
  z.object({ type: z.literal('addCharacteristic'), key: listValueSchema, note: optionalText(2000) }),
  z.object({ type: z.literal('discard') }),
  /** Members of a campaign (see contract/campaigns.ts): accounts already in it stay as they are. */
  z.object({ type: z.literal('addToCampaign'), campaignId: idSchema, status: listValueSchema.optional(), responsibleId: idSchema.nullable().optional() }),
  /** A project on each organization (people have none), its author the responsible user; a retried job opens none twice. */
  z.object({ type: z.literal('createProject'), name: z.string().trim().min(1).max(200), status: projectStatusSchema.optional() }),
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;
export const bulkActionTypes = ['addTag', 'removeTag', 'setStage', 'addOwners', 'removeOwners', 'addCharacteristic', 'discard', 'addToCampaign', 'createProject'] as const;

export const bulkRequestSchema = z.object({ selection: bulkSelectionSchema, action: bulkActionSchema });
export type BulkRequest = z.input<typeof bulkRequestSchema>;

/** What a finished bulk job reports: how many accounts changed, were already so, or failed. */
export const bulkResultSchema = z.object({ changed: z.number().int(), unchanged: z.number().int(), failed: z.number().int() });
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const bulkStartedSchema = z.object({ jobId: idSchema, total: z.number().int() });
