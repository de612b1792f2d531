import { z } from 'zod';
import { idSchema, listQueryBase, listResponse, queryBoolean } from './common';
import { colorSchema } from './lists';

export const tagNameSchema = z.string().trim().min(1).max(60);

/** What the actor may do with a tag; the web hides buttons from this, never decides. */
export const tagAbilitiesSchema = z.object({ update: z.boolean(), delete: z.boolean() });

export const tagSchema = z.object({
  id: idSchema,
  name: z.string(),
  color: z.string().nullable(),
  version: z.number().int(),
  abilities: tagAbilitiesSchema,
  /** The accounts with the tag that the reader may see, counted as the accounts list counts (only when asked). */
  accounts: z.object({ count: z.number().int(), countIsEstimate: z.boolean() }).optional(),
});
export type Tag = z.infer<typeof tagSchema>;

export const tagListSchema = listResponse(tagSchema);
export const tagListQuerySchema = z.object({
  ...listQueryBase,
  q: z.string().trim().min(1).max(60).optional(),
  /** Count each tag's accounts under the reader's scope (the tags page; pickers leave it out). */
  counts: queryBoolean.optional(),
});
export type TagListQuery = z.infer<typeof tagListQuerySchema>;

export const tagCreateSchema = z.object({ name: tagNameSchema, color: colorSchema.nullable().optional() });
export type TagCreate = z.input<typeof tagCreateSchema>;
export const tagUpdateSchema = z.object({
  version: z.number().int().min(1),
  name: tagNameSchema.optional(),
  color: colorSchema.nullable().optional(),
});
export type TagUpdate = z.input<typeof tagUpdateSchema>;

/** A tag as other records show it: enough to draw its badge. */
export const tagRefSchema = z.object({ id: idSchema, name: z.string(), color: z.string().nullable() });
export type TagRef = z.infer<typeof tagRefSchema>;

/** The tags of one account (a handful: no paging). */
export const accountTagsSchema = z.object({ items: z.array(tagRefSchema) });
export const accountTagParamsSchema = z.object({ id: idSchema, tagId: idSchema });
