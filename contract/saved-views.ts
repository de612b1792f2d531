import { z } from 'zod';
import { accountListQuerySchema, userRefSchema } from './accounts';
import { idSchema, listQueryBase, listResponse } from './common';

/** The accounts list's columns a user can show or hide (the name always shows). */
export const accountColumns = ['stage', 'email', 'phone', 'city', 'country', 'industry', 'source', 'owners', 'createdAt', 'updatedAt'] as const;
export const accountColumnSchema = z.enum(accountColumns);
export type AccountColumn = z.infer<typeof accountColumnSchema>;
export const defaultAccountColumns: AccountColumn[] = ['stage', 'email', 'phone', 'city', 'country', 'industry', 'owners', 'updatedAt'];

/** A view's filters and sort: the accounts list query without paging (overview counters are not saved yet). */
export const accountViewQuerySchema = accountListQuerySchema.omit({ limit: true, cursor: true, counters: true }).partial();
export type AccountViewQuery = z.infer<typeof accountViewQuerySchema>;

/** The same, as the API returns it (no defaults or transforms, so it serialises as stored). */
const viewQueryOutSchema = z.record(z.string(), z.string());

export const savedViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  shared: z.boolean(),
  owner: userRefSchema.nullable(),
  query: viewQueryOutSchema,
  columns: z.array(z.string()),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type SavedView = z.infer<typeof savedViewSchema>;
export const savedViewListSchema = listResponse(savedViewSchema);
export const savedViewListQuerySchema = z.object({ ...listQueryBase });

export const savedViewCreateSchema = z.object({
  name: z.string().trim().min(1).max(80),
  shared: z.boolean().default(false),
  query: accountViewQuerySchema,
  columns: z.array(accountColumnSchema).max(accountColumns.length),
});
export type SavedViewCreate = z.input<typeof savedViewCreateSchema>;
export const savedViewUpdateSchema = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(80).optional(),
  shared: z.boolean().optional(),
  query: accountViewQuerySchema.optional(),
  columns: z.array(accountColumnSchema).max(accountColumns.length).optional(),
});
export type SavedViewUpdate = z.input<typeof savedViewUpdateSchema>;
