import { z } from 'zod';
import { idSchema } from './common';

/** The fields a merge takes from one account or another: every editable field of an account. */
export const mergeFieldKeys = [
  'name', 'firstName', 'lastName', 'stage', 'taxId', 'industry', 'source', 'website', 'emails', 'phones', 'addresses', 'notes',
  'invoiceDelivery', 'invoiceEmail', 'creditDays', 'teamId', 'parentId',
  'birthDate', 'nationalId', 'preferredChannel', 'language',
] as const;
export const mergeFieldSchema = z.enum(mergeFieldKeys);
export type MergeField = z.infer<typeof mergeFieldSchema>;

/**
 * Merge duplicates into one: the survivor keeps its id and takes, per field, the value of the
 * account named in `fields` (its own when a field is not named); the losers' contacts,
 * relationships, activities, requests, documents, tags, owners and history move to it, and the
 * losers go to the bin. `versions` (optional) are the versions the merge page read: if one has
 * changed since, nothing is merged (412).
 */
export const mergeRequestSchema = z.object({
  survivorId: idSchema,
  loserIds: z.array(idSchema).min(1).max(9),
  fields: z.partialRecord(mergeFieldSchema, idSchema).default({}),
  versions: z.record(idSchema, z.number().int().min(1)).optional(),
});
export type MergeRequest = z.input<typeof mergeRequestSchema>;

/** What a merge moved to the survivor, by kind, so the page can say so. */
const count = z.number().int();
export const mergeMovedSchema = z.object({
  contacts: count, relationships: count, activities: count, requests: count, documents: count,
  characteristics: count, departments: count, tags: count, owners: count,
});
export type MergeMoved = z.infer<typeof mergeMovedSchema>;
export const mergeResultSchema = z.object({ id: idSchema, survivorId: idSchema, loserIds: z.array(idSchema), moved: mergeMovedSchema });
export type MergeResult = z.infer<typeof mergeResultSchema>;
