import type { z } from 'zod';

/** Parses a JSON text column against its schema; stored data that no longer fits falls back. */
export function parseJsonColumn<T>(text: string, schema: z.ZodType<T>, fallback: T): T {
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : fallback;
  } catch {
    return fallback;
  }
}
