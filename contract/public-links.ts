import { z } from 'zod';

/**
 * A public link's token in its path (a sent quote's page, an agreement's): what the server issued,
 * and nothing a database or a path could choke on.
 */
export const publicLinkParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/** Signing or accepting on a public page: the customer types their name, as a signature. */
export const typedNameSchema = z.object({ name: z.string().trim().min(2).max(200) });
export type TypedName = z.input<typeof typedNameSchema>;
