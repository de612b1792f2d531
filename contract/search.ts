import { z } from 'zod';
import { accountKindSchema } from './accounts';
import { idSchema } from './common';

/** The quick search's page size: what fits in the header's dropdown. */
export const searchDefaultLimit = 8;
export const searchMaxLimit = 20;

export const searchQuerySchema = z.object({
  // Control characters other than spaces, tabs and line breaks cannot be typed, and PostgreSQL
  // refuses NUL in text: they are a clear 400, not a database error.
  q: z.string().trim().min(1).max(200).regex(/^(?:\s|\P{Cc})*$/u),
  limit: z.coerce.number().int().min(1).max(searchMaxLimit).default(searchDefaultLimit),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;

/** Which field the second line of a result shows: what matched (an e-mail, the tax id), else the city. */
export const searchSecondaryFields = ['email', 'taxId', 'city'] as const;

export const searchResultSchema = z.object({
  id: idSchema,
  kind: accountKindSchema,
  name: z.string(),
  stage: z.string(),
  secondary: z.object({ field: z.enum(searchSecondaryFields), value: z.string() }).nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/** The best matches, and whether there are more than shown (the accounts list with `?q=` has them all). */
export const searchResponseSchema = z.object({
  items: z.array(searchResultSchema),
  hasMore: z.boolean(),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
