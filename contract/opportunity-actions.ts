import { z } from 'zod';
import { listValueSchema, timelineEntrySchema } from './accounts';
import { idSchema, listQueryBase, listResponse } from './common';
import { exportFormatSchema, maxSelectionExport, spreadsheetOptionsShape } from './exports';
import { opportunityCreateSchema, opportunityFiltersSchema, opportunityListQuerySchema, opportunitySortSchema } from './opportunities';
import { qualifySchema } from './requests';

/**
 * Which opportunities a bulk action or an export applies to: the rows ticked on the list, or every
 * one matching its filters. Either way only those the actor sees.
 */
export const opportunitySelectionSchema = z.union([
  z.object({ ids: z.array(idSchema).min(1).max(10_000) }),
  z.object({ filter: opportunityFiltersSchema }),
]);
export type OpportunitySelection = z.infer<typeof opportunitySelectionSchema>;

export const opportunityBulkActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setOwner'), ownerId: idSchema }),
  z.object({ type: z.literal('setStage'), stage: listValueSchema }),
  z.object({ type: z.literal('addTag'), tagId: idSchema }),
  z.object({ type: z.literal('removeTag'), tagId: idSchema }),
]);
export type OpportunityBulkAction = z.infer<typeof opportunityBulkActionSchema>;
export const opportunityBulkActionTypes = ['setOwner', 'setStage', 'addTag', 'removeTag'] as const;

export const opportunityBulkRequestSchema = z.object({ selection: opportunitySelectionSchema, action: opportunityBulkActionSchema });
export type OpportunityBulkRequest = z.input<typeof opportunityBulkRequestSchema>;

/** An export of the list: its filters and sort, as the list endpoint takes them. */
export const opportunityExportQuerySchema = opportunityListQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: exportFormatSchema.default('csv'),
  ...spreadsheetOptionsShape,
});
export type OpportunityExportQuery = z.input<typeof opportunityExportQuerySchema>;

/** An export of ticked rows: their ids in the body. */
export const opportunitySelectionExportSchema = z.object({
  format: exportFormatSchema.default('csv'),
  sort: opportunitySortSchema.default('-createdAt'),
  ids: z.array(idSchema).min(1).max(maxSelectionExport),
  ...spreadsheetOptionsShape,
});
export type OpportunitySelectionExport = z.input<typeof opportunitySelectionExportSchema>;

/** The opportunity's own history: its changes, moves, people and tags, and its activities' and documents' entries. */
export const opportunityHistoryQuerySchema = z.object({ ...listQueryBase });
export const opportunityHistorySchema = listResponse(timelineEntrySchema);

/**
 * Qualifying a lead (seed 002) may open an opportunity in the same step: on the lead itself when it
 * is an organization, or on one of the organizations a person lead belongs to (who then takes part).
 */
export const qualifyWithOpportunitySchema = qualifySchema.extend({
  opportunity: opportunityCreateSchema.omit({ organizationId: true }).extend({ organizationId: idSchema.optional() }).optional(),
});
export type QualifyWithOpportunity = z.input<typeof qualifyWithOpportunitySchema>;
export const qualifiedSchema = z.object({ handledRequests: z.number().int(), opportunityId: idSchema.nullable() });
export type Qualified = z.infer<typeof qualifiedSchema>;
